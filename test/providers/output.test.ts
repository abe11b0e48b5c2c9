import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/config/types.js';
import { createOpenAIProvider, cutMark, type ProviderOptions } from '../../src/providers/openai.js';
import type { CallResult } from '../../src/run/types.js';

const KEY = 'sk-proj-SENTINEL0123456789abcdefXYZ';

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
});

/** A server that answers every request with `write`, and its base URL. */
async function serve(write: (res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => write(res));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function completion(content: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'c1',
    object: 'chat.completion',
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    ...extra,
    usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 },
  });
}

const json = (status: number, body: string) => (res: ServerResponse) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);

async function call(baseUrl: string, options: Partial<ProviderOptions> = {}): Promise<CallResult> {
  const model: ModelSpec = { id: 'm', model: 'm', baseUrl, apiKeyEnv: 'K', params: {}, system: null, headers: {} };
  const provider = createOpenAIProvider(model, { timeoutSeconds: 5, retries: 0, env: { K: KEY }, ...options });
  return provider.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }], params: {} });
}

function output(result: CallResult): string {
  if (!result.ok) throw new Error(`call failed: ${result.error.message}`);
  return result.completion.output;
}

describe('max-output-kb', () => {
  it('cuts a longer output where the body passed the cap, and marks it', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `word${i} “é” 😀`).join(' ');
    const result = await call(await serve(json(200, completion(text))), { maxOutputKb: 64 });
    const out = output(result);
    expect(out.endsWith(cutMark(64))).toBe(true);
    const kept = out.slice(0, -cutMark(64).length);
    expect(text.startsWith(kept)).toBe(true);
    expect(Buffer.byteLength(kept)).toBeLessThan(64 * 1024);
    expect(Buffer.byteLength(kept)).toBeGreaterThan(60 * 1024);
    expect(kept).not.toMatch(/\p{Cs}/u); // no half of a pair at the cut
    expect(result.ok && result.completion.truncated).toBe(true);
  });

  it('keeps an output whole when only fields after it passed the cap', async () => {
    const body = completion('the whole answer', { padding: 'x'.repeat(20_000) });
    const result = await call(await serve(json(200, body)), { maxOutputKb: 8 });
    expect(output(result)).toBe('the whole answer');
    expect(result.ok && result.completion.truncated).toBe(false);
  });

  it('leaves a short output as it is', async () => {
    expect(output(await call(await serve(json(200, completion('short')))))).toBe('short');
  });

  it('marks an output the server ended for length, and keeps it', async () => {
    const body = completion('the answer was', {
      choices: [{ index: 0, message: { role: 'assistant', content: 'the answer was' }, finish_reason: 'length' }],
    });
    const result = await call(await serve(json(200, body)));
    expect(output(result)).toBe('the answer was');
    expect(result.ok && result.completion.truncated).toBe(true);
  });

  it('records a bad response when the cap is passed before any message text', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(20_000), choices: [{ message: { content: 'late' } }] });
    const result = await call(await serve(json(200, body)), { maxOutputKb: 8 });
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { category: 'bad-response', status: null } });
    if (!result.ok) expect(result.error.message).toMatch(/max-output-kb \(8 KB\)/);
  });
});

describe('keys in outputs and messages', () => {
  it('removes the key from an output that echoes it', async () => {
    const result = await call(await serve(json(200, completion(`your key is ${KEY}, keep it safe`))));
    expect(output(result)).toBe('your key is ***, keep it safe');
  });

  it('removes the key from the model name and fingerprint, which the history keeps too', async () => {
    const body = completion('fine', { model: `m-${KEY}`, system_fingerprint: `fp_${KEY}` });
    const result = await call(await serve(json(200, body)));
    expect(result).toMatchObject({ ok: true, completion: { servedModel: 'm-***', systemFingerprint: 'fp_***' } });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('removes any other key of the run too', async () => {
    const other = 'other-key-abcdef123456';
    const result = await call(await serve(json(200, completion(`a ${other} b`))), { secrets: [other] });
    expect(output(result)).toBe('a *** b');
  });

  it('masks the start of a key that the cap cut off', async () => {
    // The cap falls in the middle of the key: only its first half arrives.
    const head = completion('@').indexOf('@');
    const filler = 'a'.repeat(8 * 1024 - head - Math.floor(KEY.length / 2));
    const result = await call(await serve(json(200, completion(`${filler}${KEY} and more`))), { maxOutputKb: 8 });
    const out = output(result);
    expect(out).not.toContain(KEY.slice(0, 6));
    expect(out).toBe(`${filler}***${cutMark(8)}`);
  });

  it('redacts an error message before shortening it, so no fragment of the key survives the cut', async () => {
    // The key straddles the 300th character, where messages are shortened.
    const message = `${'x'.repeat(285)} ${KEY} more text after it`;
    const result = await call(await serve(json(400, JSON.stringify({ error: { message } }))));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(KEY.slice(0, 6));
    if (!result.ok) expect(result.error.message).toContain('***');
  });
});
