import { describe, expect, it } from 'vitest';
import { AimdLimit, FifoLock } from '../../src/run/adaptive.js';

/** Settles `n` clean calls of the current window; returns the limits it moved through. */
function succeed(aimd: AimdLimit, n: number): number[] {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    const change = aimd.succeeded(aimd.epoch);
    if (change) seen.push(change.limit);
  }
  return seen;
}

describe('AimdLimit', () => {
  it('starts at the configured concurrency and halves on a 429', () => {
    const aimd = new AimdLimit({ max: 16 });
    expect(aimd.limit).toBe(16);
    expect(aimd.rateLimited(aimd.epoch)).toEqual({ limit: 8, previous: 16, reason: 'rate-limited' });
    expect(aimd.limit).toBe(8);
  });

  it('lowers at most once per window: 429s of calls admitted before the decrease change nothing', () => {
    const aimd = new AimdLimit({ max: 16 });
    const first = aimd.epoch;
    aimd.rateLimited(first);
    // The rest of the first wave comes back rate-limited too: old news.
    for (let i = 0; i < 10; i++) expect(aimd.rateLimited(first)).toBeNull();
    expect(aimd.limit).toBe(8);
    // A call admitted under the new limit that still meets a 429 lowers it again.
    expect(aimd.rateLimited(aimd.epoch)?.limit).toBe(4);
    expect(aimd.epoch).toBe(first + 2);
  });

  it('never goes below min (1 by default), and halves odd limits down', () => {
    const aimd = new AimdLimit({ max: 7 });
    const limits: number[] = [];
    for (let i = 0; i < 5; i++) limits.push(aimd.rateLimited(aimd.epoch)?.limit ?? -1);
    expect(limits).toEqual([3, 1, -1, -1, -1]);
    expect(aimd.limit).toBe(1);
    const floored = new AimdLimit({ max: 8, min: 3 });
    floored.rateLimited(floored.epoch);
    expect(floored.rateLimited(floored.epoch)).toEqual({ limit: 3, previous: 4, reason: 'rate-limited' });
    expect(floored.rateLimited(floored.epoch)).toBeNull();
  });

  it('does not decrease below what the provider is serving, but always decreases', () => {
    const aimd = new AimdLimit({ max: 16 });
    // 12 requests in flight and answered, one rate-limited: a slow provider at its rate.
    expect(aimd.rateLimited(aimd.epoch, 12)?.limit).toBe(12);
    // Serving as many as the limit allows still means one fewer.
    expect(aimd.rateLimited(aimd.epoch, 12)?.limit).toBe(11);
    // Serving few: plain halving.
    expect(aimd.rateLimited(aimd.epoch, 1)?.limit).toBe(5);
    expect(aimd.rateLimited(aimd.epoch, -3)?.limit).toBe(2);
  });

  it('grows by one after a window of clean calls, back up to max and no further', () => {
    const aimd = new AimdLimit({ max: 8 });
    aimd.rateLimited(aimd.epoch);
    aimd.rateLimited(aimd.epoch);
    aimd.rateLimited(aimd.epoch);
    expect(aimd.limit).toBe(1);
    // 1 clean call at limit 1, 2 at limit 2, ... 7 at limit 7: 28 calls back to 8.
    expect(succeed(aimd, 27)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(succeed(aimd, 1)).toEqual([8]);
    expect(succeed(aimd, 100)).toEqual([]);
    expect(aimd.limit).toBe(8);
  });

  it('reports the reason and previous limit of a recovery', () => {
    const aimd = new AimdLimit({ max: 4 });
    aimd.rateLimited(aimd.epoch);
    aimd.succeeded(aimd.epoch);
    expect(aimd.succeeded(aimd.epoch)).toEqual({ limit: 3, previous: 2, reason: 'recovered' });
  });

  it('counts no clean call of an older window, and any 429 restarts the count', () => {
    const aimd = new AimdLimit({ max: 8 });
    const old = aimd.epoch;
    aimd.rateLimited(old);
    expect(aimd.limit).toBe(4);
    for (let i = 0; i < 20; i++) expect(aimd.succeeded(old)).toBeNull(); // admitted at 8: no evidence for 4
    succeed(aimd, 3);
    aimd.rateLimited(old); // stale for a decrease, but still a 429: the streak starts over
    expect(aimd.limit).toBe(4);
    expect(succeed(aimd, 3)).toEqual([]);
    expect(succeed(aimd, 1)).toEqual([5]);
  });

  it('takes another decrease factor', () => {
    const aimd = new AimdLimit({ max: 10, decrease: 0.75 });
    expect(aimd.rateLimited(aimd.epoch)?.limit).toBe(7);
  });

  it('rejects nonsense options', () => {
    expect(() => new AimdLimit({ max: 0 })).toThrow(/max/);
    expect(() => new AimdLimit({ max: 2.5 })).toThrow(/max/);
    expect(() => new AimdLimit({ max: 4, min: 5 })).toThrow(/min/);
    expect(() => new AimdLimit({ max: 4, min: 0 })).toThrow(/min/);
    expect(() => new AimdLimit({ max: 4, decrease: 1 })).toThrow(/decrease/);
    expect(() => new AimdLimit({ max: 4, decrease: 0 })).toThrow(/decrease/);
  });
});

describe('FifoLock', () => {
  it('is handed over in the order it was asked for', async () => {
    const lock = new FifoLock();
    const order: string[] = [];
    await lock.acquire();
    expect(lock.locked).toBe(true);
    const waiters = ['a', 'b', 'c'].map((name) =>
      lock.acquire().then(() => {
        order.push(name);
      }),
    );
    expect(lock.queued).toBe(3);
    for (let i = 0; i < 3; i++) {
      lock.release();
      await Promise.resolve();
      await Promise.resolve();
    }
    await Promise.all(waiters);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(lock.locked).toBe(true); // 'c' holds it
    lock.release();
    expect(lock.locked).toBe(false);
    expect(() => lock.release()).toThrow(/without acquire/);
  });
});
