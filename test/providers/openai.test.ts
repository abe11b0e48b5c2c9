import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/config/types.js';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import type { FaultPlan, ReplayServer } from '../../tools/replay/index.js';
import type { CallResult } from '../../src/run/types.js';
import { startPrimeServer } from '../support/prime.js';

const PROMPT = 'Is 8929 a prime number? Think step by step and then answer "[Yes]" or "[No]".';

let replay: ReplayServer | undefined;
let raw: Server | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
  if (raw) await new Promise((r) => raw!.close(r));
  raw = undefined;
});

function model(baseUrl: string, over: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id: 'm',
    model: 'gpt-4-0314',
    baseUrl,
    apiKeyEnv: 'TEST_KEY',
    params: {},
    system: null,
    headers: {},
    ...over,
  };
}

async function callReplay(
  faults?: FaultPlan,
  over: Partial<ModelSpec> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<CallResult> {
  replay = await startPrimeServer({ faults, apiKey: env['TEST_KEY'] });
  const provider = createOpenAIProvider(model(replay.baseUrl, over), { timeoutSeconds: 0.3, retries: 2, env });
  return provider.complete({
    model: over.model ?? 'gpt-4-0314',
    messages: [{ role: 'user', content: PROMPT }],
    params: {},
  });
}

/** A one-route HTTP server that records each request body and answers with `respond`. */
async function rawServer(
  respond: (req: IncomingMessage, body: string) => { status: number; body: string; headers?: Record<string, string> },
) {
  const bodies: Array<{ headers: IncomingMessage['headers']; body: unknown }> = [];
  raw = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push({ headers: req.headers, body: JSON.parse(body) as unknown });
      const answer = respond(req, body);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((r) => raw!.listen(0, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/v1`, bodies };
}

describe('createOpenAIProvider', () => {
  it('returns the output with served model, fingerprint, usage, latency and one attempt', async () => {
    const result = await callReplay();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.completion.output).toMatch(/\[(Yes|No)\]/i);
    expect(result.completion).toMatchObject({
      servedModel: 'gpt-4-0314',
      systemFingerprint: expect.stringMatching(/^fp_/),
    });
    expect(result.completion.tokensIn).toBeGreaterThan(0);
    expect(result.completion.tokensOut).toBeGreaterThan(0);
    expect(result.attempts).toBe(1);
    expect(result.latencyMs).toBeGreaterThan(0);
  });

  it('honors retry-after on 429 and succeeds on the retry', async () => {
    const result = await callReplay({ rateLimit: { share: 1, retryAfterSeconds: 0.05 } });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
  });

  it.each([
    ['rate-limited', { rateLimit: { share: 1, attempts: Infinity, retryAfterSeconds: 0.01 } }, 429, 3],
    ['server', { serverError: { share: 1, attempts: Infinity } }, 500, 3],
    ['timeout', { slow: { share: 1, delayMs: 2_000 } }, null, 3],
    ['bad-response', { malformed: { share: 1, attempts: Infinity } }, null, 1],
  ] as const)('categorizes what survives the retries as %s', async (category, faults, status, attempts) => {
    const result = await callReplay(faults as FaultPlan);
    expect(result).toMatchObject({ ok: false, attempts, error: { category, status } });
  });

  it.each([
    ['429, retry-after in seconds', 429, () => ({ 'retry-after': '3600' }), 3600],
    [
      '503, retry-after as a date',
      503,
      () => ({ 'retry-after': new Date(Date.now() + 7_200_000).toUTCString() }),
      7200,
    ],
    ['429, retry-after-ms', 429, () => ({ 'retry-after-ms': '900000' }), 900],
  ] as const)(
    'fails at once, saying why, when the server asks for a longer wait than it honors (%s)',
    async (_, status, headers, seconds) => {
      const server = await rawServer(() => ({
        status,
        headers: headers(),
        body: JSON.stringify({ error: { message: 'quota exceeded' } }),
      }));
      const provider = createOpenAIProvider(model(server.baseUrl), { timeoutSeconds: 5, retries: 3, env: {} });
      const result = await provider.complete({
        model: 'gpt-4-0314',
        messages: [{ role: 'user', content: PROMPT }],
        params: {},
      });
      expect(result).toMatchObject({
        ok: false,
        attempts: 1,
        error: { status, category: status === 429 ? 'rate-limited' : 'server' },
      });
      if (result.ok) return;
      expect(server.bodies).toHaveLength(1);
      const asked = Number(/asked to wait (\d+) s/.exec(result.error.message)?.[1]);
      expect(Math.abs(asked - seconds)).toBeLessThanOrEqual(1);
      expect(result.error.message).toMatch(
        /^HTTP \d{3}: .*quota exceeded.* \(not retried: the server asked to wait \d+ s, longer than the 60 s trackrecord waits\)$/,
      );
    },
  );

  it('times out a response whose body stalls after the headers, and retries it like any timeout', async () => {
    const result = await callReplay({ stall: { share: 1, delayMs: 30_000 } });
    expect(result).toMatchObject({ ok: false, attempts: 3, error: { category: 'timeout', status: null } });
    if (!result.ok) expect(result.error.message).toMatch(/response body/);
  });

  it('receives a body that pauses within the timeout', async () => {
    const result = await callReplay({ stall: { share: 1, delayMs: 100 } });
    expect(result).toMatchObject({ ok: true, attempts: 1 });
  });

  it('does not retry an auth failure', async () => {
    const result = await callReplay(undefined, {}, { TEST_KEY: 'right-key' });
    expect(result.ok).toBe(true);
    await replay!.close();
    replay = await startPrimeServer({ apiKey: 'other-key' });
    const provider = createOpenAIProvider(model(replay.baseUrl), {
      timeoutSeconds: 1,
      retries: 3,
      env: { TEST_KEY: 'wrong' },
    });
    const failed = await provider.complete({
      model: 'gpt-4-0314',
      messages: [{ role: 'user', content: PROMPT }],
      params: {},
    });
    expect(failed).toMatchObject({ ok: false, attempts: 1, error: { category: 'auth', status: 401 } });
  });

  it('reports an unknown model as a bad response with its status', async () => {
    const result = await callReplay(undefined, { model: 'no-such-model' });
    expect(result).toMatchObject({ ok: false, error: { category: 'bad-response', status: 404 } });
  });

  it('reports a refused connection as a connection error, apart from server errors', async () => {
    const { baseUrl } = await rawServer(() => ({ status: 200, body: '{}' }));
    await new Promise((r) => raw!.close(r));
    raw = undefined;
    const provider = createOpenAIProvider(model(baseUrl), { timeoutSeconds: 1, retries: 0, env: {} });
    const result = await provider.complete({ model: 'x', messages: [{ role: 'user', content: 'hi' }], params: {} });
    expect(result).toMatchObject({
      ok: false,
      error: { category: 'connection', status: null, message: expect.stringMatching(/ECONNREFUSED/) },
    });
  });

  it('treats a 200 without a message as a bad response', async () => {
    const { baseUrl } = await rawServer(() => ({ status: 200, body: JSON.stringify({ choices: [] }) }));
    const provider = createOpenAIProvider(model(baseUrl), { timeoutSeconds: 1, retries: 0, env: {} });
    const result = await provider.complete({ model: 'x', messages: [{ role: 'user', content: 'hi' }], params: {} });
    expect(result).toMatchObject({ ok: false, error: { category: 'bad-response', status: 200 } });
  });

  it('never lets the key through in an error message, even when the server echoes it', async () => {
    const key = 'sk-SENTINEL-0123456789';
    const { baseUrl } = await rawServer((req) => ({
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }),
    }));
    const provider = createOpenAIProvider(model(baseUrl), { timeoutSeconds: 1, retries: 0, env: { TEST_KEY: key } });
    const result = await provider.complete({ model: 'x', messages: [{ role: 'user', content: 'hi' }], params: {} });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('SENTINEL');
    expect(JSON.stringify(result)).toContain('***');
  });

  it('masks the part of a key a server echoes cut short, in the message kept of a refused request', async () => {
    const key = 'sk-proj-SENTINEL0123456789abcdef';
    const { baseUrl } = await rawServer(() => ({
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${key.slice(0, 14)}****cdef.` } }),
    }));
    const provider = createOpenAIProvider(model(baseUrl), { timeoutSeconds: 1, retries: 0, env: { TEST_KEY: key } });
    const result = await provider.complete({ model: 'x', messages: [{ role: 'user', content: 'hi' }], params: {} });
    expect(result).toMatchObject({
      ok: false,
      error: { category: 'auth', status: 401, message: 'HTTP 401: Incorrect API key provided: *******cdef.' },
    });
  });

  it('sends the key, the system prompt, the sampling params and extra headers as configured', async () => {
    const completion = {
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    };
    const { baseUrl, bodies } = await rawServer(() => ({ status: 200, body: JSON.stringify(completion) }));
    const spec = model(baseUrl, {
      system: 'Be terse.',
      params: { temperature: 0, topP: 0.5, seed: 7, maxTokens: 64 },
      headers: { 'HTTP-Referer': 'https://example.org' },
    });
    const provider = createOpenAIProvider(spec, { timeoutSeconds: 1, retries: 0, env: { TEST_KEY: 'k-123' } });
    const { messagesFor } = await import('../../src/run/plan.js');
    const prompt = { messages: [{ role: 'user' as const, content: 'hi' }] };
    const result = await provider.complete({
      model: 'x',
      messages: messagesFor(spec, prompt as never),
      params: spec.params,
    });
    expect(result).toMatchObject({
      ok: true,
      completion: { output: 'ok', servedModel: null, systemFingerprint: null },
    });
    expect(bodies[0]!.headers.authorization).toBe('Bearer k-123');
    expect(bodies[0]!.headers['http-referer']).toBe('https://example.org');
    expect(bodies[0]!.body).toEqual({
      model: 'x',
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0,
      top_p: 0.5,
      seed: 7,
      max_tokens: 64,
    });
  });

  /** A provider for a server that answers like OpenAI's reasoning models: max_tokens is refused. */
  async function reasoningModel(retries: number) {
    const refusal = {
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    };
    const completion = {
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    };
    const { baseUrl, bodies } = await rawServer((_, body) =>
      'max_tokens' in (JSON.parse(body) as object)
        ? { status: 400, body: JSON.stringify(refusal) }
        : { status: 200, body: JSON.stringify(completion) },
    );
    const spec = model(baseUrl, { params: { maxTokens: 64 } });
    const provider = createOpenAIProvider(spec, { timeoutSeconds: 1, retries, env: {} });
    const call = () =>
      provider.complete({ model: 'x', messages: [{ role: 'user', content: 'hi' }], params: spec.params });
    const tokenParams = () => bodies.map((b) => Object.keys(b.body as object).filter((k) => k.startsWith('max_')));
    return { call, tokenParams };
  }

  it('switches to max_completion_tokens for a model that refuses max_tokens, once, for the rest of the run', async () => {
    const { call, tokenParams } = await reasoningModel(2);
    expect(await call()).toMatchObject({ ok: true, attempts: 2, completion: { output: 'ok' } });
    expect(await call()).toMatchObject({ ok: true, attempts: 1 });
    expect(tokenParams()).toEqual([['max_tokens'], ['max_completion_tokens'], ['max_completion_tokens']]);
  });

  it('resends every request that was in flight with max_tokens when the model refused it', async () => {
    const { call, tokenParams } = await reasoningModel(0);
    const results = await Promise.all(Array.from({ length: 6 }, call));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, true]);
    expect(tokenParams().filter(([param]) => param === 'max_completion_tokens')).toHaveLength(6);
  });

  it('reports any other 400 as it is, without resending', async () => {
    const { baseUrl, bodies } = await rawServer(() => ({
      status: 400,
      body: JSON.stringify({
        error: {
          message: "Unsupported value: 'temperature' does not support 0 with this model.",
          param: 'temperature',
        },
      }),
    }));
    const spec = model(baseUrl, { params: { temperature: 0, maxTokens: 64 } });
    const provider = createOpenAIProvider(spec, { timeoutSeconds: 1, retries: 2, env: {} });
    const result = await provider.complete({
      model: 'x',
      messages: [{ role: 'user', content: 'hi' }],
      params: spec.params,
    });
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { category: 'bad-response', status: 400 } });
    if (!result.ok) expect(result.error.message).toContain("'temperature' does not support 0");
    expect(bodies).toHaveLength(1);
  });
});
