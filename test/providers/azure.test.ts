import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { PRIME_SUITE, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The replay server's origin: Azure's endpoint is the resource root, without `/v1`. */
const endpoint = (s: ReplayServer) => s.baseUrl.replace(/\/v1$/, '');

function azureConfig(base: string, extra = ''): string {
  return `models:
  - id: gpt-4-azure
    model: gpt-4
    provider: azure
    base-url: ${base}
    deployment: gpt-4-0314
    api-version: 2024-10-21
${extra}suites:
  - path: ${PRIME_SUITE}
concurrency: 8
allow-outside-workspace: true
`;
}

describe('Azure OpenAI classic deployments', () => {
  it('runs through the SDK Azure client: deployment URL, api-version query and api-key header', async () => {
    server = await startPrimeServer({ apiKey: 'azure-secret' });
    const root = tempDir({ '.github/trackrecord.yml': azureConfig(endpoint(server)) });
    const result = await runCli(['run', '--json', '--no-history'], root, { AZURE_OPENAI_API_KEY: 'azure-secret' });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { models: Array<{ id: string; passRate: number }> };
    // GPT-4 March 2023 on the prime questions, as the plain OpenAI path gives it.
    expect(summary.models[0]).toMatchObject({ id: 'gpt-4-azure', passRate: 0.83 });
    const urls = new Set(server.requests().map((r) => r.url));
    expect([...urls]).toEqual(['/openai/deployments/gpt-4-0314/chat/completions?api-version=2024-10-21']);
    expect(server.requests().every((r) => r.status === 200)).toBe(true);
  });

  it('records a wrong key as auth errors, never as drift', async () => {
    server = await startPrimeServer({ apiKey: 'azure-secret' });
    const root = tempDir({
      '.github/trackrecord.yml': azureConfig(endpoint(server), '    api-key-env: MY_AZURE_KEY\n'),
    });
    const result = await runCli(['run', '--json', '--no-history'], root, { MY_AZURE_KEY: 'wrong' });
    const summary = JSON.parse(result.stdout) as {
      models: Array<{ errors: Record<string, number>; drifted: string[] }>;
    };
    expect(summary.models[0]!.errors['auth']).toBe(100);
    expect(summary.models[0]!.drifted).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain('wrong');
  });

  it('refuses an Azure model without api-version or base-url, and deployment keys without provider azure', async () => {
    const root = tempDir({
      'c.yml': `models:
  - id: a
    model: gpt-4
    provider: azure
  - id: b
    model: gpt-4
    deployment: mine
suites:
  - builtin:smoke
`,
    });
    const error = await loadConfig({ root, configPath: 'c.yml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/c\.yml:4:\d+: models\[0\]\.provider: provider azure needs "base-url"/);
    expect(message).toMatch(/c\.yml:4:\d+: models\[0\]\.provider: provider azure needs "api-version"/);
    expect(message).toMatch(/c\.yml:7:\d+: models\[1\]\.deployment: "deployment" needs `provider: azure`/);
  });

  it('takes the deployment from the model name and the key from AZURE_OPENAI_API_KEY by default', async () => {
    const root = tempDir({
      'c.yml': `models:\n  - id: a\n    model: gpt-4o\n    provider: azure\n    base-url: https://acme.openai.azure.com/\n    api-version: 2024-10-21\nsuites:\n  - builtin:smoke\n`,
    });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    expect(config.models[0]).toMatchObject({
      apiKeyEnv: 'AZURE_OPENAI_API_KEY',
      baseUrl: 'https://acme.openai.azure.com',
      azure: { deployment: 'gpt-4o', apiVersion: '2024-10-21' },
    });
  });
});
