import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('trackrecord run --dry-run', () => {
  it('prints the plan and its cost and sends no request, reading and writing no history', async () => {
    server = await startPrimeServer();
    const config = primeConfig(server.baseUrl, 'gpt-4-0314', 'samples: 2\n').replace(
      '    temperature: 0.1\n',
      '    temperature: 0.1\n    price: { input: 30, output: 60 }\n    max-tokens: 50\n',
    );
    // A history that does not verify: a dry run must not care, nor touch it.
    const root = tempDir({ '.github/trackrecord.yml': config, '.trackrecord/history.jsonl': 'not json\n' });
    const result = await runCli(['run', '--dry-run'], root, { OPENAI_API_KEY: 'sk-test' });
    expect(result.code).toBe(0);
    expect(server.stats().requests).toBe(0);
    expect(result.stdout).toMatch(
      /^dry run: nothing was sent\n1 model x 100 prompts x 2 samples = 200 requests, about [\d,]+ input tokens\n/,
    );
    expect(result.stdout).toContain('suites: llmdrift-prime (100)');
    expect(result.stdout).toMatch(
      /gpt-4 \(gpt-4-0314\): 200 requests, about [\d,]+ input tokens, at most 10,000 output tokens, about \$[\d.]+ for input, at most \$[\d.]+ in all/,
    );

    const json = await runCli(['run', '--dry-run', '--json', '--shard', '1/4'], root);
    const estimate = JSON.parse(json.stdout) as { requests: number; models: Array<{ prompts: number }> };
    expect(estimate.requests).toBe(estimate.models[0]!.prompts * 2);
    // The shard a prompt falls in is a hash of its key: 25 of the 100 land in shard 1 of 4.
    expect(estimate.models[0]!.prompts).toBe(25);
    expect(server.stats().requests).toBe(0);
  });

  it('fails on a bad config like a real run, before anything', async () => {
    const root = tempDir({ '.github/trackrecord.yml': 'models: []\nsuites: [builtin:smoke]\nsampels: 2\n' });
    const result = await runCli(['run', '--dry-run'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/trackrecord\.yml:3:1: .*sampels/);
  });
});
