import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EvidenceKeyError, publicKeyFromPem, type PublicKey } from './keys.js';

/** The public key in a PEM file given on the command line (relative to `cwd`). */
export async function readPublicKey(cwd: string, file: string): Promise<PublicKey> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EvidenceKeyError(`--key ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return publicKeyFromPem(text, file);
}
