import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { runSuites } from '../../src/app/engine.js';
import { cutMark } from '../../src/providers/openai.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { ERROR_CATEGORIES } from '../../src/run/types.js';
import { primeConfig, primeTruth, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';
import { fakeProvider, smallConfig } from '../partial/helpers.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function runPrime(model: string, extra = '', env: NodeJS.ProcessEnv = {}) {
  const root = tempDir({ 'trackrecord.yml': primeConfig(server!.baseUrl, model, extra) });
  const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
  return runSuites(config, { env });
}

describe('runSuites on the LLMDrift prime subset', () => {
  it.each(['gpt-4-0314', 'gpt-4-0613'])(
    'reproduces the pass rate computed from the data file for %s',
    async (model) => {
      server = await startPrimeServer();
      const outcome = await runPrime(model);
      const truth = primeTruth(model);
      const expected = [...truth.values()].filter((t) => t.correct).length / truth.size;

      const [result] = outcome.models;
      expect(result!.metrics.passRate).toBe(expected);
      expect(result!.metrics.checked).toBe(100);
      // Not just the rate: every prompt's answer and verdict match the data file.
      for (const o of result!.observations) {
        const t = truth.get(o.promptId)!;
        expect(o.samples[0]).toMatchObject({ answer: t.answer, pass: t.correct, error: null });
      }
      expect(result!.metrics.servedModels).toEqual([model]);
      expect(result!.metrics.systemFingerprints).toHaveLength(1);
    },
  );

  it('shows the real March to June drop of GPT-4 on this subset', async () => {
    server = await startPrimeServer();
    const march = (await runPrime('gpt-4-0314')).models[0]!.metrics.passRate!;
    const june = (await runPrime('gpt-4-0613')).models[0]!.metrics.passRate!;
    expect(march).toBeGreaterThan(0.8);
    expect(june).toBeLessThan(0.55);
  });

  it('reads at most max-output-kb of each response, and marks the outputs it cut', async () => {
    server = await startPrimeServer({ faults: { endless: { share: 0.3 } } });
    const outcome = await runPrime('gpt-4-0314', 'max-output-kb: 8\n');
    const samples = outcome.models[0]!.observations.map((o) => o.samples[0]!);
    const cut = samples.filter((s) => s.output?.endsWith(cutMark(8)));
    expect(cut.length).toBeGreaterThan(10);
    expect(cut.length).toBeLessThan(60);
    for (const s of cut) expect(Buffer.byteLength(s.output!)).toBeLessThanOrEqual(8 * 1024);
    expect(samples.every((s) => s.error === null)).toBe(true);
  });

  it('returns observations in plan order whatever order requests finish in', async () => {
    server = await startPrimeServer({ latencyMs: 5 });
    const outcome = await runPrime('gpt-4-0314', 'samples: 2\nconcurrency: 16\n');
    const ids = outcome.models[0]!.observations.map((o) => o.promptId);
    const config = await loadConfig({
      root: tempDir({ 'c.yml': primeConfig(server.baseUrl, 'x') }),
      configPath: 'c.yml',
    });
    expect(ids).toEqual(config.suites[0]!.prompts.map((p) => p.id));
    expect(outcome.models[0]!.observations.every((o) => o.samples.length === 2)).toBe(true);
    // The replay server answers identically every time, so both agreement measures are 1.
    expect(outcome.models[0]!.metrics).toMatchObject({ agreement: 1, rawAgreement: 1 });
  });
});

describe('runSuites under injected faults', () => {
  it('ends every observation with an output or a categorized error, and recovers every 429 and 500', async () => {
    server = await startPrimeServer({
      faults: {
        rateLimit: { share: 0.3, retryAfterSeconds: 1 },
        serverError: { share: 0.1 },
        // Sticky: every attempt of these requests is slower than the client's timeout.
        slow: { share: 0.05, delayMs: 3_000 },
      },
    });
    const outcome = await runPrime('gpt-4-0314', 'retries: 4\ntimeout-seconds: 0.4\nconcurrency: 16\n');
    const observations = outcome.models[0]!.observations;
    const samples = observations.flatMap((o) => o.samples);
    expect(samples).toHaveLength(100);
    for (const s of samples) {
      expect(s.output !== null || s.error !== null).toBe(true);
      expect(s.output === null || s.error === null).toBe(true);
      if (s.error) expect(ERROR_CATEGORIES).toContain(s.error.category);
    }

    const stats = server.stats();
    expect(stats.byStatus['429']).toBeGreaterThan(10);
    expect(stats.byStatus['500']).toBeGreaterThan(0);
    const { errors } = outcome.models[0]!.metrics;
    // Rate limits and server errors were retried to success; only the sticky timeouts remain.
    expect(errors['rate-limited']).toBe(0);
    expect(errors.server).toBe(0);
    expect(errors.timeout).toBeGreaterThan(0);
    expect(errors.timeout).toBe(samples.filter((s) => s.error).length);
    // Errors are availability, not behavior: they are left out of the pass rate.
    expect(outcome.models[0]!.metrics.checked).toBe(100 - errors.timeout);
    // Each timed-out request was tried 1 + retries times.
    for (const s of samples.filter((x) => x.error)) expect(s.attempts).toBe(5);
  });
});

describe('runSuites with a clock', () => {
  it('stamps the run with the clock it is given, when it starts and when it finishes', async () => {
    const { config } = await smallConfig();
    const times = [new Date('2025-03-01T03:00:00.000Z'), new Date('2025-03-01T03:00:07.000Z')];
    const outcome = await runSuites(config, {
      env: {},
      providerFor: (m) => fakeProvider(m.id),
      clock: () => times.shift()!,
    });
    expect(outcome.run.startedAt).toBe('2025-03-01T03:00:00.000Z');
    expect(outcome.finishedAt).toBe('2025-03-01T03:00:07.000Z');
    expect(outcome.run.id).toMatch(/^20250301T030000Z-/);
    expect(times).toEqual([]);
  });
});
