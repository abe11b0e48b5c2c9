import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../src/config/load.js';
import { executeRun } from '../src/engine.js';
import type { Recording } from '../src/replay/index.js';
import { startReplayProcess } from './replay-process.js';
import type { BenchResult } from './report.js';

/**
 * N requests against a server with a fixed latency, at concurrency C: nothing can finish sooner
 * than ceil(N / C) x latency, so wall time over that bound is the engine's own overhead.
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
    const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
    const started = performance.now();
    const outcome = await executeRun(config, { env: {} });
    const wallMs = performance.now() - started;
    const idealMs = Math.ceil(total / concurrency) * latencyMs;
    const metrics = outcome.models[0]!.metrics;
    if (metrics.passRate !== 1) throw new Error(`throughput bench: expected every check to pass, got ${metrics.passRate}`);
    return {
      name: 'throughput',
      detail: `${total} requests, concurrency ${concurrency}, ${latencyMs} ms server latency`,
      measured: `wall ${(wallMs / 1000).toFixed(2)} s, ideal ${(idealMs / 1000).toFixed(2)} s`,
      ratio: wallMs / idealMs,
      target: 1.15,
    };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
