/**
 * The adaptive limit against the replay server's rate-limit mode, through the real provider
 * and the SDK's own retries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec, PromptSpec } from '../../src/config/types.js';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import { startReplayServer, type Recording, type ReplayServer } from '../../tools/replay/index.js';
import { executePlan, type ConcurrencyChange } from '../../src/run/execute.js';
import type { Plan } from '../../src/run/plan.js';

const recordings: Recording[] = Array.from({ length: 40 }, (_, i) => ({
  model: 'm',
  prompt: `q${i}`,
  output: `a${i}`,
}));

function prompt(i: number): PromptSpec {
  return {
    id: `p${i}`,
    messages: [{ role: 'user', content: `q${i}` }],
    extract: null,
    normalize: [],
    compare: { kind: 'exact' },
    expect: [{ kind: 'equals', value: `a${i}` }],
    location: { file: 'test.yaml', line: 1 },
  };
}

function setup(server: ReplayServer, prompts: number, samples: number) {
  const model: ModelSpec = {
    id: 'm',
    model: 'm',
    baseUrl: server.baseUrl,
    apiKeyEnv: 'K',
    params: {},
    system: null,
    headers: {},
  };
  const ps = Array.from({ length: prompts }, (_, i) => ({ suite: 's', prompt: prompt(i) }));
  const plan: Plan = {
    models: [model],
    prompts: ps,
    samples,
    hashes: [ps.map(() => 'h')],
    checksHashes: ps.map(() => 'c'),
  };
  // The config's defaults: 4 retries, so a request may meet at most 5 answers.
  const provider = createOpenAIProvider(model, { timeoutSeconds: 10, retries: 4, env: {} });
  return { plan, providers: new Map([['m', provider]]) };
}

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('adaptive concurrency against a rate-limited server', () => {
  it('backs off under 429s with no errors, and climbs back to the configured concurrency once the limit is lifted', async () => {
    server = await startReplayServer({ recordings, latencyMs: 20, rateLimit: { perMinute: 1200, burst: 1 } });
    const { plan, providers } = setup(server, 40, 3);
    const changes: ConcurrencyChange[] = [];
    let liftedAt = -1;
    const observations = await executePlan(plan, providers, {
      concurrency: 8,
      onConcurrency: (c) => {
        changes.push(c);
        if (liftedAt < 0 && c.limit <= 2) {
          liftedAt = changes.length;
          server!.setRateLimit(undefined);
        }
      },
    });

    const samples = observations.flatMap((o) => o.samples);
    expect(samples).toHaveLength(120);
    expect(samples.filter((s) => s.error !== null)).toEqual([]);
    observations.forEach((o, i) => expect(o.samples.map((s) => s.output)).toEqual([`a${i}`, `a${i}`, `a${i}`]));
    expect(samples.every((s) => s.pass === true)).toBe(true);

    const stats = server.stats();
    expect(stats.byStatus['200']).toBe(120);
    expect(stats.byStatus['429']).toBeGreaterThan(0);

    // Down while rate-limited...
    expect(liftedAt).toBeGreaterThan(0);
    const before = changes.slice(0, liftedAt);
    expect(before.every((c) => c.reason === 'rate-limited')).toBe(true);
    expect(before.at(-1)!.limit).toBeLessThanOrEqual(2);
    // ...and back up, one step at a time, to where it started.
    const after = changes.slice(liftedAt).filter((c) => c.reason === 'recovered');
    expect(after.length).toBeGreaterThanOrEqual(6);
    expect(changes.at(-1)).toMatchObject({ limit: 8, reason: 'recovered' });
  });

  it('finishes a run under a sustained limit with no errors even at a high configured concurrency', async () => {
    server = await startReplayServer({ recordings, latencyMs: 10, rateLimit: { perMinute: 1200, burst: 1 } });
    const { plan, providers } = setup(server, 40, 1);
    const changes: ConcurrencyChange[] = [];
    const started = performance.now();
    const observations = await executePlan(plan, providers, { concurrency: 16, onConcurrency: (c) => changes.push(c) });
    const elapsed = performance.now() - started;

    const samples = observations.flatMap((o) => o.samples);
    expect(samples.filter((s) => s.error !== null)).toEqual([]);
    expect(Math.max(...samples.map((s) => s.attempts))).toBeLessThanOrEqual(5);
    expect(changes[0]).toMatchObject({ previous: 16, reason: 'rate-limited' });
    expect(Math.min(...changes.map((c) => c.limit))).toBeLessThanOrEqual(2);
    // 40 requests at 20 a second, one at the start: at least 39 x 50 ms.
    expect(elapsed).toBeGreaterThanOrEqual(39 * 50 - 20);
  });

  it('runs at the fixed concurrency when adaptive is off, and then a crowd of retries runs out', async () => {
    server = await startReplayServer({ recordings, latencyMs: 10, rateLimit: { perMinute: 1200, burst: 1 } });
    const { plan, providers } = setup(server, 40, 1);
    const observations = await executePlan(plan, providers, { concurrency: 16, adaptive: false });
    const errors = observations.flatMap((o) => o.samples).filter((s) => s.error !== null);
    // 16 requests sent back by retry-after to the same instant, one let through each time:
    // the ones that keep losing spend their 4 retries.
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((s) => s.error!.category === 'rate-limited')).toBe(true);
  });
});
