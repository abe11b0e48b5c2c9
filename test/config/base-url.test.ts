import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

function config(...urls: string[]): string {
  const models = urls.map((url, i) => `  - id: m${i}\n    model: gpt-4\n    base-url: ${url}\n`).join('');
  return `models:\n${models}suites:\n  - builtin:smoke\n`;
}

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
});

describe('base-url', () => {
  it('refuses a user name or password in it, at its line, without showing them', async () => {
    const root = tempDir({
      'c.yml': config('http://user:hunter22@10.0.0.5/v1', 'https://sk-abc123@api.example.com/v1', 'http://[::1'),
    });
    const result = await runCli(['validate', 'c.yml'], root);
    expect(result.code).toBe(2);
    const hint = 'put the key in an environment variable and name it in api-key-env';
    expect(result.stderr.split('\n')).toEqual([
      `c.yml:4:15: models[0].base-url: "http://***@10.0.0.5/v1" has a user name or password in it, which is never sent as the key: ${hint}`,
      `c.yml:7:15: models[1].base-url: "https://***@api.example.com/v1" has a user name or password in it, which is never sent as the key: ${hint}`,
      'c.yml:10:15: models[2].base-url: "http://[::1" is not a URL: write it as https://HOST/v1 (or http://localhost:PORT/v1)',
      '',
    ]);
    expect(result.stderr).not.toMatch(/hunter22|sk-abc123/);
  });

  it('refuses credentials in it before a run sends any request', async () => {
    let requests = 0;
    server = createServer((req, res) => void (requests++, res.writeHead(500).end()));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const root = tempDir({ '.github/trackrecord.yml': config(`http://user:pw@127.0.0.1:${port}/v1`) });
    const result = await runCli(['run', '--no-history'], root, { OPENAI_API_KEY: 'sk-live' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('models[0].base-url: "http://***@127.0.0.1:');
    expect(requests).toBe(0);
  });

  it('warns when a key would go over plain http to a host that is not local', async () => {
    const root = tempDir({
      'c.yml': config(
        'http://api.example.com/v1',
        'http://localhost:11434/v1',
        'http://192.168.1.20:8000/v1',
        'http://ollama:11434/v1',
        'https://api.example.com/v1',
      ),
    });
    const withKey = await runCli(['validate', 'c.yml'], root, { OPENAI_API_KEY: 'sk-live' });
    expect(withKey.code).toBe(0);
    expect(withKey.stderr).toBe(
      'warning: c.yml:4:15: models[0].base-url: plain http:// to api.example.com, which is not a local host: ' +
        'the key in OPENAI_API_KEY would cross the network unencrypted; use https://\n',
    );
    // A run says so before its first request; a dry run, what the run would do.
    const dry = await runCli(['run', '--dry-run', '--config', 'c.yml'], root, { OPENAI_API_KEY: 'sk-live' });
    expect(dry.stderr).toBe(withKey.stderr);
    // No key, nothing sent that needs protecting.
    const withoutKey = await runCli(['validate', 'c.yml'], root, {});
    expect(withoutKey.stderr).toBe('');
  });
});
