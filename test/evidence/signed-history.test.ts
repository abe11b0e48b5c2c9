import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeEnvelope } from '../../src/evidence/dsse.js';
import { signLine } from '../../src/evidence/attestations.js';
import { signerFromEnv } from '../../src/evidence/keys.js';
import { lineHash } from '../../src/history/codec.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { makeKey, writePublicKey, type TestKey } from '../support/keys.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { joinLines, tamper } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const HISTORY = '.trackrecord/history.jsonl';
const ATTESTATIONS = '.trackrecord/attestations.jsonl';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Three nights of the prime suite recorded with `key`, through the CLI against the replay server. */
async function signedNights(key: TestKey, nights = 3): Promise<string> {
  server = await startPrimeServer();
  const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
  for (let i = 0; i < nights; i++) {
    const run = await runCli(['run', '--quiet'], root, { TRACKRECORD_SIGNING_KEY: key.privatePem });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nsigned: {2}\.trackrecord\/attestations\.jsonl \(key [0-9a-f]{16}\)\n/);
    expect(run.stdout).not.toContain(key.privatePem.split('\n')[1]!.slice(0, 20)); // the key, never
  }
  writePublicKey(root, key);
  return root;
}

const lines = (root: string, file: string) => readFileSync(join(root, file), 'utf8').trimEnd().split('\n');
const decode = (envelope: string) =>
  JSON.parse(Buffer.from((JSON.parse(envelope) as { payload: string }).payload, 'base64').toString('utf8')) as {
    subject: Array<{ name: string; digest: { sha256: string } }>;
    predicateType: string;
    predicate: { prev: string; history: { file: string; line: number } };
  };

describe('signed records', () => {
  it('signs every night into attestations.jsonl, one envelope per line, and verify --key passes', async () => {
    const key = makeKey();
    const root = await signedNights(key);
    const history = lines(root, HISTORY);
    const envelopes = lines(root, ATTESTATIONS);
    expect(history).toHaveLength(3);
    expect(envelopes).toHaveLength(3);
    envelopes.forEach((envelope, i) => {
      expect(JSON.parse(envelope)).toMatchObject({ payloadType: 'application/vnd.in-toto+json' });
      const statement = decode(envelope);
      expect(statement.subject).toEqual([
        { name: `history.jsonl:${i + 1}`, digest: { sha256: lineHash(history[i]!) } },
      ]);
      expect(statement.predicateType).toBe('https://trackrecord.dev/attestation/record/v1');
      expect(statement.predicate.prev).toBe((JSON.parse(history[i]!) as { prev: string }).prev);
    });
    const keyid = signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!.keyid;
    const verified = await runCli(['verify', '--key', 'public.pem'], root);
    expect(verified).toEqual({
      code: 0,
      stdout: `ok ${HISTORY}: 3 records, chain intact, every record signed by key ${keyid.slice(0, 16)}\n`,
      stderr: '',
    });
    // Without a key, verify says what it did not check.
    const plain = await runCli(['verify'], root);
    expect(plain.stdout).toBe(
      `ok ${HISTORY}: 3 records, chain intact\n${ATTESTATIONS} holds 3 signed envelopes, key ${keyid.slice(0, 16)}: check them with --key PUBLIC.pem\n`,
    );
    // The secret never shows up in anything the run printed or wrote.
    const body = key.privatePem.split('\n')[1]!;
    for (const file of [HISTORY, ATTESTATIONS, '.trackrecord/report.md']) {
      expect(readFileSync(join(root, file), 'utf8')).not.toContain(body.slice(0, 20));
    }
  });

  it('catches a rewritten record whose chain was re-computed, naming its line', async () => {
    const root = await signedNights(makeKey());
    const forged = tamper(lines(root, HISTORY), 1, (r) => {
      r.metrics.passRate = 1;
    });
    writeFileSync(join(root, HISTORY), joinLines(forged));
    expect((await runCli(['verify'], root)).code).toBe(0); // the chain alone cannot tell
    const result = await runCli(['verify', '--key', 'public.pem'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${HISTORY.replace(/\./g, '\\.')}:2: line 2 differs from what was signed: key [0-9a-f]{16} signed a line with SHA-256`,
      ),
    );
    expect(result.stderr).toContain(`\n  envelopes: ${ATTESTATIONS}\n`);
  });

  it('fails a record signed by another key', async () => {
    const root = await signedNights(makeKey());
    const history = lines(root, HISTORY);
    const envelopes = lines(root, ATTESTATIONS);
    const other = signerFromEnv({ TRACKRECORD_SIGNING_KEY: makeKey('p256').privatePem })!;
    envelopes[2] = serializeEnvelope(signLine(history[2]!, 3, join(root, HISTORY), other));
    writeFileSync(join(root, ATTESTATIONS), joinLines(envelopes));
    const result = await runCli(['verify', '--key', 'public.pem'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^\\.trackrecord/history\\.jsonl:3: signed by another key \\(${other.keyid.slice(0, 16)}\\), not [0-9a-f]{16}\\n`,
      ),
    );
  });

  it('catches the last records cut off, which the chain alone cannot', async () => {
    const root = await signedNights(makeKey());
    writeFileSync(join(root, HISTORY), joinLines(lines(root, HISTORY).slice(0, 2)));
    expect((await runCli(['verify'], root)).code).toBe(0);
    const result = await runCli(['verify', '--key', 'public.pem'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^\.trackrecord\/history\.jsonl:3: missing: key [0-9a-f]{16} signed line 3 in attestations\.jsonl, but the history ends at line 2 \(lines were removed from its end\)\n/,
    );
  });

  it('fails a record whose envelope is missing', async () => {
    const root = await signedNights(makeKey());
    const envelopes = lines(root, ATTESTATIONS);
    writeFileSync(join(root, ATTESTATIONS), joinLines([envelopes[0]!, envelopes[2]!]));
    const result = await runCli(['verify', '--key', 'public.pem'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^\.trackrecord\/history\.jsonl:2: unsigned: no envelope in attestations\.jsonl names line 2\n/,
    );
  });

  it('names CRLF line endings in the attestations file, as in the history', async () => {
    const root = await signedNights(makeKey(), 2);
    writeFileSync(join(root, ATTESTATIONS), `${lines(root, ATTESTATIONS).join('\r\n')}\r\n`);
    const result = await runCli(['verify', '--key', 'public.pem'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'attestations.jsonl:1: line ends with "\\r": the file has CRLF line endings (git autocrlf?)',
    );
  });

  it('stops on a bad key before any request, exit 2, without printing the key', async () => {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    const secret = 'MC4CAQAwBQYDK2VwBCIEIBadKeyBadKeyBadKeyBadKeyBadKeyBadKey';
    const result = await runCli(['run', '--quiet'], root, {
      TRACKRECORD_SIGNING_KEY: `-----BEGIN PRIVATE KEY-----\n${secret}\n-----END PRIVATE KEY-----\n`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^trackrecord run: TRACKRECORD_SIGNING_KEY is not a readable PEM private key/);
    expect(result.stderr + result.stdout).not.toContain(secret);
    expect(server.stats().requests).toBe(0);
    const merge = await runCli(['merge', 'p.json'], root, { TRACKRECORD_SIGNING_KEY: 'key.pem' });
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/^trackrecord merge: TRACKRECORD_SIGNING_KEY must hold the private key itself/);
  });

  it('says the records of an unsigned history are unsigned; --key fails naming line 1', async () => {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    expect((await runCli(['verify'], root)).stdout).toBe(
      `ok ${HISTORY}: 1 record, chain intact\nthe records are unsigned (no envelopes in ${ATTESTATIONS})\n`,
    );
    writePublicKey(root, makeKey());
    const result = await runCli(['verify', '--key', 'public.pem'], root);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(
      /^\.trackrecord\/history\.jsonl:1: unsigned: there is no attestations\.jsonl beside the history\n/,
    );
    const missing = await runCli(['verify', '--key', 'nope.pem'], root);
    expect(missing).toMatchObject({ code: 2, stderr: 'trackrecord verify: --key nope.pem: no such file\n' });
  });
});

describe('a history that began signing later', () => {
  /** One unsigned night, then `signed` nights with `key`; `extra` config (a tiny history-max-mb seals every run). */
  async function laterSigned(key: TestKey, signed: number, extra = ''): Promise<string> {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': `${primeConfig(server.baseUrl, 'gpt-4-0314')}${extra}` });
    expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    for (let i = 0; i < signed; i++) {
      const run = await runCli(['run', '--quiet'], root, { TRACKRECORD_SIGNING_KEY: key.privatePem });
      expect(run.code, run.stderr).toBe(0);
    }
    writePublicKey(root, key);
    return root;
  }
  const keyidOf = (key: TestKey) => signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!.keyid.slice(0, 16);

  it('fails by default on its first unsigned record, saying which option checks the signed ones', async () => {
    const key = makeKey();
    const root = await laterSigned(key, 2);
    const verify = (...args: string[]) => runCli(['verify', '--key', 'public.pem', ...args], root);
    const plain = await verify();
    expect(plain).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${HISTORY}:1: unsigned: no envelope in attestations.jsonl names line 1\n` +
        `  key ${keyidOf(key)} signed line 2: if the history began signing there, --signed-from 2 checks the records from it on\n` +
        `  envelopes: ${ATTESTATIONS}\n`,
    });
    expect(await verify('--signed-from', '1')).toEqual(plain);

    expect(await verify('--signed-from', '2')).toEqual({
      code: 0,
      stdout: `ok ${HISTORY}: 3 records, chain intact, records 2 to 3 signed by key ${keyidOf(key)}; record 1 unsigned, as --signed-from 2 allows\n`,
      stderr: '',
    });
    expect((await verify('--signed-from', '3')).stdout).toBe(
      `ok ${HISTORY}: 3 records, chain intact, record 3 signed by key ${keyidOf(key)}; records 1 to 2 unsigned, as --signed-from 3 allows\n`,
    );
    expect(await verify('--signed-from', '4')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${HISTORY}: --signed-from 4, but the history holds 3 records\n`,
    });
    expect(await runCli(['verify', '--signed-from', '2'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--signed-from needs --key PUBLIC\.pem/),
    });
    expect((await verify('--signed-from', '0')).stderr).toMatch(
      /--signed-from must be a record number from 1, got "0"/,
    );
  });

  it('still binds the unsigned records: the first signed one chains to them', async () => {
    const key = makeKey();
    const root = await laterSigned(key, 2);
    // Rewrite the unsigned record and re-chain: the signed record after it no longer matches.
    writeFileSync(
      join(root, HISTORY),
      joinLines(tamper(lines(root, HISTORY), 0, (r) => void (r.metrics.passRate = 1))),
    );
    expect((await runCli(['verify'], root)).code).toBe(0);
    const result = await runCli(['verify', '--key', 'public.pem', '--signed-from', '2'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${HISTORY.replace(/\./g, '\\.')}:2: line 2 differs from what was signed`),
    );
  });

  it('still asks every record from the start on to be signed', async () => {
    const key = makeKey();
    const root = await laterSigned(key, 2);
    writeFileSync(join(root, ATTESTATIONS), joinLines(lines(root, ATTESTATIONS).slice(0, 1)));
    const result = await runCli(['verify', '--key', 'public.pem', '--signed-from', '2'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^\.trackrecord\/history\.jsonl:3: unsigned: no envelope in attestations\.jsonl names line 3\n/,
    );
  });

  it('counts records over a segmented history, whose unsigned files have no attestations file', async () => {
    const key = makeKey();
    // So small a limit that every run seals the file before it: one record per file.
    const root = await laterSigned(key, 2, 'history-max-mb: 0.001\n');
    expect(existsSync(join(root, '.trackrecord/attestations-0001.jsonl'))).toBe(false);
    expect(existsSync(join(root, '.trackrecord/attestations-0002.jsonl'))).toBe(true);
    const plain = await runCli(['verify', '--key', 'public.pem'], root);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(
      /^\.trackrecord\/history-0001\.jsonl:1: unsigned: there is no attestations-0001\.jsonl beside the history\n/,
    );
    expect(await runCli(['verify', '--key', 'public.pem', '--signed-from', '2'], root)).toEqual({
      code: 0,
      stdout: `ok ${HISTORY}: 3 records in 3 files, chain intact, records 2 to 3 signed by key ${keyidOf(key)}; record 1 unsigned, as --signed-from 2 allows\n`,
      stderr: '',
    });
    // Record 3 is line 1 of the open file: its envelope gone, it fails there.
    writeFileSync(join(root, ATTESTATIONS), '');
    const missing = await runCli(['verify', '--key', 'public.pem', '--signed-from', '2'], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^\.trackrecord\/history\.jsonl:1: unsigned: no envelope in attestations\.jsonl names line 1\n/,
    );
  });
});
