import { describe, expect, it } from 'vitest';
import { signLine } from '../../src/evidence/attestations.js';
import { certificatePredicate, openCertificate, signCertificate } from '../../src/evidence/certificate.js';
import { openExact, parseEnvelope, serializeEnvelope } from '../../src/evidence/dsse.js';
import { publicKeyFromPem, signerFromEnv } from '../../src/evidence/keys.js';
import { chainRecords } from '../../src/history/codec.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { makeKey } from '../support/keys.js';
import { makeRecords } from '../support/records.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Each text with one byte changed, at every position: to the next base64 character (which hits
 * the spare bits of a last character: "Q" and "R" can decode alike), to the URL-safe twin of "+"
 * and "/" (which decode alike), and to a space (JSON allows spacing).
 */
function oneByteChanges(text: string): string[] {
  const changes: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = BASE64[(BASE64.indexOf(c) + 1) % BASE64.length]!;
    const twin = c === '+' ? '-' : c === '/' ? '_' : 'x';
    for (const to of new Set([next, twin, ' '])) if (to !== c) changes.push(text.slice(0, i) + to + text.slice(i + 1));
  }
  return changes;
}

const lines = chainRecords(makeRecords(3), GENESIS);
const records = lines.map((l) => JSON.parse(l) as HistoryRecord);

describe('a changed byte', () => {
  for (const kind of ['ed25519', 'p256'] as const) {
    it(`anywhere in a ${kind} certificate fails it, even where the signature does not reach`, () => {
      const key = makeKey(kind);
      const signer = signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!;
      const publicKey = publicKeyFromPem(key.publicPem, 'public.pem');
      const predicate = certificatePredicate(records, lines, 'history.jsonl', records[0]!.model.id, undefined, 'now');
      const cert = signCertificate(predicate, signer);
      expect(openCertificate(cert, publicKey)).toEqual(predicate);
      expect(openCertificate(cert.replace(/\n$/, '\r\n'), publicKey)).toEqual(predicate); // a CRLF checkout

      const changes = oneByteChanges(cert);
      expect(changes.length).toBeGreaterThan(2 * cert.length);
      const held = changes.filter((text) => {
        try {
          openCertificate(text, publicKey);
          return true;
        } catch {
          return false;
        }
      });
      expect(held).toEqual([]);

      // What the signature alone would let through is named for what it is.
      const envelope = JSON.parse(cert) as { signatures: Array<{ keyid: string; sig: string }> };
      const renamed = JSON.stringify({
        ...envelope,
        signatures: [{ ...envelope.signatures[0], keyid: 'f'.repeat(64) }],
      });
      expect(() => openCertificate(renamed, publicKey)).toThrow(
        `the envelope was changed after it was signed: it names key ffffffffffffffff for a signature of key ${signer.keyid.slice(0, 16)}`,
      );
      expect(() => openCertificate(JSON.stringify(envelope, null, 1), publicKey)).toThrow(
        'the envelope was changed after it was signed: its bytes are not the ones written (JSON spacing or base64 encoding)',
      );
    });
  }

  it('anywhere in a record envelope fails it', () => {
    const key = makeKey();
    const signer = signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!;
    const publicKey = publicKeyFromPem(key.publicPem, 'public.pem');
    const line = serializeEnvelope(signLine(lines[1]!, 2, '/r/history.jsonl', signer));
    const open = (text: string) => {
      const envelope = parseEnvelope(text);
      return typeof envelope !== 'string' && openExact(text, envelope, publicKey).ok;
    };
    expect(open(line)).toBe(true);
    expect(oneByteChanges(line).filter(open)).toEqual([]);
  });
});
