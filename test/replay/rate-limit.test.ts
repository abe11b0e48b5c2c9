import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import {
  startReplayServer,
  TokenBucket,
  validateRateLimit,
  type Recording,
  type ReplayServer,
} from '../../tools/replay/index.js';
import { ask, client, REPO_ROOT } from './helpers.js';

const recordings: Recording[] = Array.from({ length: 20 }, (_, i) => ({
  model: 'm',
  prompt: `q${i}`,
  output: `a${i}`,
}));

async function withServer<T>(
  options: Parameters<typeof startReplayServer>[0],
  fn: (s: ReplayServer) => Promise<T>,
): Promise<T> {
  const server = await startReplayServer(options);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/** Sends a raw chat request, so the 429's headers and timing can be seen without the SDK's retries. */
async function post(baseUrl: string, prompt: string): Promise<Response> {
  const res = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: prompt }] }),
  });
  await res.arrayBuffer();
  return res;
}

describe('TokenBucket', () => {
  it('starts full, refuses with the time to the next token, and refills continuously', () => {
    let now = 0;
    const bucket = new TokenBucket({ perMinute: 600, burst: 3 }, () => now); // one token every 100 ms
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBe(100);
    now = 40;
    expect(bucket.take()).toBe(60);
    now = 100;
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(100);
    now = 10_000; // a long quiet spell refills to the burst, no more
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0, 100]);
  });

  it('has no burst by default and rounds the wait up to a whole millisecond', () => {
    let now = 0;
    const bucket = new TokenBucket({ perMinute: 7 }, () => now); // one every 8571.43 ms
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(8572);
    now = 8571.5;
    expect(bucket.take()).toBe(0);
  });

  it('never answers a wait of 0 ms', () => {
    let now = 0;
    const bucket = new TokenBucket({ perMinute: 600 }, () => now);
    bucket.take();
    now = 99.9999;
    expect(bucket.take()).toBe(1);
  });

  it('rejects limits that make no sense', () => {
    expect(() => validateRateLimit({ perMinute: 0 })).toThrow(/perMinute/);
    expect(() => validateRateLimit({ perMinute: Number.NaN })).toThrow(/perMinute/);
    expect(() => validateRateLimit({ perMinute: 60, burst: 0 })).toThrow(/burst/);
    expect(() => validateRateLimit({ perMinute: 60, burst: 1.5 })).toThrow(/burst/);
    expect(() => validateRateLimit({ perMinute: 0.5, burst: 2 })).not.toThrow();
  });
});

describe('replay server: rate limit', () => {
  it('answers 429 beyond the burst, at once, with retry-after, retry-after-ms and an OpenAI-style body', async () => {
    await withServer({ recordings, latencyMs: 1000, rateLimit: { perMinute: 6, burst: 2 } }, async (s) => {
      const first = await Promise.all([post(s.baseUrl, 'q0'), post(s.baseUrl, 'q1')]);
      expect(first.map((r) => r.status)).toEqual([200, 200]);
      const started = performance.now();
      const res = await fetch(`${s.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'q2' }] }),
      });
      expect(performance.now() - started).toBeLessThan(500); // not held for the 1000 ms latency
      expect(res.status).toBe(429);
      const ms = Number(res.headers.get('retry-after-ms'));
      expect(ms).toBeGreaterThan(5000); // one every 10 s, the burst taken ~1 s ago
      expect(ms).toBeLessThanOrEqual(10_000);
      expect(res.headers.get('retry-after')).toBe((ms / 1000).toFixed(3));
      expect(res.headers.get('x-ratelimit-limit-requests')).toBe('6');
      const body = (await res.json()) as { error: { code: string; type: string; message: string } };
      expect(body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
      expect(body.error.message).toMatch(/limit 6 per minute/);
      expect(s.stats().byStatus).toEqual({ '200': 2, '429': 1 });
    });
  });

  it('lets the SDK through once it has waited the retry-after', async () => {
    await withServer({ recordings, rateLimit: { perMinute: 1200 } }, async (s) => {
      const c = client(s.baseUrl, { maxRetries: 3 });
      const outs = await Promise.all(['q0', 'q1', 'q2'].map((q) => ask(c, 'm', q)));
      expect(outs.map((o) => o.choices[0]?.message.content)).toEqual(['a0', 'a1', 'a2']);
      const stats = s.stats();
      expect(stats.byStatus['200']).toBe(3);
      expect(stats.byStatus['429']).toBeGreaterThanOrEqual(2);
      // The three successes are spaced by the rate: 50 ms apart at 1200 a minute.
      const oks = s
        .requests()
        .filter((r) => r.status === 200)
        .map((r) => r.arrivedAt)
        .sort((a, b) => a - b);
      expect(oks[2]! - oks[0]!).toBeGreaterThanOrEqual(95);
    });
  });

  it('is changed and lifted by setRateLimit', async () => {
    await withServer({ recordings, rateLimit: { perMinute: 1 } }, async (s) => {
      expect((await post(s.baseUrl, 'q0')).status).toBe(200);
      expect((await post(s.baseUrl, 'q1')).status).toBe(429);
      s.setRateLimit(undefined);
      const lifted = await Promise.all(Array.from({ length: 5 }, (_, i) => post(s.baseUrl, `q${i}`)));
      expect(lifted.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      s.setRateLimit({ perMinute: 1, burst: 2 }); // a new, full bucket
      const again = [await post(s.baseUrl, 'q0'), await post(s.baseUrl, 'q1'), await post(s.baseUrl, 'q2')];
      expect(again.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(() => s.setRateLimit({ perMinute: -1 })).toThrow(/perMinute/);
    });
  });

  it('counts only authenticated requests', async () => {
    await withServer({ recordings, apiKey: 'k', rateLimit: { perMinute: 1 } }, async (s) => {
      const wrong = await ask(client(s.baseUrl, { apiKey: 'nope' }), 'm', 'q0').catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
      const ok = await ask(client(s.baseUrl, { apiKey: 'k' }), 'm', 'q0');
      expect(ok.choices[0]?.message.content).toBe('a0');
    });
  });

  it('refuses an invalid limit at start', async () => {
    await expect(startReplayServer({ recordings, rateLimit: { perMinute: 60, burst: 0 } })).rejects.toThrow(/burst/);
  });
});

describe('replay CLI: --rate-per-minute and --log', () => {
  it('limits the rate and writes the request log with arrival times on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackrecord-replay-'));
    const data = join(dir, 'data.jsonl');
    const log = join(dir, 'log.jsonl');
    writeFileSync(
      data,
      recordings.map((r) => JSON.stringify({ model: r.model, query: r.prompt, answer: r.output })).join('\n'),
    );
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tools/replay/main.ts',
        '--data',
        data,
        '--rate-per-minute',
        '60',
        '--rate-burst',
        '1',
        '--log',
        log,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const lines: string[] = [];
      const baseUrl = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (l) => {
          lines.push(l);
          if (l.startsWith('http://')) resolve(l.trim());
        });
        child.once('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
      });
      expect(lines).toContain('rate limit 60 requests a minute, burst 1');
      const before = Date.now();
      expect((await post(baseUrl, 'q0')).status).toBe(200);
      const limited = await post(baseUrl, 'q1');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0.5);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      const entries = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { status: number; at: number });
      expect(entries.map((e) => e.status)).toEqual([200, 429]);
      for (const e of entries) expect(Math.abs(e.at - before)).toBeLessThan(30_000); // epoch ms
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects --rate-burst without --rate-per-minute', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/replay/main.ts', '--data', 'x.jsonl', '--rate-burst', '2'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--rate-burst needs --rate-per-minute/);
  });
});
