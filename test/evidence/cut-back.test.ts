import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signerFromEnv } from '../../src/evidence/keys.js';
import { lineHash } from '../../src/history/codec.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { makeKey, writePublicKey, type TestKey } from '../support/keys.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { joinLines } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

// A signed history cut back at its end must not be signed on: the next runs would sign other
// records under the removed lines' numbers, and the cut would vanish from what verify sees.

const HISTORY = '.trackrecord/history.jsonl';
const ATTESTATIONS = '.trackrecord/attestations.jsonl';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
const lines = (root: string, file: string) => read(root, file).trimEnd().split('\n');
const keyidOf = (key: TestKey) => signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!.keyid.slice(0, 16);

async function workspace(latencyMs = 0): Promise<string> {
  server = await startPrimeServer({ latencyMs });
  return tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
}

async function signedRuns(root: string, key: TestKey, runs: number): Promise<void> {
  for (let i = 0; i < runs; i++) {
    const run = await runCli(['run', '--quiet'], root, { TRACKRECORD_SIGNING_KEY: key.privatePem });
    expect(run.code, run.stderr).toBe(0);
  }
  writePublicKey(root, key);
}

function cutTo(root: string, count: number): void {
  writeFileSync(join(root, HISTORY), joinLines(lines(root, HISTORY).slice(0, count)));
}

const refusal = (key: TestKey, done: string) =>
  `trackrecord: refusing to sign: ${HISTORY} ends at line 1, but key ${keyidOf(key)} signed lines 2 to 3 of it ` +
  `in ${ATTESTATIONS}: lines were removed from its end after they were signed, and signing on would give other ` +
  `records their numbers. ${done}\n` +
  `  Restore the removed lines (git log -p -- ${HISTORY} shows them), then run again. If they were removed on ` +
  `purpose, keep both files as they are and start a new history (config key history: in another folder) or sign with a new key.\n`;

describe('a signed history cut back at its end', () => {
  it('is refused by a run with the key that signed the lost lines, before any request', async () => {
    const key = makeKey();
    const root = await workspace();
    await signedRuns(root, key, 3);
    cutTo(root, 1);
    const verified = await runCli(['verify', '--key', 'public.pem'], root);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain('lines were removed from its end');

    const history = read(root, HISTORY);
    const attestations = read(root, ATTESTATIONS);
    const requests = server!.stats().requests;
    const run = await runCli(['run', '--quiet'], root, { TRACKRECORD_SIGNING_KEY: key.privatePem });
    expect(run).toEqual({ code: 1, stdout: '', stderr: refusal(key, 'Nothing was requested or written.') });
    expect(server!.stats().requests).toBe(requests);
    expect(read(root, HISTORY)).toBe(history);
    expect(read(root, ATTESTATIONS)).toBe(attestations);

    // Without a key, or with another one, the run signs nothing of what it would overwrite.
    expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    expect(lines(root, HISTORY)).toHaveLength(2);
    expect((await runCli(['verify', '--key', 'public.pem'], root)).code).toBe(1);
  });

  it('is refused again under the history lock when it is cut during the run', async () => {
    const key = makeKey();
    const root = await workspace(20);
    await signedRuns(root, key, 3);
    const running = runCli(['run', '--quiet'], root, { TRACKRECORD_SIGNING_KEY: key.privatePem });
    const start = server!.stats().requests;
    while (server!.stats().requests === start) await new Promise((r) => setTimeout(r, 5));
    cutTo(root, 1);
    const attestations = read(root, ATTESTATIONS);
    const run = await running;
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: refusal(key, 'Nothing was appended: the records of this run are not kept.'),
    });
    expect(lines(root, HISTORY)).toHaveLength(1);
    expect(read(root, ATTESTATIONS)).toBe(attestations);
  });

  it('is refused by merge, which signs the merged records', async () => {
    const key = makeKey();
    const root = await workspace();
    await signedRuns(root, key, 3);
    const shard = await runCli(['run', '--quiet', '--shard', '1/1', '--partial', 'p.json', '--run-id', 'r1'], root);
    expect(shard.code, shard.stderr).toBe(0);
    cutTo(root, 1);
    const merge = await runCli(['merge', 'p.json'], root, { TRACKRECORD_SIGNING_KEY: key.privatePem });
    expect(merge).toEqual({ code: 1, stdout: '', stderr: refusal(key, 'Nothing was written.') });
    expect(lines(root, HISTORY)).toHaveLength(1);
  });

  it('verify --key flags one line signed with two different contents', async () => {
    const key = makeKey();
    const root = await workspace();
    await signedRuns(root, key, 3);
    // What a run that signed on after the cut would leave: lines 2 and 3 signed twice.
    const old = lines(root, ATTESTATIONS);
    cutTo(root, 1);
    writeFileSync(join(root, ATTESTATIONS), joinLines(old.slice(0, 1)));
    await signedRuns(root, key, 2);
    writeFileSync(join(root, ATTESTATIONS), joinLines([...old, ...lines(root, ATTESTATIONS).slice(1)]));
    expect(lines(root, ATTESTATIONS)).toHaveLength(5);
    expect((await runCli(['verify'], root)).code).toBe(0); // the chain alone cannot tell
    const verified = await runCli(['verify', '--key', 'public.pem'], root);
    expect(verified).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${HISTORY}:2: key ${keyidOf(key)} signed two different lines as line 2 (envelopes on lines 2 and 4 of ` +
        `attestations.jsonl): the history was cut back and signed on, or an envelope was copied in; which line ` +
        `is the record cannot be told from the files\n  envelopes: ${ATTESTATIONS}\n`,
    });
  });
});

describe('a history cut back during a run', () => {
  it('is refused under the lock, signed or not: the run compared with lines that are gone', async () => {
    const root = await workspace(20);
    for (let i = 0; i < 3; i++) expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    const head = lines(root, HISTORY)[2]!;
    const running = runCli(['run', '--quiet'], root);
    const start = server!.stats().requests;
    while (server!.stats().requests === start) await new Promise((r) => setTimeout(r, 5));
    cutTo(root, 2);
    const run = await running;
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `trackrecord: refusing to append: ${HISTORY}: line 3 (SHA-256 ${lineHash(head).slice(0, 16)}...), which this ` +
        'run read and verified before, is no longer in the history: it was cut back or rewritten since. Nothing was appended.\n',
    });
    expect(lines(root, HISTORY)).toHaveLength(2);
  });

  it('is not confused with runs from the same checkout that sealed the file meanwhile', async () => {
    server = await startPrimeServer();
    const root = tempDir({
      '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314', 'history-max-mb: 0.001\n'),
    });
    expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    const runs = await Promise.all(Array.from({ length: 4 }, () => runCli(['run', '--quiet'], root)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await runCli(['verify'], root)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^ok \.trackrecord\/history\.jsonl: 5 records in 5 files, chain intact\n/),
    });
  });
});
