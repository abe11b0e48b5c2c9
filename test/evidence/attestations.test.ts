import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attestationsPathOf, checkSignedHistory } from '../../src/evidence/attestations.js';
import { signedAppend } from '../../src/evidence/sign-on.js';
import { publicKeyFromPem, signerFromEnv } from '../../src/evidence/keys.js';
import { appendRecords } from '../../src/history/file.js';
import { readHistory } from '../../src/history/read.js';
import { makeKey } from '../support/keys.js';
import { makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

describe('the attestations file', () => {
  it('lives beside the history, numbered like its segment', () => {
    expect(attestationsPathOf('/r/.trackrecord/history.jsonl')).toBe('/r/.trackrecord/attestations.jsonl');
    expect(attestationsPathOf('/r/.trackrecord/history-0007.jsonl')).toBe('/r/.trackrecord/attestations-0007.jsonl');
    expect(attestationsPathOf('data/h.jsonl')).toBe('data/attestations.jsonl');
  });

  it('stays in step with the history when writers append at once: one envelope per line, each naming its line', async () => {
    const key = makeKey();
    const signer = signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!;
    const path = join(tempDir(), 'history.jsonl');
    const batches = Array.from({ length: 6 }, (_, i) => makeRecords(2, { seed: i + 1, models: [`m${i}`] }));
    await Promise.all(
      batches.map((records) => appendRecords(path, records, signedAppend({ path, label: path }, signer))),
    );
    const { lines, records } = await readHistory(path);
    expect(lines).toHaveLength(12);
    const envelopes = readFileSync(attestationsPathOf(path), 'utf8').trimEnd().split('\n');
    expect(envelopes).toHaveLength(12);
    const named = envelopes.map(
      (e) =>
        (
          JSON.parse(Buffer.from((JSON.parse(e) as { payload: string }).payload, 'base64').toString()) as {
            subject: Array<{ name: string }>;
          }
        ).subject[0]!.name,
    );
    expect(named).toEqual(lines.map((_, i) => `history.jsonl:${i + 1}`));
    const check = await checkSignedHistory(path, lines, records, publicKeyFromPem(key.publicPem, 'public.pem'));
    expect(check).toEqual({ ok: true, records: 12, keyid: signer.keyid });
  });
});
