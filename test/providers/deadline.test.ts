import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/config/types.js';
import { createOpenAIProvider, cutMark } from '../../src/providers/openai.js';
import type { FaultPlan, ReplayServer } from '../../tools/replay/index.js';
import type { CallResult } from '../../src/run/types.js';
import { startPrimeServer } from '../support/prime.js';

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PROMPT = 'Is 8929 a prime number? Think step by step and then answer "[Yes]" or "[No]".';
const MODEL = 'gpt-4-0314';

let replay: ReplayServer | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

function spec(baseUrl: string): ModelSpec {
  return { id: 'm', model: MODEL, baseUrl, apiKeyEnv: 'TEST_KEY', params: {}, system: null, headers: {} };
}

/** Rejects when `promise` has not settled `ms` after the start: a hang fails the test instead of stalling it. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function provider(faults: FaultPlan, options: { timeoutSeconds: number; maxOutputKb?: number }) {
  replay = await startPrimeServer({ faults });
  return createOpenAIProvider(spec(replay.baseUrl), { retries: 0, env: {}, ...options });
}

const ask = (p: ReturnType<typeof createOpenAIProvider>): Promise<CallResult> =>
  p.complete({ model: MODEL, messages: [{ role: 'user', content: PROMPT }], params: {} });

describe('the deadline on each attempt', () => {
  it('still ends bodies that stall after the headers when garbage is collected meanwhile', async () => {
    const p = await provider({ stall: { share: 1, delayMs: 120_000 } }, { timeoutSeconds: 1 });
    // Collect garbage all along, so nothing only weakly held survives the wait.
    const collector = setInterval(gc, 50);
    try {
      const results = await within(10_000, Promise.all(Array.from({ length: 24 }, () => ask(p))));
      for (const result of results) {
        expect(result).toMatchObject({ ok: false, error: { category: 'timeout' } });
      }
    } finally {
      clearInterval(collector);
    }
  }, 30_000);

  it('reads at most max-output-kb of a body that never ends, with bounded memory', async () => {
    const p = await provider({ endless: { share: 1 } }, { timeoutSeconds: 3, maxOutputKb: 256 });
    gc();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const result = await within(10_000, ask(p));
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);
      expect(result).toMatchObject({ ok: true, attempts: 1 });
      if (!result.ok) return;
      const { output } = result.completion;
      expect(output.endsWith(cutMark(256))).toBe(true);
      expect(Buffer.byteLength(output)).toBeLessThanOrEqual(256 * 1024);
      expect(Buffer.byteLength(output)).toBeGreaterThan(200 * 1024);
    } finally {
      clearInterval(sampler);
    }
  });
});
