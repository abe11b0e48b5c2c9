import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signLine } from '../../src/evidence/attestations.js';
import { serializeEnvelope } from '../../src/evidence/dsse.js';
import { signerFromEnv } from '../../src/evidence/keys.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { joinLines, tamper } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const repo = resolve(import.meta.dirname, '../..');
const HISTORY = '.trackrecord/history.jsonl';
const ATTESTATIONS = '.trackrecord/attestations.jsonl';

/** The verifier exactly as docs/evidence.md prints it, between its markers. */
function verifierFromDocs(): string {
  const doc = readFileSync(join(repo, 'docs/evidence.md'), 'utf8');
  const block = /<!-- verifier:start -->\s*```python\n([\s\S]*?)```\s*<!-- verifier:end -->/.exec(doc);
  if (!block) throw new Error('docs/evidence.md has no verifier block');
  return block[1]!;
}

const tools = spawnSync('python3', ['--version']).status === 0 && spawnSync('openssl', ['version']).status === 0;

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Flips one base64 character of an envelope's payload (not in the padding's spare bits). */
function flipPayload(envelopeText: string, at: number): string {
  const envelope = JSON.parse(envelopeText) as { payload: string };
  const c = envelope.payload[at] === 'A' ? 'B' : 'A';
  return JSON.stringify({ ...envelope, payload: envelope.payload.slice(0, at) + c + envelope.payload.slice(at + 1) });
}

describe.skipIf(!tools)('the openssl verifier of docs/evidence.md', () => {
  for (const kind of ['ed25519', 'p256'] as const) {
    it(`accepts real ${kind} envelopes and certificates and rejects a changed byte`, async () => {
      server = await startPrimeServer();
      const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
      const key = makeKey(kind);
      const env = { TRACKRECORD_SIGNING_KEY: key.privatePem };
      for (let i = 0; i < 2; i++) expect((await runCli(['run', '--quiet'], root, env)).code).toBe(0);
      expect((await runCli(['certify', '--model', 'gpt-4', '--out', 'cert.json'], root, env)).code).toBe(0);
      writePublicKey(root, key);
      writeFileSync(join(root, 'verify_evidence.py'), verifierFromDocs());
      const python = (...args: string[]) =>
        spawnSync('python3', ['verify_evidence.py', ...args], { cwd: root, encoding: 'utf8' });
      const records = () => python('records', 'public.pem', HISTORY, ATTESTATIONS);
      const certificate = (file = 'cert.json') => python('certificate', 'public.pem', file, HISTORY);

      expect(records()).toMatchObject({ status: 0, stdout: `ok: every line of ${HISTORY} is signed by this key\n` });
      expect(certificate()).toMatchObject({ status: 0, stdout: expect.stringMatching(/^ok: gpt-4 reliability [\d.]+ over 2 records/) });

      // A changed byte in a record (re-chained so the chain holds) is caught on its line.
      const history = readFileSync(join(root, HISTORY), 'utf8');
      const lines = history.trimEnd().split('\n');
      writeFileSync(join(root, HISTORY), joinLines(tamper(lines, 0, (r) => void (r.run.trigger = 'schedulE'))));
      expect(records()).toMatchObject({ status: 1, stderr: 'FAIL line 1: differs from what was signed\n' });
      expect(certificate().status).toBe(1); // the head line changed with the chain
      writeFileSync(join(root, HISTORY), history);

      // A changed byte in an envelope or the certificate breaks its signature.
      const envelopes = readFileSync(join(root, ATTESTATIONS), 'utf8').trimEnd().split('\n');
      writeFileSync(join(root, ATTESTATIONS), joinLines([envelopes[0]!, flipPayload(envelopes[1]!, 40)]));
      expect(records()).toMatchObject({ status: 1, stderr: 'FAIL: no signature of this key verifies\n' });
      writeFileSync(join(root, ATTESTATIONS), joinLines([envelopes[0]!]));
      expect(records()).toMatchObject({ status: 1, stderr: 'FAIL line 2: unsigned\n' });
      // A byte the signature does not cover: the key id, a space.
      const renamed = envelopes[1]!.replace(/"keyid":"(.)/, (_, c: string) => `"keyid":"${c === 'a' ? 'b' : 'a'}`);
      for (const changed of [renamed, envelopes[1]!.replace('":"', '": "')]) {
        writeFileSync(join(root, ATTESTATIONS), joinLines([envelopes[0]!, changed]));
        expect(records()).toMatchObject({ status: 1, stderr: 'FAIL: the envelope was changed after it was signed\n' });
      }
      // The last record cut off, with its envelope kept.
      writeFileSync(join(root, ATTESTATIONS), joinLines(envelopes));
      writeFileSync(join(root, HISTORY), joinLines(lines.slice(0, 1)));
      expect(records()).toMatchObject({ status: 1, stderr: 'FAIL line 2: signed, but the history ends at line 1\n' });
      writeFileSync(join(root, HISTORY), history);
      expect(records().status).toBe(0);
      // Line 2 signed again over other bytes: the history was cut back and signed on.
      const other = tamper(lines, 1, (r) => void (r.run.trigger = 'schedulE'))[1]!;
      const again = serializeEnvelope(signLine(other, 2, join(root, HISTORY), signerFromEnv(env)!));
      writeFileSync(join(root, ATTESTATIONS), joinLines([...envelopes, again]));
      expect(records()).toMatchObject({ status: 1, stderr: 'FAIL line 2: signed twice over different bytes\n' });
      writeFileSync(join(root, ATTESTATIONS), joinLines(envelopes));

      const cert = readFileSync(join(root, 'cert.json'), 'utf8');
      writeFileSync(join(root, 'changed.json'), flipPayload(cert, 100));
      expect(certificate('changed.json')).toMatchObject({ status: 1, stderr: 'FAIL: no signature of this key verifies\n' });
      writeFileSync(join(root, 'changed.json'), cert.replace(/\n$/, ' '));
      expect(certificate('changed.json')).toMatchObject({
        status: 1,
        stderr: 'FAIL: the envelope was changed after it was signed\n',
      });
      writeFileSync(join(root, 'changed.json'), cert.replace(/\n$/, '\r\n'));
      expect(certificate('changed.json').status).toBe(0); // a CRLF checkout changes no byte of the envelope
      writePublicKey(root, makeKey(kind), 'public.pem');
      expect(certificate().status).toBe(1);
    });
  }
});
