import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../src/config/load.js';
import { createOpenAIProvider } from '../src/providers/openai.js';
import type { Recording } from '../tools/replay/index.js';
import { executePlan, type ConcurrencyChange } from '../src/run/execute.js';
import { buildPlan } from '../src/run/plan.js';
import { startReplayProcess } from './replay-process.js';
import type { BenchResult } from './report.js';

/**
 * A provider that allows `perMinute` requests a minute (a token bucket of `burst`) and answers
 * 429 with retry-after beyond it, run against at a concurrency far above what that rate needs.
 *
 * The bound: the server lets through at most `burst + rate x t` requests by time t, so the
 * N-th cannot be let through before (N - burst) / rate, and its answer takes the server's
 * latency on top. Wall time over that bound is what the client leaves of the provider's rate
 * unused; the run must also end with no errors (no request may run out of retries).
 */
export async function rateLimitBench(): Promise<BenchResult> {
  const requests = 400;
  const perMinute = 600;
  const burst = 10;
  const concurrency = 16;
  const latencyMs = 50;
  const rate = perMinute / 60;
  const boundMs = ((requests - burst) / rate) * 1000 + latencyMs;

  const recordings: Recording[] = Array.from({ length: requests }, (_, i) => ({
    model: 'bench-model',
    prompt: `Question ${i}: what is ${i} + ${i}?`,
    output: `The answer is ${2 * i}.`,
  }));
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  const log = join(root, 'requests.jsonl');
  const server = await startReplayProcess(root, recordings, latencyMs, {
    ratePerMinute: perMinute,
    rateBurst: burst,
    log,
  });
  let closed = false;
  try {
    writeFileSync(
      join(root, 'suite.yaml'),
      stringify({
        name: 'bench',
        prompts: recordings.map((r, i) => ({ id: `q${i}`, prompt: r.prompt, expect: [{ equals: r.output }] })),
      }),
    );
    writeFileSync(
      join(root, 'trackrecord.yml'),
      stringify({
        models: [{ id: 'bench', model: 'bench-model', 'base-url': server.baseUrl }],
        suites: [{ path: 'suite.yaml' }],
        concurrency,
      }),
    );
    const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
    // What runSuites does, with the limit's changes in view.
    const plan = buildPlan(config);
    const changes: ConcurrencyChange[] = [];
    const started = performance.now();
    const providers = new Map(
      config.models.map((m) => [
        m.id,
        createOpenAIProvider(m, { timeoutSeconds: config.timeoutSeconds, retries: config.retries, env: {} }),
      ]),
    );
    const observations = await executePlan(plan, providers, {
      concurrency: config.concurrency,
      onConcurrency: (c) => changes.push(c),
    });
    const wallMs = performance.now() - started;
    await server.close();
    closed = true;

    const samples = observations.flatMap((o) => o.samples);
    const errors = samples.filter((s) => s.error !== null).length;
    const failed = samples.filter((s) => s.pass !== true).length;
    const statuses = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { status: number }).status);
    const limited = statuses.filter((s) => s === 429).length;
    const lowest = Math.min(concurrency, ...changes.map((c) => c.limit));
    const last = changes.at(-1)?.limit ?? concurrency;
    const maxAttempts = Math.max(...samples.map((s) => s.attempts));
    const ok = errors === 0 && failed === 0 && samples.length === requests;
    return {
      name: 'rate limit',
      detail:
        `${requests} requests at concurrency ${concurrency} (${config.retries} retries) against a server allowing ` +
        `${perMinute}/min (burst ${burst}), ${latencyMs} ms latency; bound = (${requests} - ${burst}) / ${rate} per s + ${latencyMs} ms`,
      measured:
        `wall ${(wallMs / 1000).toFixed(2)} s, bound ${(boundMs / 1000).toFixed(2)} s; ${errors} errors, ${failed} failed checks, ` +
        `${limited} 429s answered, at most ${maxAttempts} attempts a request; concurrency ${concurrency} -> lowest ${lowest}, ` +
        `${changes.length} changes, ending at ${last}`,
      ratio: ok ? wallMs / boundMs : Number.POSITIVE_INFINITY,
      target: 1.2,
    };
  } finally {
    if (!closed) await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
