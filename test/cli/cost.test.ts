import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

interface Summary {
  models: Array<{ id: string; cost: number | null; tokens: { in: number; out: number } }>;
}

const PRICED = (baseUrl: string): string =>
  primeConfig(baseUrl, 'gpt-4-0314').replace(
    '    temperature: 0.1\n',
    '    temperature: 0.1\n    price: { input: 30, output: 60 }\n',
  );

describe("a run's cost at the model's price", () => {
  it('is stored in the record and shown by the run summary and every report', async () => {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': PRICED(server.baseUrl) });
    const run = await runCli(['run', '--json'], root, { OPENAI_API_KEY: 'sk-test' });
    expect(run.code).toBe(0);
    const model = (JSON.parse(run.stdout) as Summary).models[0]!;
    // The replay server reports usage; the cost is those tokens at 30 and 60 USD per million.
    expect(model.tokens).toEqual({ in: 1500, out: 13538 });
    const expected = (model.tokens.in * 30 + model.tokens.out * 60) / 1e6;
    expect(model.cost).toBeCloseTo(expected, 12);

    const [line] = readFileSync(join(root, '.trackrecord', 'history.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const record = JSON.parse(line!) as { metrics: { cost?: number } };
    expect(record.metrics.cost).toBe(model.cost);
    expect((await runCli(['verify'], root)).code).toBe(0);

    const dollars = `$${expected.toFixed(2)}`;
    const md = await runCli(['report'], root);
    expect(md.stdout).toContain(`Cost of this run: ${dollars} at the model's price.`);
    const html = await runCli(['report', '--format', 'html'], root);
    expect(html.stdout).toContain(`Cost of this run: ${dollars} at the model&#39;s price.`);
    const text = await runCli(['run'], root, { OPENAI_API_KEY: 'sk-test' });
    expect(text.stdout).toMatch(/ms, no errors, cost \$\d+\.\d\d\n/);
  });

  it('is absent without a price, and the reports say nothing of it', async () => {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    const run = await runCli(['run', '--json'], root, { OPENAI_API_KEY: 'sk-test' });
    expect((JSON.parse(run.stdout) as Summary).models[0]!.cost).toBeNull();
    const history = readFileSync(join(root, '.trackrecord', 'history.jsonl'), 'utf8');
    expect(history).not.toContain('"cost"');
    const md = await runCli(['report'], root);
    expect(md.stdout).toContain('Availability');
    expect(md.stdout).not.toContain('Cost of this run');
    const text = await runCli(['run'], root, { OPENAI_API_KEY: 'sk-test' });
    expect(text.stdout).toContain('no errors');
    expect(text.stdout).not.toContain('cost');
  });
});
