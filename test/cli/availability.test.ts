import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type Recording, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PROMPTS = Array.from({ length: 6 }, (_, i) => `Question ${i}?`);
const RECORDINGS: Recording[] = PROMPTS.map((prompt, i) => ({ model: 'm', prompt, output: `answer ${i}` }));
const SUITE =
  'name: s\nprompts:\n' +
  PROMPTS.map((p, i) => `  - id: q${i}\n    prompt: "${p}"\n    expect:\n      - contains: answer\n`).join('');

/** A config for model `m` at `baseUrl`, two samples a prompt (12 requests), no retries. */
function files(baseUrl: string, modelExtra = '', extra = ''): Record<string, string> {
  return {
    '.github/trackrecord.yml':
      `models:\n  - id: m\n    model: m\n    base-url: ${baseUrl}\n${modelExtra}` +
      `suites:\n  - path: s.yaml\nsamples: 2\nretries: 0\n${extra}`,
    's.yaml': SUITE,
  };
}

const KEY = 'sk-test-0123456789abcdef';
const WRONG = 'sk-wrong-9876543210fedcba';
const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

interface Summary {
  models: Array<{
    errors: Record<string, number>;
    errorMessages: Record<string, string>;
    availability: { requests: number; answered: number; share: number | null };
    reliability: number | null;
  }>;
}

/** A base URL on this machine where nothing listens: every connection is refused. */
async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}

describe('trackrecord run when the model cannot be reached', () => {
  it('fails on a key the server refuses, with its message and the variable, and the badge is not a percentage', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, apiKey: KEY });
    const root = tempDir(files(server.baseUrl, '    api-key-env: TEST_KEY\n'));
    const good = await runCli(['run', '--quiet'], root, { TEST_KEY: KEY });
    expect(good.code, good.stderr).toBe(0);
    expect(read(root, '.trackrecord/badge.svg')).toContain('>100.0%<');

    // The key went bad: every request is answered 401.
    const dead = await runCli(['run', '--quiet'], root, { TEST_KEY: WRONG });
    expect(server.stats().byStatus['401']).toBe(12);
    expect(dead.code).toBe(1);
    expect(dead.stderr).toContain(
      'threshold: m: the server refused the API key (12 requests): HTTP 401: Incorrect API key provided. Check TEST_KEY',
    );
    expect(dead.stderr).not.toContain('fail-below-availability');
    expect(dead.stdout).toContain(
      'm: unavailable, none of 12 requests answered: 12 auth ("HTTP 401: Incorrect API key',
    );

    // The window still holds last night's 100%: nothing may show it as tonight's.
    const badge = read(root, '.trackrecord/badge.svg');
    expect(badge).toContain('>unavailable<');
    expect(badge).not.toMatch(/\d%</);
    expect(JSON.parse(read(root, '.trackrecord/badge.json'))).toMatchObject({
      message: 'unavailable',
      color: 'lightgrey',
    });
    expect(read(root, '.trackrecord/badge-m.svg')).toContain('>unavailable<');

    // The server's message is kept in the record and shown by the report; the key is nowhere.
    const history = read(root, '.trackrecord/history.jsonl');
    const last = JSON.parse(history.trim().split('\n').at(-1)!) as { metrics: Record<string, unknown> };
    expect(last.metrics['errors']).toMatchObject({ auth: 12, connection: 0 });
    expect(last.metrics['errorMessages']).toEqual({ auth: 'HTTP 401: Incorrect API key provided.' });
    expect(read(root, '.trackrecord/report.md')).toMatch(
      /Unavailable: none of 12 requests answered \(12 auth: HTTP 401/,
    );
    for (const text of [history, read(root, '.trackrecord/report.md'), dead.stdout, dead.stderr])
      expect(text).not.toContain(WRONG);
  });

  it('refuses to start when a key is not set: no request is sent, the variable and the model are named', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, apiKey: KEY });
    const root = tempDir(files(server.baseUrl, '    api-key-env: TEST_KEY\n'));
    const result = await runCli(['run', '--quiet'], root, {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^trackrecord run: TEST_KEY is not set, and model "m" \(127\.0\.0\.1:\d+, \.github\/trackrecord\.yml:2\) needs it\.\nNo request was sent\./,
    );
    expect(server.stats().requests).toBe(0);
    // A shard refuses the same way.
    const shard = await runCli(['run', '--shard', '1/2', '--quiet'], root, {});
    expect(shard.code).toBe(2);
    expect(server.stats().requests).toBe(0);

    // A remote server needs a key whether or not the config names its variable.
    const remote = tempDir(files('https://api.openai.com/v1'));
    const refused = await runCli(['run', '--quiet'], remote, {});
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('OPENAI_API_KEY is not set, and model "m" (api.openai.com');
  });

  it('files refused connections as connection errors, apart from server errors, and fails below availability', async () => {
    const root = tempDir(files(await closedPort()));
    const result = await runCli(['run', '--json', '--quiet'], root, {});
    expect(result.code).toBe(1);
    const m = (JSON.parse(result.stdout) as Summary).models[0]!;
    expect(m.errors).toMatchObject({ connection: 12, server: 0 });
    expect(m.errorMessages['connection']).toMatch(/ECONNREFUSED/);
    expect(m.availability).toEqual({ requests: 12, answered: 0, share: 0 });
    expect(m.reliability).toBeNull();
    expect(result.stderr).toMatch(
      /m: answered 0 of 12 requests \(0\.0%\), below fail-below-availability 50\.0%: 12 connection \("connection failed: ECONNREFUSED"\)/,
    );
    expect(read(root, '.trackrecord/badge.svg')).toContain('>unavailable<');
  });

  it('fails a model that answered fewer than fail-below-availability of its requests, counted as the server saw them', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, faults: { serverError: { share: 0.3, attempts: 99 } } });
    const run = async (extra: string) => {
      const root = tempDir(files(server!.baseUrl, '', extra));
      const result = await runCli(['run', '--json', '--no-history', '--quiet'], root, {});
      return { ...result, m: (JSON.parse(result.stdout) as Summary).models[0]! };
    };
    const loose = await run('');
    // The share answered, from the server's own log: requests it answered 200 of all it got.
    const seen = server.stats();
    const answered = seen.byStatus['200'] ?? 0;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(12);
    expect(seen.requests).toBe(12);
    expect(loose.m.availability).toEqual({ requests: 12, answered, share: answered / 12 });
    expect(loose.m.errors['server']).toBe(12 - answered);
    expect(loose.code).toBe(answered / 12 < 0.5 ? 1 : 0);

    const strict = await run('thresholds:\n  fail-below-availability: 1\n');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`m: answered ${answered} of 12 requests`);
    expect(strict.stderr).toContain('below fail-below-availability 100.0%');
    const off = await run('thresholds:\n  fail-below-availability: 0\n');
    expect(off.code).toBe(0);
  });
});
