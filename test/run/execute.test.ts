import { describe, expect, it } from 'vitest';
import { MAX_CHECKED_CHARS } from '../../src/checks/index.js';
import type { ModelSpec, PromptSpec } from '../../src/config/types.js';
import { acceptedAfterMs, executePlan, metRateLimit, type ConcurrencyChange } from '../../src/run/execute.js';
import type { Plan } from '../../src/run/plan.js';
import type { CallObserver, CallResult, ChatProvider, ChatRequest } from '../../src/run/types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function modelSpec(id: string): ModelSpec {
  return { id, model: id, baseUrl: 'http://unused.invalid/v1', apiKeyEnv: 'K', params: {}, system: null, headers: {} };
}

function promptSpec(id: string): PromptSpec {
  return {
    id,
    messages: [{ role: 'user', content: id }],
    extract: null,
    normalize: [],
    compare: { kind: 'exact' },
    expect: [],
    location: { file: 'test.yaml', line: 1 },
  };
}

function plan(models: string[], prompts: number, samples: number): Plan {
  const ps = Array.from({ length: prompts }, (_, i) => ({ suite: 's', prompt: promptSpec(`p${i}`) }));
  return {
    models: models.map(modelSpec),
    prompts: ps,
    samples,
    hashes: models.map(() => ps.map((p) => `h-${p.prompt.id}`)),
    checksHashes: ps.map(() => 'c'),
  };
}

function ok(output: string, extra: Partial<CallResult> = {}): CallResult {
  return {
    ok: true,
    completion: { output, servedModel: null, systemFingerprint: null, tokensIn: null, tokensOut: null },
    latencyMs: 1,
    attempts: 1,
    ...extra,
  } as CallResult;
}

/** A provider that counts requests in flight and answers with `answer`. */
function fake(answer: (request: ChatRequest, observer: CallObserver | undefined, n: number) => Promise<CallResult>) {
  const state = { active: 0, maxActive: 0, calls: 0, observers: [] as Array<CallObserver | undefined> };
  const provider: ChatProvider = {
    async complete(request, observer) {
      state.active += 1;
      state.maxActive = Math.max(state.maxActive, state.active);
      state.observers.push(observer);
      try {
        return await answer(request, observer, state.calls++);
      } finally {
        state.active -= 1;
      }
    },
  };
  return { provider, state };
}

const textOf = (request: ChatRequest) => request.messages.at(-1)!.content;

describe('executePlan', () => {
  it('returns observations in plan order, samples in request order, whatever order requests finish in', async () => {
    const starts = new Map<string, number>();
    const make = (name: string) =>
      fake(async (request) => {
        const key = `${name}/${textOf(request)}`;
        const n = starts.get(key) ?? 0;
        starts.set(key, n + 1);
        await sleep(Math.floor(Math.random() * 8));
        return ok(`${key}#${n}`);
      });
    const a = make('a');
    const b = make('b');
    const observations = await executePlan(
      plan(['a', 'b'], 6, 3),
      new Map([
        ['a', a.provider],
        ['b', b.provider],
      ]),
      {
        concurrency: 5,
      },
    );
    expect(observations.map((o) => `${o.modelId}/${o.promptId}`)).toEqual([
      ...['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((p) => `a/${p}`),
      ...['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((p) => `b/${p}`),
    ]);
    for (const o of observations) {
      expect(o.samples.map((s) => s.output)).toEqual([0, 1, 2].map((n) => `${o.modelId}/${o.promptId}#${n}`));
    }
  });

  it.each([true, false])('keeps the run within its concurrency (adaptive: %s)', async (adaptive) => {
    const a = fake(async () => (await sleep(2), ok('x')));
    const b = fake(async () => (await sleep(2), ok('y')));
    const changes: ConcurrencyChange[] = [];
    await executePlan(
      plan(['a', 'b'], 20, 2),
      new Map([
        ['a', a.provider],
        ['b', b.provider],
      ]),
      {
        concurrency: 6,
        adaptive,
        onConcurrency: (c) => changes.push(c),
      },
    );
    expect(a.state.maxActive + b.state.maxActive).toBeGreaterThanOrEqual(6);
    expect(Math.max(a.state.maxActive, b.state.maxActive)).toBeLessThanOrEqual(6);
    expect(changes).toEqual([]);
    // Only an adaptive run hands the provider an observer.
    expect(a.state.observers.every((o) => (adaptive ? o !== undefined : o === undefined))).toBe(true);
  });

  it('lowers a model’s concurrency at its first 429, then raises it back once 429s stop', async () => {
    let limited = true;
    let limit = 8;
    const violations: string[] = [];
    const changes: ConcurrencyChange[] = [];
    const { provider, state } = fake(async (_request, observer) => {
      if (state.active > limit) violations.push(`${state.active} in flight at limit ${limit}`);
      await sleep(1);
      if (!limited) return ok('fine');
      observer!.onRateLimited!({ roundTripMs: 1 });
      await observer!.beforeRetry!();
      await sleep(1);
      return ok('after a retry', { attempts: 2, rateLimited: 1 });
    });
    await executePlan(plan(['m'], 60, 2), new Map([['m', provider]]), {
      concurrency: 8,
      onConcurrency: (c) => {
        changes.push(c);
        limit = c.limit;
        if (c.limit === 1) limited = false; // the provider's limit is lifted
      },
    });
    // At once, but not below what was in flight and not yet rate-limited (7 of 8).
    expect(changes[0]).toEqual({ modelId: 'm', limit: 7, previous: 8, reason: 'rate-limited' });
    const lowest = changes.findIndex((c) => c.limit === 1);
    expect(changes.slice(0, lowest + 1).every((c) => c.reason === 'rate-limited')).toBe(true);
    expect(changes.slice(lowest + 1).map((c) => c.limit)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(changes.slice(lowest + 1).every((c) => c.reason === 'recovered')).toBe(true);
    // No request starts while as many as the current limit are in flight (those already in flight finish).
    expect(violations).toEqual([]);
  });

  it('lets a model’s rate-limited retries through one at a time, in the order they queued', async () => {
    let retrying = 0;
    let maxRetrying = 0;
    const retried: number[] = [];
    const { provider } = fake(async (_request, observer, n) => {
      await sleep(1);
      observer!.onRateLimited!({ roundTripMs: 1 });
      await sleep(n % 3); // sleeps of different lengths, like retry-afters
      await observer!.beforeRetry!();
      retrying += 1;
      maxRetrying = Math.max(maxRetrying, retrying);
      retried.push(n);
      await sleep(2);
      retrying -= 1;
      return ok('x', { attempts: 2, rateLimited: 1 });
    });
    const observations = await executePlan(plan(['m'], 12, 1), new Map([['m', provider]]), { concurrency: 8 });
    expect(maxRetrying).toBe(1);
    expect(retried).toHaveLength(12);
    expect(observations.flatMap((o) => o.samples).every((s) => s.error === null)).toBe(true);
  });

  it('hands the line on once the provider has evidently taken a retry, not when its answer comes', async () => {
    let retrying = 0;
    let maxRetrying = 0;
    const { provider } = fake(async (_request, observer) => {
      await sleep(1);
      observer!.onRateLimited!({ roundTripMs: 5 }); // 429s come back in 5 ms: a retry out 30 ms was taken
      await observer!.beforeRetry!();
      retrying += 1;
      maxRetrying = Math.max(maxRetrying, retrying);
      await sleep(300); // the answer takes the model's time
      retrying -= 1;
      return ok('x', { attempts: 2, rateLimited: 1 });
    });
    const started = performance.now();
    await executePlan(plan(['m'], 4, 1), new Map([['m', provider]]), { concurrency: 4 });
    expect(maxRetrying).toBeGreaterThanOrEqual(2);
    expect(performance.now() - started).toBeLessThan(900); // one at a time to the end would be 1200 ms
    expect(acceptedAfterMs(5)).toBe(30);
  });

  it('keeps the front of the line through further 429s: no one else retries in between', async () => {
    const log: string[] = [];
    const { provider } = fake(async (_request, observer, n) => {
      await sleep(1);
      observer!.onRateLimited!({ roundTripMs: 1 });
      for (let attempt = 1; attempt <= 3; attempt++) {
        await observer!.beforeRetry!();
        log.push(`${n}:${attempt}`);
        await sleep(2);
        if (attempt < 3) observer!.onRateLimited!({ roundTripMs: 1 }); // refused again
      }
      return ok('x', { attempts: 4, rateLimited: 3 });
    });
    await executePlan(plan(['m'], 3, 1), new Map([['m', provider]]), { concurrency: 3 });
    // Each request's three retries run back to back.
    expect(log).toHaveLength(9);
    for (let i = 0; i < 9; i += 3) {
      const n = log[i]!.split(':')[0];
      expect(log.slice(i, i + 3)).toEqual([`${n}:1`, `${n}:2`, `${n}:3`]);
    }
  });

  it('does not hold back retries of requests that met no 429', async () => {
    let retrying = 0;
    let maxRetrying = 0;
    const { provider } = fake(async (_request, observer) => {
      await sleep(1);
      await observer!.beforeRetry!(); // a retry after a 500, say
      retrying += 1;
      maxRetrying = Math.max(maxRetrying, retrying);
      await sleep(5);
      retrying -= 1;
      return ok('x', { attempts: 2, rateLimited: 0 });
    });
    await executePlan(plan(['m'], 8, 1), new Map([['m', provider]]), { concurrency: 8 });
    expect(maxRetrying).toBeGreaterThan(1);
  });

  it('adapts each model on its own: one provider’s 429s do not slow another', async () => {
    const limitedModel = fake(async (_request, observer) => {
      await sleep(1);
      observer!.onRateLimited!({ roundTripMs: 1 });
      await observer!.beforeRetry!();
      return ok('x', { attempts: 2, rateLimited: 1 });
    });
    const freeModel = fake(async () => (await sleep(3), ok('y')));
    const changes: ConcurrencyChange[] = [];
    await executePlan(
      plan(['slow', 'free'], 40, 1),
      new Map([
        ['slow', limitedModel.provider],
        ['free', freeModel.provider],
      ]),
      {
        concurrency: 8,
        onConcurrency: (c) => changes.push(c),
      },
    );
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.modelId === 'slow')).toBe(true);
    expect(freeModel.state.maxActive).toBeGreaterThanOrEqual(4);
  });

  it('lowers the limit on 429s a provider reports only in its result', async () => {
    const results: CallResult[] = [
      ok('x', { rateLimited: 2, attempts: 3 }),
      { ok: false, error: { category: 'rate-limited', status: 429, message: 'slow down' }, latencyMs: 1, attempts: 5 },
    ];
    for (const result of results) {
      expect(metRateLimit(result)).toBe(true);
      const changes: ConcurrencyChange[] = [];
      const { provider } = fake(async () => (await sleep(1), result));
      await executePlan(plan(['m'], 4, 1), new Map([['m', provider]]), {
        concurrency: 4,
        onConcurrency: (c) => changes.push(c),
      });
      expect(changes[0]).toMatchObject({ limit: 2, previous: 4, reason: 'rate-limited' });
    }
    expect(metRateLimit(ok('x'))).toBe(false);
    expect(metRateLimit(ok('x', { rateLimited: 0 }))).toBe(false);
  });

  it('keeps a fixed limit when adaptive is off, whatever the provider reports', async () => {
    const changes: ConcurrencyChange[] = [];
    const { provider, state } = fake(async () => (await sleep(2), ok('x', { rateLimited: 1, attempts: 2 })));
    await executePlan(plan(['m'], 20, 1), new Map([['m', provider]]), {
      concurrency: 5,
      adaptive: false,
      onConcurrency: (c) => changes.push(c),
    });
    expect(changes).toEqual([]);
    expect(state.maxActive).toBe(5);
  });

  it('names a model without a provider', async () => {
    await expect(executePlan(plan(['m'], 1, 1), new Map(), { concurrency: 1 })).rejects.toThrow(
      /no provider for model "m"/,
    );
  });
});

describe('a sample’s checks', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);

  function checkedPlan(expectations: PromptSpec['expect']): Plan {
    const base = plan(['m'], 1, 3);
    const prompt = { ...promptSpec('p0'), extract: { kind: 'json-path' as const, path: '$' }, expect: expectations };
    return { ...base, prompts: [{ suite: 's', prompt }] };
  }

  it('fail that sample with the reason when they throw, and the run goes on', async () => {
    const outputs = ['[1]', deep, '[1]'];
    const { provider } = fake(async (_request, _observer, n) => ok(outputs[n]!));
    const [observation] = await executePlan(
      checkedPlan([{ kind: 'equals', value: '[1]' }]),
      new Map([['m', provider]]),
      { concurrency: 1 },
    );
    const [first, broken, last] = observation!.samples;
    expect(first).toMatchObject({ answer: '[1]', pass: true, failures: [] });
    expect(last).toMatchObject({ answer: '[1]', pass: true, failures: [] });
    expect(broken).toMatchObject({ output: deep, answer: null, pass: false, error: null });
    expect(broken!.failures).toEqual([
      'checks could not run on this output: json-path "$": the value is nested too deeply',
    ]);
  });

  it('fail an output longer than checks read, without reading it', async () => {
    const long = 'x'.repeat(MAX_CHECKED_CHARS + 1);
    const { provider } = fake(async (_request, _observer, n) => ok(n === 1 ? long : '[1]'));
    const [observation] = await executePlan(
      checkedPlan([{ kind: 'equals', value: '[1]' }]),
      new Map([['m', provider]]),
      { concurrency: 1 },
    );
    expect(observation!.samples.map((s) => s.pass)).toEqual([true, false, true]);
    expect(observation!.samples[1]!.failures).toEqual([
      'checks could not run on this output: the output is 1,048,577 characters long; checks read at most 1,048,576',
    ]);
  });

  it('keep pass null on a prompt without expectations, with the reason kept', async () => {
    const { provider } = fake(async () => ok(deep));
    const [observation] = await executePlan(checkedPlan([]), new Map([['m', provider]]), { concurrency: 1 });
    for (const sample of observation!.samples) {
      expect(sample).toMatchObject({ answer: null, pass: null });
      expect(sample.failures).toEqual([expect.stringMatching(/nested too deeply/)]);
    }
  });
});
