import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestKey {
  /** PKCS#8 PEM, what TRACKRECORD_SIGNING_KEY holds. */
  privatePem: string;
  /** SPKI PEM, what `--key` reads. */
  publicPem: string;
}

/** A fresh Ed25519 or ECDSA P-256 key pair as PEM text. */
export function makeKey(kind: 'ed25519' | 'p256' = 'ed25519'): TestKey {
  const { privateKey, publicKey } =
    kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Writes the public key to `dir/name` and returns the name. */
export function writePublicKey(dir: string, key: TestKey, name = 'public.pem'): string {
  writeFileSync(join(dir, name), key.publicPem);
  return name;
}
