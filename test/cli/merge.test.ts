import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/history/record.js';
import { verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { signerFromEnv } from '../../src/evidence/keys.js';
import { runCli } from '../support/cli.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { PRIME_SUITE, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Two models on the prime suite, two samples each; the test moves both aliases from March to June 2023. */
function config(baseUrl: string, extra = ''): string {
  return `models:
  - id: gpt-4
    model: gpt-4
    base-url: ${baseUrl}
    temperature: 0.1
  - id: gpt-35
    model: gpt-3.5-turbo
    base-url: ${baseUrl}
    temperature: 0.1
suites:
  - path: ${PRIME_SUITE}
allow-outside-workspace: true
samples: 2
concurrency: 8
${extra}`;
}

const MARCH = { 'gpt-4': 'gpt-4-0314', 'gpt-3.5-turbo': 'gpt-3.5-turbo-0301' };
const JUNE = { 'gpt-4': 'gpt-4-0613', 'gpt-3.5-turbo': 'gpt-3.5-turbo-0613' };

/** What a GitHub Actions job of workflow run `runId` sees: every job of the matrix shares it. */
function jobEnv(runId: number): NodeJS.ProcessEnv {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_SHA: 'a'.repeat(40),
  };
}

const historyOf = (root: string) => readFileSync(join(root, '.trackrecord/history.jsonl'), 'utf8');

/** A record with what only the clock decides left out: run times, latencies, and `prev` (a hash over them). */
function timeless(record: HistoryRecord) {
  const { prev: _prev, run, latencyMs: _latency, metrics, ...rest } = record;
  const { latencyMs: _p, ...otherMetrics } = metrics;
  const { startedAt: _s, finishedAt: _f, ...runRest } = run;
  return { ...rest, run: runRest, metrics: otherMetrics };
}

/** The JSON summary without the clock's fields. */
function timelessSummary(stdout: string) {
  const summary = JSON.parse(stdout) as { run: Record<string, unknown>; models: Array<Record<string, unknown>> };
  const { startedAt: _s, finishedAt: _f, ...run } = summary.run;
  return { run, models: summary.models.map(({ latencyMs: _l, ...m }) => m) };
}

describe('trackrecord merge of a run sharded 4 ways', () => {
  it('records exactly what the unsharded run records: answers, outputs, metrics and chain, apart from timings', async () => {
    server = await startPrimeServer({ aliases: MARCH });
    const whole = tempDir({ '.github/trackrecord.yml': config(server.baseUrl) });
    const sharded = tempDir({ '.github/trackrecord.yml': config(server.baseUrl) });

    const runs = [
      { id: 7001, aliases: MARCH },
      { id: 7002, aliases: JUNE },
    ];
    for (const run of runs) {
      server.setAliases(run.aliases);
      const env = jobEnv(run.id);

      const before = server.stats().requests;
      const a = await runCli(['run', '--quiet', '--json'], whole, env);
      const unshardedRequests = server.stats().requests - before;

      // The matrix: four jobs at once, each writing its partial and nothing else.
      const jobs = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          runCli(
            ['run', '--quiet', '--shard', `${i}/4`, '--partial', `partials/${run.id}/shard-${i}.json`],
            sharded,
            env,
          ),
        ),
      );
      for (const job of jobs) {
        expect(job.code, job.stderr).toBe(0);
        expect(job.stdout).toMatch(
          new RegExp(
            `^run ${run.id}-1, shard \\d/4: \\d+ of 100 prompts x 2 models\\npartial: partials/${run.id}/shard-\\d\\.json\\n$`,
          ),
        );
      }
      expect(jobs.reduce((n, j) => n + Number(/: (\d+) of 100/.exec(j.stdout)![1]), 0)).toBe(100);
      expect(server.stats().requests - before - unshardedRequests).toBe(unshardedRequests);
      if (run.id === 7001) expect(existsSync(join(sharded, '.trackrecord'))).toBe(false);

      const files = [4, 2, 3, 1].map((i) => `partials/${run.id}/shard-${i}.json`);
      const b = await runCli(['merge', '--json', ...files], sharded, env);
      expect(b.stderr).toBe(a.stderr);
      expect(b.code).toBe(a.code);
      expect(a.code).toBe(run.id === 7002 ? 1 : 0); // June's regressions break fail-on-regression, in both
      expect(timelessSummary(b.stdout)).toEqual(timelessSummary(a.stdout));
    }

    const [historyA, historyB] = [historyOf(whole), historyOf(sharded)];
    const [verifiedA, verifiedB] = [verifyHistory(historyA), verifyHistory(historyB)];
    expect(verifiedA.ok).toBe(true);
    expect(verifiedB.ok).toBe(true);
    const [recordsA, recordsB] = [verifiedA.records, verifiedB.records];
    expect(recordsA).toHaveLength(4);
    expect(recordsB.map(timeless)).toEqual(recordsA.map(timeless));

    // Not a trivial comparison: June drifted on most prompts and regressed on many.
    const june = recordsB[2]!;
    expect(june.run.id).toBe('7002-1');
    expect(june.metrics.drifted.length).toBeGreaterThan(50);
    expect(june.metrics.regressions.length).toBeGreaterThan(10);
    expect(recordsB[3]!.metrics.drifted.length).toBeGreaterThan(0);
    // The chain links the same way: only the run's own time makes the line hashes differ.
    expect(recordsB.map((r) => r.prev === recordsB[0]!.prev)).toEqual(
      recordsA.map((r) => r.prev === recordsA[0]!.prev),
    );
    expect(readFileSync(join(sharded, '.trackrecord/badge.json'), 'utf8')).toBe(
      readFileSync(join(whole, '.trackrecord/badge.json'), 'utf8'),
    );
  });

  it('prints the summary, what it merged and where it wrote', async () => {
    server = await startPrimeServer({ aliases: MARCH });
    const root = tempDir({ '.github/trackrecord.yml': config(server.baseUrl) });
    for (const i of [1, 2])
      expect((await runCli(['run', '--quiet', '--shard', `${i}/2`], root, jobEnv(9))).code).toBe(0);
    expect(existsSync(join(root, 'trackrecord-partial-1-of-2.json'))).toBe(true);
    // With a signing key, merge signs what it appends, like run.
    const key = makeKey();
    const result = await runCli(['merge', 'trackrecord-partial-1-of-2.json', 'trackrecord-partial-2-of-2.json'], root, {
      ...jobEnv(9),
      TRACKRECORD_SIGNING_KEY: key.privatePem,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^run 9-1\n  gpt-4: reliability /);
    const keyid = signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!.keyid.slice(0, 16);
    expect(result.stdout).toContain(
      `\nmerged:  2 shards of run 9-1\nhistory: .trackrecord/history.jsonl (+2 records)\nsigned:  .trackrecord/attestations.jsonl (key ${keyid})\nreport:  .trackrecord/report.md\nbadge:   .trackrecord/badge.svg\n`,
    );
    expect(verifyHistory(historyOf(root)).records).toHaveLength(2);
    expect(readFileSync(join(root, '.trackrecord/attestations.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    writePublicKey(root, key);
    expect(await runCli(['verify', '--key', 'public.pem'], root)).toEqual({
      code: 0,
      stdout: `ok .trackrecord/history.jsonl: 2 records, chain intact, every record signed by key ${keyid}\n`,
      stderr: '',
    });
  });
});

describe('trackrecord merge refuses what is not one whole run', () => {
  async function partials(count: number, runId = 5) {
    server ??= await startPrimeServer({ aliases: MARCH });
    const root = tempDir({ '.github/trackrecord.yml': config(server.baseUrl) });
    const files: string[] = [];
    for (let i = 1; i <= count; i++) {
      const file = `p/shard-${i}.json`;
      const job = await runCli(['run', '--quiet', '--shard', `${i}/${count}`, '--partial', file], root, jobEnv(runId));
      expect(job.code, job.stderr).toBe(0);
      files.push(file);
    }
    return { root, files };
  }

  it('exits 2 naming the missing shard, and appends nothing', async () => {
    const { root, files } = await partials(4);
    const result = await runCli(['merge', files[0]!, files[1]!, files[3]!], root, jobEnv(5));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'trackrecord merge: missing shard 3/4 (have 1/4, 2/4, 4/4): every shard must finish before the merge\n',
    );
    expect(existsSync(join(root, '.trackrecord'))).toBe(false);
  });

  it('exits 2 on a shard given twice', async () => {
    const { root, files } = await partials(2);
    writeFileSync(join(root, 'copy.json'), readFileSync(join(root, files[1]!)));
    const result = await runCli(['merge', ...files, 'copy.json'], root, jobEnv(5));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trackrecord merge: shard 2/2 appears twice: p/shard-2.json and copy.json\n');
  });

  it('exits 2 on shards of different runs', async () => {
    const { root, files } = await partials(2);
    const other = await runCli(['run', '--quiet', '--shard', '2/2', '--partial', 'other.json'], root, jobEnv(6));
    expect(other.code).toBe(0);
    const result = await runCli(['merge', files[0]!, 'other.json'], root, jobEnv(6));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^trackrecord merge: other\.json is from run 6-1 but p\/shard-1\.json is from run 5-1: merge the shards of one run/,
    );
  });

  it('exits 2 when the config changed since the shards ran', async () => {
    const { root, files } = await partials(2);
    const path = join(root, '.github/trackrecord.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('samples: 2', 'samples: 3'));
    const result = await runCli(['merge', ...files], root, jobEnv(5));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^trackrecord merge: the partial files were run with a different configuration than \.github\/trackrecord\.yml \(models, prompts or samples differ\)/,
    );
  });

  it('exits 2 on a file that is not a partial, and on no files at all', async () => {
    const root = tempDir({ '.github/trackrecord.yml': config('http://127.0.0.1:9/v1'), 'h.jsonl': '{"schema":1}\n' });
    const notPartial = await runCli(['merge', 'h.jsonl'], root);
    expect(notPartial.code).toBe(2);
    expect(notPartial.stderr).toMatch(/^trackrecord merge: h\.jsonl: not a trackrecord partial file/);
    const missing = await runCli(['merge', 'nope.json'], root);
    expect(missing.stderr).toBe('trackrecord merge: nope.json: no such partial file\n');
    const none = await runCli(['merge'], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^trackrecord merge: name the partial files to merge\n\nUsage: trackrecord merge/);
  });

  it('exits 2 on a bad --shard before any request', async () => {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': config(server.baseUrl) });
    const result = await runCli(['run', '--shard', '5/4'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^trackrecord run: --shard: shard "5\/4": the shard number must be between 1 and 4/);
    expect((await runCli(['run', '--run-id', 'x'], root)).stderr).toMatch(/--run-id names the run of a shard/);
    expect(server.stats().requests).toBe(0);
  });

  it('lets local shards share a run with --run-id', async () => {
    server = await startPrimeServer({ aliases: MARCH });
    const root = tempDir({ '.github/trackrecord.yml': config(server.baseUrl) });
    for (const i of [1, 2])
      expect((await runCli(['run', '--quiet', '--shard', `${i}/2`, '--run-id', 'nightly-12'], root)).code).toBe(0);
    const result = await runCli(
      ['merge', '--json', 'trackrecord-partial-1-of-2.json', 'trackrecord-partial-2-of-2.json'],
      root,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).run).toMatchObject({ id: 'nightly-12', trigger: 'cli' });
  });
});
