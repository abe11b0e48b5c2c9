import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadLlmdriftRecordings,
  startReplayServer,
  systemFingerprint,
  type Recording,
  type ReplayServer,
} from '../../tools/replay/index.js';
import { ask, client, PRIME_100, readPrimeLines, REPO_ROOT } from './helpers.js';

const lines = readPrimeLines();
const line = (model: string, id: number) => {
  const found = lines.find((l) => l.model === model && l.id === id);
  if (!found) throw new Error(`no line ${model} ${id}`);
  return found;
};
const firstId = lines[0]!.id;

describe('replay server: replaying recordings', () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer({
      recordings: await loadLlmdriftRecordings(PRIME_100),
      aliases: { 'gpt-4': 'gpt-4-0613' },
    });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and exposes a /v1 base URL', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('serves the recorded answer byte for byte', async () => {
    const expected = line('gpt-4-0314', firstId);
    const res = await ask(client(server.baseUrl), 'gpt-4-0314', expected.query);
    expect(res.choices[0]?.message.content).toBe(expected.answer);
    expect(res.choices[0]?.finish_reason).toBe('stop');
    expect(res.object).toBe('chat.completion');
    expect(res.model).toBe('gpt-4-0314');
  });

  it('resolves aliases and reports the recorded model name', async () => {
    const expected = line('gpt-4-0613', firstId);
    const res = await ask(client(server.baseUrl), 'gpt-4', expected.query);
    expect(res.model).toBe('gpt-4-0613');
    expect(res.choices[0]?.message.content).toBe(expected.answer);

    server.setAliases({ 'gpt-4': 'gpt-4-0314' });
    const again = await ask(client(server.baseUrl), 'gpt-4', expected.query);
    expect(again.model).toBe('gpt-4-0314');
    expect(again.choices[0]?.message.content).toBe(line('gpt-4-0314', firstId).answer);
    server.setAliases({ 'gpt-4': 'gpt-4-0613' });
  });

  it('includes usage and a stable per-model system_fingerprint', async () => {
    const q = line('gpt-3.5-turbo-0301', firstId).query;
    const a = await ask(client(server.baseUrl), 'gpt-3.5-turbo-0301', q);
    const b = await ask(client(server.baseUrl), 'gpt-3.5-turbo-0301', q);
    const c = await ask(client(server.baseUrl), 'gpt-3.5-turbo-0613', q);
    expect(a.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(a.usage?.completion_tokens).toBeGreaterThan(0);
    expect(a.usage?.total_tokens).toBe((a.usage?.prompt_tokens ?? 0) + (a.usage?.completion_tokens ?? 0));
    expect(a.system_fingerprint).toMatch(/^fp_[0-9a-f]{10}$/);
    expect(a.system_fingerprint).toBe(systemFingerprint('gpt-3.5-turbo-0301'));
    expect(b.system_fingerprint).toBe(a.system_fingerprint);
    expect(c.system_fingerprint).not.toBe(a.system_fingerprint);
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    const err = await ask(client(server.baseUrl), 'gpt-5', lines[0]!.query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect((err as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('answers 400 for a prompt that was never recorded', async () => {
    const err = await ask(client(server.baseUrl), 'gpt-4-0314', 'Is 4 a prime number?').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as Error).message).toMatch(/No recording for this prompt/);
  });

  it('answers 400 for a body that is not JSON, and 404 for other paths', async () => {
    const bad = await fetch(`${server.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": "gpt-4-0314", "messages": [',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const other = await fetch(`${server.baseUrl}/images/generations`, { method: 'POST', body: '{}' });
    expect(other.status).toBe(404);
    await other.body?.cancel();
  });

  it('lists recorded models and aliases on GET /v1/models', async () => {
    const page = await client(server.baseUrl).models.list();
    const ids = page.data.map((m) => m.id).sort();
    expect(ids).toEqual(['gpt-3.5-turbo-0301', 'gpt-3.5-turbo-0613', 'gpt-4', 'gpt-4-0314', 'gpt-4-0613']);
  });

  it('counts requests by status', () => {
    const stats = server.stats();
    expect(stats.requests).toBe(server.requests().length);
    expect(stats.byStatus['200']).toBeGreaterThanOrEqual(6);
    expect(stats.byStatus['404']).toBe(1);
    expect(stats.byStatus['400']).toBe(2);
    expect(stats.retried).toBe(0);
  });
});

describe('replay server: options', () => {
  const recordings: Recording[] = [
    { model: 'm', prompt: 'p', output: 'first' },
    { model: 'm', prompt: 'p', output: 'second' },
    { model: 'm', prompt: 'other', output: 'x' },
  ];

  it('cycles through several recordings of one prompt, and uses the last user message', async () => {
    const server = await startReplayServer({ recordings });
    try {
      const c = client(server.baseUrl);
      const outs: Array<string | null | undefined> = [];
      for (let i = 0; i < 3; i++) outs.push((await ask(c, 'm', 'p')).choices[0]?.message.content);
      expect(outs).toEqual(['first', 'second', 'first']);
      const res = await c.chat.completions.create({
        model: 'm',
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: 'p' },
          { role: 'assistant', content: 'first' },
          { role: 'user', content: 'other' },
        ],
      });
      expect(res.choices[0]?.message.content).toBe('x');
    } finally {
      await server.close();
    }
  });

  it('answers a recording made under a system message only to requests with that system message', async () => {
    const server = await startReplayServer({
      recordings: [
        { model: 'm', prompt: 'p', output: 'plain' },
        { model: 'm', prompt: 'p', output: 'terse', system: 'be terse' },
        { model: 'm', prompt: 'q', output: 'only terse', system: 'be terse' },
      ],
    });
    try {
      const c = client(server.baseUrl);
      const send = async (system: string | null, prompt: string) => {
        const messages = [
          ...(system === null ? [] : [{ role: 'system' as const, content: system }]),
          { role: 'user' as const, content: prompt },
        ];
        return (await c.chat.completions.create({ model: 'm', messages })).choices[0]?.message.content;
      };
      expect(await send(null, 'p')).toBe('plain');
      expect(await send('be terse', 'p')).toBe('terse');
      // Another system message has no recording of its own: the prompt's plain recording answers.
      expect(await send('be kind', 'p')).toBe('plain');
      expect(await send('be terse', 'q')).toBe('only terse');
      await expect(send(null, 'q')).rejects.toMatchObject({ status: 400 });
    } finally {
      await server.close();
    }
  });

  it('rejects a wrong API key with 401', async () => {
    const server = await startReplayServer({ recordings, apiKey: 'secret' });
    try {
      const err = await ask(client(server.baseUrl, { apiKey: 'wrong' }), 'm', 'p').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
      const ok = await ask(client(server.baseUrl, { apiKey: 'secret' }), 'm', 'p');
      expect(ok.choices[0]?.message.content).toBe('first');
      expect(server.stats().byStatus).toEqual({ '401': 1, '200': 1 });
    } finally {
      await server.close();
    }
  });

  it('waits latencyMs before answering', async () => {
    const server = await startReplayServer({ recordings, latencyMs: 150 });
    try {
      const started = Date.now();
      await ask(client(server.baseUrl), 'm', 'p');
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await server.close();
    }
  });

  it('closes promptly with keep-alive connections open', async () => {
    const server = await startReplayServer({ recordings });
    const c = client(server.baseUrl);
    await ask(c, 'm', 'p');
    await ask(c, 'm', 'p');
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await server.close(); // idempotent
  });
});

describe('replay CLI', () => {
  it('starts a server on the given data and prints its base URL', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/replay/main.ts', '--data', PRIME_100, '--port', '0', '--alias', 'gpt-4=gpt-4-0314'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        const rl = createInterface({ input: child.stdout });
        rl.on('line', (l) => {
          if (l.startsWith('http://')) resolve(l.trim());
        });
        child.once('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
      });
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const res = await ask(client(baseUrl), 'gpt-4', line('gpt-4-0314', firstId).query);
      expect(res.model).toBe('gpt-4-0314');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
