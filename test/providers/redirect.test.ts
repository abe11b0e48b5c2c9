import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
}

const COMPLETION = JSON.stringify({
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1 },
});

/** A server that records every request's headers and answers with `route` (a redirect or a completion). */
async function server(route: (url: string) => { status: number; location?: string }) {
  const seen: Seen[] = [];
  const s = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      const answer = route(req.url ?? '');
      if (answer.location) res.writeHead(answer.status, { location: answer.location }).end();
      else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(COMPLETION);
    });
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, seen };
}

function config(models: string): string {
  return `models:
${models}suites:
  - builtin:smoke
`;
}

describe('redirects never carry credentials to another origin', () => {
  it('refuses a redirect to another origin, naming it, and sends the other origin nothing', async () => {
    const other = await server(() => ({ status: 200 }));
    const first = await server((url) => ({ status: 307, location: `${other.origin}${url}` }));
    const root = tempDir({
      '.github/trackrecord.yml': config(`  - id: azure
    model: gpt-4
    provider: azure
    base-url: ${first.origin}
    deployment: d
    api-version: 2024-10-21
  - id: plain
    model: gpt-4
    base-url: ${first.origin}/v1
    headers:
      X-Team-Token: team-secret
`),
    });
    // The partial file keeps each failed call's message; the run's summary shows only categories.
    const result = await runCli(['run', '--partial', 'part.json', '--run-id', 'r1'], root, {
      AZURE_OPENAI_API_KEY: 'azure-secret',
      OPENAI_API_KEY: 'openai-secret',
    });
    // The first origin got the credentials (it is base-url's); the other never saw a request.
    expect(first.seen.some((r) => r.headers['api-key'] === 'azure-secret')).toBe(true);
    expect(first.seen.some((r) => r.headers['x-team-token'] === 'team-secret')).toBe(true);
    expect(other.seen).toEqual([]);
    // Refused at once, not retried: one request per prompt and model (five smoke prompts).
    expect(first.seen).toHaveLength(10);
    const partial = readFileSync(join(root, 'part.json'), 'utf8');
    expect(partial).toContain(`redirected to another origin (${other.origin}/openai/deployments/d/chat/completions`);
    expect(partial).toContain(`redirected to another origin (${other.origin}/v1/chat/completions)`);
    expect(partial + result.stdout + result.stderr).not.toMatch(/azure-secret|openai-secret|team-secret/);
  });

  it('follows a redirect within base-url’s origin, credentials and all', async () => {
    const one = await server((url) =>
      url.startsWith('/old/') ? { status: 308, location: url.replace('/old/', '/v1/') } : { status: 200 },
    );
    const root = tempDir({
      '.github/trackrecord.yml': config(`  - id: plain
    model: gpt-4
    base-url: ${one.origin}/old
    headers:
      X-Team-Token: team-secret
`),
    });
    const result = await runCli(['run', '--json', '--no-history'], root, { OPENAI_API_KEY: 'openai-secret' });
    const summary = JSON.parse(result.stdout) as { models: Array<{ errors: Record<string, number> }> };
    expect(Object.values(summary.models[0]!.errors).every((n) => n === 0)).toBe(true);
    const moved = one.seen.filter((r) => r.url.startsWith('/v1/'));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((r) => r.headers['authorization'] === 'Bearer openai-secret')).toBe(true);
    expect(moved.every((r) => r.headers['x-team-token'] === 'team-secret')).toBe(true);
  });
});
