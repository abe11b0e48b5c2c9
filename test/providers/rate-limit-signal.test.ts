import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/config/types.js';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import type { FaultPlan, ReplayServer } from '../../tools/replay/index.js';
import type { CallObserver } from '../../src/run/types.js';
import { startPrimeServer } from '../support/prime.js';

const PROMPT = 'Is 8929 a prime number? Think step by step and then answer "[Yes]" or "[No]".';
const request = { model: 'gpt-4-0314', messages: [{ role: 'user' as const, content: PROMPT }], params: {} };

let replay: ReplayServer | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

function model(baseUrl: string): ModelSpec {
  return { id: 'm', model: 'gpt-4-0314', baseUrl, apiKeyEnv: 'TEST_KEY', params: {}, system: null, headers: {} };
}

async function provider(faults: FaultPlan | undefined, retries: number, timeoutSeconds = 2) {
  replay = await startPrimeServer({ faults });
  return createOpenAIProvider(model(replay.baseUrl), { timeoutSeconds, retries, env: {} });
}

describe('openai provider: rate-limit signal', () => {
  it('counts the 429s the SDK retried past, and reports each as it arrives', async () => {
    const p = await provider({ rateLimit: { share: 1, attempts: 2, retryAfterSeconds: 0.02 } }, 3);
    const events: string[] = [];
    const observer: CallObserver = {
      onRateLimited: () => events.push('429'),
      beforeRetry: async () => {
        events.push('retry');
      },
    };
    const result = await p.complete(request, observer);
    expect(result).toMatchObject({ ok: true, attempts: 3, rateLimited: 2 });
    expect(events).toEqual(['429', 'retry', '429', 'retry']);
  });

  it('reports 0 when nothing was rate-limited, and works without an observer', async () => {
    const p = await provider(undefined, 2);
    expect(await p.complete(request)).toMatchObject({ ok: true, attempts: 1, rateLimited: 0 });
  });

  it('counts the 429s of a call that ran out of retries', async () => {
    const p = await provider({ rateLimit: { share: 1, attempts: Infinity, retryAfterSeconds: 0.01 } }, 2);
    const result = await p.complete(request);
    expect(result).toMatchObject({
      ok: false,
      attempts: 3,
      rateLimited: 3,
      error: { category: 'rate-limited', status: 429 },
    });
  });

  it('does not count other retried statuses as rate limits, but still asks before retrying them', async () => {
    const p = await provider({ serverError: { share: 1, attempts: 1 } }, 2);
    let asked = 0;
    const result = await p.complete(request, { beforeRetry: async () => void (asked += 1) });
    expect(result).toMatchObject({ ok: true, attempts: 2, rateLimited: 0 });
    expect(asked).toBe(1);
  });

  it('holds a retry while beforeRetry waits, without the wait counting against the timeout', async () => {
    const p = await provider({ rateLimit: { share: 1, attempts: 1, retryAfterSeconds: 0.01 } }, 1, 0.2);
    const started = performance.now();
    const result = await p.complete(request, { beforeRetry: () => new Promise((r) => setTimeout(r, 500)) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    expect(result).toMatchObject({ ok: true, attempts: 2, rateLimited: 1 });
    // The retry reached the server only after the wait.
    const [first, second] = replay!.requests().sort((a, b) => a.arrivedAt - b.arrivedAt);
    expect(second!.arrivedAt - first!.arrivedAt).toBeGreaterThanOrEqual(490);
  });
});
