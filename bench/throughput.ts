import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Recording } from '../tools/replay/index.js';
import type { RunSummary } from '../src/analysis/summary.js';
import { tail, timeProcess } from './processes.js';
import { startReplayProcess } from './replay-process.js';
import { median, type BenchResult } from './report.js';

/** Cold runs of the whole batch: the median, as one run on a shared 2-core machine can be off by 5%. */
const RUNS = 3;
const repo = join(import.meta.dirname, '..');

/**
 * N requests against a server with a fixed latency, at concurrency C: nothing can finish sooner
 * than ceil(N / C) x latency, so the run's time over that bound is the engine's own overhead.
 * Each run is the bundled CLI in a fresh process, as a nightly job runs it; its time is the
 * run's own (`run.startedAt` to `run.finishedAt`: process start and config loading are left
 * to the start-up benchmark).
 */
export async function throughputBench(): Promise<BenchResult> {
  const prompts = 200;
  const samples = 10;
  const concurrency = 32;
  const latencyMs = 100;
  const total = prompts * samples;

  const recordings: Recording[] = Array.from({ length: prompts }, (_, i) => ({
    model: 'bench-model',
    prompt: `Question ${i}: what is ${i} + ${i}?`,
    output: `The answer is ${2 * i}.`,
  }));
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  const server = await startReplayProcess(root, recordings, latencyMs);
  try {
    writeFileSync(
      join(root, 'suite.yaml'),
      stringify({
        name: 'bench',
        prompts: recordings.map((r, i) => ({
          id: `q${i}`,
          prompt: r.prompt,
          extract: { regex: '(\\d+)\\.$' },
          expect: [{ equals: String(2 * i) }],
        })),
      }),
    );
    writeFileSync(
      join(root, 'trackrecord.yml'),
      stringify({
        models: [{ id: 'bench', model: 'bench-model', 'base-url': server.baseUrl }],
        suites: [{ path: 'suite.yaml' }],
        samples,
        concurrency,
      }),
    );
    const walls: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cli = await timeProcess(
        process.execPath,
        [join(repo, 'dist/cli.js'), 'run', '--config', 'trackrecord.yml', '--no-history', '--json', '--quiet'],
        { cwd: root, env: { PATH: process.env['PATH'], HOME: root }, timeoutMs: 300_000 },
      );
      if (cli.code !== 0)
        throw new Error(`throughput bench: trackrecord exited ${cli.code ?? cli.signal}: ${tail(cli.stderr)}`);
      const summary = JSON.parse(cli.stdout) as RunSummary;
      const passRate = summary.models[0]!.passRate;
      if (passRate !== 1) throw new Error(`throughput bench: expected every check to pass, got ${passRate}`);
      walls.push(Date.parse(summary.run.finishedAt) - Date.parse(summary.run.startedAt));
    }
    const wallMs = median(walls);
    const idealMs = Math.ceil(total / concurrency) * latencyMs;
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    return {
      name: 'throughput',
      detail: `${total} requests, concurrency ${concurrency}, ${latencyMs} ms server latency; dist/cli.js, a fresh process per run`,
      measured: `run ${seconds(wallMs)} s, median of ${RUNS} (${walls.map(seconds).join(', ')}), ideal ${seconds(idealMs)} s`,
      ratio: wallMs / idealMs,
      target: 1.15,
    };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
