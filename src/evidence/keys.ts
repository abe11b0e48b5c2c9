import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256 } from '../util/hash.js';
import { EXIT, TrackrecordError } from '../util/errors.js';

/** The environment variable that holds the signing key (PEM text, PKCS#8 preferred). */
export const SIGNING_KEY_ENV = 'TRACKRECORD_SIGNING_KEY';

export type KeyAlgorithm = 'ed25519' | 'ecdsa-p256';

/** A key that cannot be used: bad PEM, wrong type, a private key where a public one belongs. */
export class EvidenceKeyError extends TrackrecordError {
  override name = 'EvidenceKeyError';
  readonly code = 'key';
  readonly exitStatus = EXIT.invalid;
}

/** Signs for one private key. Holds no text of the key, so nothing printed from it can leak it. */
export interface Signer {
  keyid: string;
  algorithm: KeyAlgorithm;
  sign(data: Buffer): Buffer;
  /** Its public half: what the signer checks its own envelopes with. */
  publicKey: PublicKey;
}

/** Checks signatures of one public key. */
export interface PublicKey {
  keyid: string;
  algorithm: KeyAlgorithm;
  verify(data: Buffer, signature: Buffer): boolean;
}

/**
 * The key id: SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo, the same for a key
 * and its public half, and computable with openssl alone:
 * `openssl pkey -pubin -in public.pem -outform DER | openssl dgst -sha256`.
 */
export function keyIdOf(key: KeyObject): string {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  return sha256(spki);
}

/**
 * The signer for TRACKRECORD_SIGNING_KEY, or null when it is unset. Throws EvidenceKeyError for
 * anything else that is not an Ed25519 or ECDSA P-256 private key in PEM; the message never
 * repeats the variable's value.
 */
export function signerFromEnv(env: NodeJS.ProcessEnv): Signer | null {
  const raw = env[SIGNING_KEY_ENV];
  if (raw === undefined || raw === '') return null;
  // A secret pasted with literal "\n" (some CI settings pages) still reads as PEM.
  const pem = raw.includes('\n') ? raw.trim() : raw.trim().replace(/\\n/g, '\n');
  const where = SIGNING_KEY_ENV;
  if (!pem.startsWith('-----BEGIN ')) {
    throw new EvidenceKeyError(
      `${where} must hold the private key itself, as PEM text starting with "-----BEGIN PRIVATE KEY-----" (not a path or a key id). ` +
        'Make one with: openssl genpkey -algorithm ed25519 -out signing-key.pem',
    );
  }
  if (/-----BEGIN (ENCRYPTED PRIVATE KEY|PUBLIC KEY|CERTIFICATE)-----/.test(pem)) {
    const kind = /ENCRYPTED/.test(pem) ? 'an encrypted private key' : 'not a private key';
    throw new EvidenceKeyError(
      `${where} holds ${kind}: it must be an unencrypted PKCS#8 private key ("-----BEGIN PRIVATE KEY-----")`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new EvidenceKeyError(
      `${where} is not a readable PEM private key (${(error as Error).message.replace(/\s+/g, ' ')})`,
    );
  }
  const algorithm = algorithmOf(key, where);
  const keyid = keyIdOf(key);
  return {
    keyid,
    algorithm,
    sign: (data) =>
      algorithm === 'ed25519' ? sign(null, data, key) : sign('sha256', data, { key, dsaEncoding: 'der' }),
    publicKey: verifierOf(createPublicKey(key), algorithm),
  };
}

/** The public key in a PEM file's text (`file` names it in errors). */
export function publicKeyFromPem(text: string, file: string): PublicKey {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new EvidenceKeyError(
      `${file} holds a private key: pass the public key (openssl pkey -in ${file} -pubout -out public.pem), and keep the private one secret`,
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch (error) {
    throw new EvidenceKeyError(
      `${file} is not a PEM public key ("-----BEGIN PUBLIC KEY-----"): ${(error as Error).message.replace(/\s+/g, ' ')}`,
    );
  }
  return verifierOf(key, algorithmOf(key, file));
}

function verifierOf(key: KeyObject, algorithm: KeyAlgorithm): PublicKey {
  return {
    keyid: keyIdOf(key),
    algorithm,
    verify: (data, signature) =>
      algorithm === 'ed25519'
        ? verify(null, data, key, signature)
        : verify('sha256', data, { key, dsaEncoding: 'der' }, signature),
  };
}

function algorithmOf(key: KeyObject, where: string): KeyAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256';
  const type =
    key.asymmetricKeyType === 'ec'
      ? `an EC key on ${key.asymmetricKeyDetails?.namedCurve ?? 'an unknown curve'}`
      : `a ${key.asymmetricKeyType ?? 'unknown'} key`;
  throw new EvidenceKeyError(
    `${where} is ${type}: trackrecord signs with Ed25519 (openssl genpkey -algorithm ed25519) or ECDSA P-256 (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256)`,
  );
}

/**
 * The pieces of TRACKRECORD_SIGNING_KEY to mask in logs: the whole value and each line of it,
 * since a log line can only ever show one line of a multi-line secret.
 */
export function signingKeySecrets(env: NodeJS.ProcessEnv): string[] {
  const raw = env[SIGNING_KEY_ENV];
  if (!raw) return [];
  const lines = raw
    .split(/\r?\n|\\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 8 && !l.startsWith('-----'));
  return [raw, ...new Set(lines)];
}
