import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import {
  faultDraw,
  pickFault,
  startReplayServer,
  type FaultPlan,
  type Recording,
  type ReplayServer,
} from '../../tools/replay/index.js';
import { ask, client } from './helpers.js';

const recordings: Recording[] = Array.from({ length: 200 }, (_, i) => ({
  model: 'm',
  prompt: `question ${i}`,
  output: `answer ${i}`,
}));

async function withServer<T>(faults: FaultPlan | undefined, fn: (s: ReplayServer) => Promise<T>): Promise<T> {
  const server = await startReplayServer({ recordings, faults });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

const statuses = (s: ReplayServer): number[] => s.requests().map((r) => r.status);
const attempts = (s: ReplayServer): number[] => s.requests().map((r) => r.attempt);

describe('rate-limit fault', () => {
  it('is retried by the SDK after retry-after, then succeeds', async () => {
    await withServer({ rateLimit: { share: 1, attempts: 1, retryAfterSeconds: 0.05 } }, async (s) => {
      const started = Date.now();
      const res = await ask(client(s.baseUrl, { maxRetries: 2 }), 'm', 'question 1');
      expect(Date.now() - started).toBeGreaterThanOrEqual(40); // retry-after honoured (50 ms)
      expect(res.choices[0]?.message.content).toBe('answer 1');
      expect(statuses(s)).toEqual([429, 200]);
      expect(attempts(s)).toEqual([0, 1]);
      expect(s.stats()).toEqual({ requests: 2, byStatus: { '429': 1, '200': 1 }, retried: 1 });
    });
  });

  it('surfaces as RateLimitError without retries, with the header and error body', async () => {
    await withServer({ rateLimit: { share: 1, retryAfterSeconds: 0.05 } }, async (s) => {
      const err = await ask(client(s.baseUrl, { maxRetries: 0 }), 'm', 'question 1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.RateLimitError);
      const e = err as InstanceType<typeof OpenAI.RateLimitError>;
      expect(e.status).toBe(429);
      expect(e.headers.get('retry-after')).toBe('0.05');
      expect(e.code).toBe('rate_limit_exceeded');
      expect(s.stats().requests).toBe(1);
    });
  });

  it('keeps failing on every attempt below `attempts`', async () => {
    await withServer({ rateLimit: { share: 1, attempts: 5, retryAfterSeconds: 0.01 } }, async (s) => {
      const err = await ask(client(s.baseUrl, { maxRetries: 2 }), 'm', 'question 1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.RateLimitError);
      expect(attempts(s)).toEqual([0, 1, 2]);
    });
  });
});

describe('server-error fault', () => {
  it('is retried by the SDK, then succeeds', async () => {
    await withServer({ serverError: { share: 1, attempts: 1 } }, async (s) => {
      const res = await ask(client(s.baseUrl, { maxRetries: 2 }), 'm', 'question 2');
      expect(res.choices[0]?.message.content).toBe('answer 2');
      expect(statuses(s)).toEqual([500, 200]);
      expect(attempts(s)).toEqual([0, 1]);
    });
  });

  it('surfaces as InternalServerError without retries', async () => {
    await withServer({ serverError: { share: 1 } }, async (s) => {
      const err = await ask(client(s.baseUrl, { maxRetries: 0 }), 'm', 'question 2').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.InternalServerError);
      expect((err as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(500);
    });
  });

  it('applies at most one fault per request, rate limit first', async () => {
    await withServer({ rateLimit: { share: 1 }, serverError: { share: 1 } }, async (s) => {
      const err = await ask(client(s.baseUrl, { maxRetries: 0 }), 'm', 'question 3').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.RateLimitError);
      expect(statuses(s)).toEqual([429]);
    });
  });
});

describe('slow fault', () => {
  it('makes the SDK time out, and the server still closes promptly', async () => {
    const server = await startReplayServer({ recordings, faults: { slow: { share: 1, delayMs: 2000 } } });
    const err = await ask(client(server.baseUrl, { maxRetries: 0, timeout: 200 }), 'm', 'question 4').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(500);
    // The abandoned request is logged as 499 (client gone), never as a 200.
    expect(statuses(server)).toEqual([499]);
  });

  it('stays slow on retries by default', async () => {
    await withServer({ slow: { share: 1, delayMs: 2000 } }, async (s) => {
      const err = await ask(client(s.baseUrl, { maxRetries: 1, timeout: 150 }), 'm', 'question 4').catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
      await expect.poll(() => attempts(s)).toEqual([0, 1]);
    });
  });
});

describe('malformed fault', () => {
  it('sends a 200 whose JSON body does not parse, and the SDK call rejects', async () => {
    await withServer({ malformed: { share: 1 } }, async (s) => {
      await expect(ask(client(s.baseUrl, { maxRetries: 2 }), 'm', 'question 5')).rejects.toThrow();
      expect(statuses(s)).toEqual([200]);
      const raw = await fetch(`${s.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'question 6' }] }),
      });
      expect(raw.headers.get('content-type')).toBe('application/json');
      const text = await raw.text();
      expect(() => JSON.parse(text)).toThrow();
    });
  });
});

describe('stall fault', () => {
  it('sends the headers and half the body at once, the rest after the pause', async () => {
    await withServer({ stall: { share: 1, delayMs: 200 } }, async (s) => {
      const raw = await fetch(`${s.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'question 9' }] }),
      });
      expect(raw.status).toBe(200);
      const reader = raw.body!.getReader();
      const first = await reader.read();
      const head = Buffer.from(first.value!).toString('utf8');
      const length = Number(raw.headers.get('content-length'));
      expect(head.length).toBe(Math.floor(length / 2));
      let text = head;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        text += Buffer.from(chunk.value).toString('utf8');
      expect(JSON.parse(text)).toMatchObject({ choices: [{ message: { content: 'answer 9' } }] });
      expect(statuses(s)).toEqual([200]);
    });
  });

  it('ends its wait when the client goes away, and logs the request as abandoned', async () => {
    await withServer({ stall: { share: 1, delayMs: 60_000 } }, async (s) => {
      const controller = new AbortController();
      const raw = await fetch(`${s.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'question 10' }] }),
        signal: controller.signal,
      });
      await raw.body!.getReader().read();
      controller.abort();
      await expect.poll(() => statuses(s)).toEqual([499]);
    });
  });
});

describe('endless fault', () => {
  it('opens the message text and sends text as fast as it is read, without end, until the client leaves', async () => {
    await withServer({ endless: { share: 1 } }, async (s) => {
      const controller = new AbortController();
      const raw = await fetch(`${s.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'question 11' }] }),
        signal: controller.signal,
      });
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-length')).toBeNull();
      const reader = raw.body!.getReader();
      let text = '';
      while (text.length < 4 * 1024 * 1024) text += Buffer.from((await reader.read()).value!).toString('utf8');
      expect(text).toMatch(
        /^\{"id":"chatcmpl-replay-[0-9a-f]+",.*"message":\{"role":"assistant","content":"answer 11 answer 11 /,
      );
      controller.abort();
      await expect.poll(() => statuses(s)).toEqual([499]);
    });
  });
});

describe('fault plan validation', () => {
  it.each([
    [{ serverError: { share: 1.5 } }, 'faults.serverError.share must be between 0 and 1, got 1.5'],
    [{ rateLimit: { share: 1, attempts: -1 } }, 'faults.rateLimit.attempts must be >= 0, got -1'],
    [{ slow: { share: 1, delayMs: -5 } }, 'faults.slow.delayMs must be >= 0, got -5'],
    [{ stall: { share: 1 } as never }, 'faults.stall.delayMs must be >= 0, got undefined'],
    [{ rateLimit: { share: 1, retryAfterSeconds: -1 } }, 'faults.rateLimit.retryAfterSeconds must be >= 0, got -1'],
  ] as Array<[FaultPlan, string]>)('refuses %j', async (faults, message) => {
    await expect(startReplayServer({ recordings, faults })).rejects.toThrow(message);
  });
});

describe('fault selection', () => {
  /** Sends every recorded prompt once, without retries; returns the prompts that failed. */
  async function failedPrompts(plan: FaultPlan): Promise<string[]> {
    return withServer(plan, async (s) => {
      const c = client(s.baseUrl, { maxRetries: 0 });
      const results = await Promise.all(
        recordings.map((r) =>
          ask(c, 'm', r.prompt).then(
            () => null,
            () => r.prompt,
          ),
        ),
      );
      expect(s.stats().requests).toBe(recordings.length);
      return results.filter((p): p is string => p !== null).sort();
    });
  }

  it('selects about the configured share, and the same requests every time', async () => {
    const plan: FaultPlan = { serverError: { share: 0.3 } };
    const first = await failedPrompts(plan);
    const share = first.length / recordings.length;
    expect(share).toBeGreaterThanOrEqual(0.2);
    expect(share).toBeLessThanOrEqual(0.4);
    expect(await failedPrompts(plan)).toEqual(first);
    // The pure selection function agrees with what the server did.
    const predicted = recordings
      .filter((r) => faultDraw('trackrecord', 'serverError', 'm', r.prompt) < 0.3)
      .map((r) => r.prompt)
      .sort();
    expect(predicted).toEqual(first);
    // Another seed picks another set.
    expect(await failedPrompts({ ...plan, seed: 'other' })).not.toEqual(first);
  });

  it('is a pure function of seed, kind, model, prompt and attempt', () => {
    const req = { model: 'm', prompt: 'question 7', attempt: 0 };
    expect(pickFault({ rateLimit: { share: 1 } }, req)).toEqual({ kind: 'rateLimit', retryAfterSeconds: 1 });
    expect(pickFault({ rateLimit: { share: 1 } }, { ...req, attempt: 1 })).toBeNull();
    expect(pickFault({ slow: { share: 1, delayMs: 5 } }, { ...req, attempt: 9 })).toEqual({ kind: 'slow', delayMs: 5 });
    expect(pickFault({ stall: { share: 1, delayMs: 7 } }, { ...req, attempt: 9 })).toEqual({
      kind: 'stall',
      delayMs: 7,
    });
    expect(pickFault({ malformed: { share: 0 } }, req)).toBeNull();
    expect(pickFault(undefined, req)).toBeNull();
    const u = faultDraw('s', 'slow', 'm', 'p');
    expect(u).toBe(faultDraw('s', 'slow', 'm', 'p'));
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThan(1);
  });

  it('can be changed at run time', async () => {
    await withServer(undefined, async (s) => {
      const c = client(s.baseUrl, { maxRetries: 0 });
      await ask(c, 'm', 'question 8');
      s.setFaults({ serverError: { share: 1 } });
      await expect(ask(c, 'm', 'question 8')).rejects.toBeInstanceOf(OpenAI.InternalServerError);
      s.setFaults(undefined);
      await ask(c, 'm', 'question 8');
      expect(statuses(s)).toEqual([200, 500, 200]);
      expect(() => s.setFaults({ rateLimit: { share: 2 } })).toThrow(/share/);
    });
  });
});
