import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/history/record.js';
import {
  replayEmbeddingTokens,
  startReplayServer,
  type Recording,
  type ReplayServer,
} from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TARGET = 'Paris is the capital of France.';
const CAPITAL = 'What is the capital of France?';
const FRUIT = 'Name a fruit.';

/** June's model paraphrases March's answers: the same meaning in other words. */
const RECORDINGS: Recording[] = [
  { model: 'march', prompt: CAPITAL, output: 'Paris is the capital of France.' },
  { model: 'march', prompt: CAPITAL, output: 'The capital of France is Paris.' },
  { model: 'march', prompt: FRUIT, output: 'A banana.' },
  { model: 'june', prompt: CAPITAL, output: 'The capital of France is Paris, a city on the Seine.' },
  { model: 'june', prompt: FRUIT, output: 'A banana.' },
];

const SUITE = `name: sem
prompts:
  - id: capital
    prompt: "${CAPITAL}"
    compare: { embedding: true, threshold: 0.6 }
    expect:
      - similar: { to: "${TARGET}", threshold: 0.6 }
  - id: fruit
    prompt: "${FRUIT}"
    expect:
      - similar: { to: "An apple is a fruit." }
`;

function config(model: string): string {
  return `models:
  - id: chat
    model: chat
${model}    price: { input: 1, output: 2, embedding: 0.5 }
suites:
  - path: prompts/sem.yaml
samples: 2
retries: 2
`;
}

const openai = (s: ReplayServer) => `    base-url: ${s.baseUrl}\n    embedding: emb-small\n`;

interface Summary {
  models: Array<{
    passRate: number;
    agreement: number;
    stability: number | null;
    drifted: string[];
    errors: Record<string, number>;
    tokens: { in: number; out: number; embedding?: number };
    cost: number;
  }>;
}

function lastRecord(root: string): HistoryRecord {
  const lines = readFileSync(join(root, '.trackrecord', 'history.jsonl'), 'utf8')
    .trim()
    .split('\n');
  return JSON.parse(lines.at(-1)!) as HistoryRecord;
}

describe('semantic similarity through the endpoint’s embeddings', () => {
  it('judges similar checks and compares answers by embeddings, each text embedded once per run, in batches', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, aliases: { chat: 'march' } });
    const root = tempDir({ '.github/trackrecord.yml': config(openai(server)), 'prompts/sem.yaml': SUITE });
    const first = await runCli(['run', '--json'], root, {});
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const m = (JSON.parse(first.stdout) as Summary).models[0]!;
    // capital: both paraphrases are near the target; fruit: a banana is not.
    expect(m.passRate).toBe(0.5);
    // The two capital samples differ in words but not in meaning: they agree by embeddings.
    expect(m.agreement).toBe(1);

    const requests = server.embeddingRequests();
    expect(requests.every((r) => r.status === 200 && r.model === 'emb-small' && r.url === '/v1/embeddings')).toBe(true);
    const sent = requests.flatMap((r) => r.input);
    // Every text once: "Paris is the capital of France." is a reference and an answer, "A banana." answered twice.
    expect([...sent].sort()).toEqual(
      ['A banana.', 'An apple is a fruit.', TARGET, 'The capital of France is Paris.'].sort(),
    );
    // Batched: the reference texts of all checks go first, in one request.
    expect(requests[0]!.input).toEqual([TARGET, 'An apple is a fruit.']);
    const embeddingTokens = sent.reduce((n, t) => n + replayEmbeddingTokens(t), 0);
    expect(m.tokens.embedding).toBe(embeddingTokens);
    expect(m.cost).toBeCloseTo((m.tokens.in * 1 + m.tokens.out * 2 + embeddingTokens * 0.5) / 1e6, 12);
    expect(lastRecord(root).metrics.tokens.embedding).toBe(embeddingTokens);

    // June paraphrases: exact comparison would call it drift; by embeddings it kept its answer.
    server.setAliases({ chat: 'june' });
    const second = await runCli(['run', '--json'], root, {});
    expect(second.code).toBe(0);
    const june = (JSON.parse(second.stdout) as Summary).models[0]!;
    expect(june.stability).toBe(1);
    expect(june.drifted).toEqual([]);
    // This run's texts: June's answers, and March's modal capital answer to compare with (again once).
    const secondSent = server
      .embeddingRequests()
      .slice(requests.length)
      .flatMap((r) => r.input);
    expect(new Set(secondSent).size).toBe(secondSent.length);
    expect(secondSent).toEqual(
      expect.arrayContaining([
        'The capital of France is Paris, a city on the Seine.',
        'Paris is the capital of France.',
      ]),
    );
    expect(lastRecord(root).metrics.tokens.embedding).toBe(
      secondSent.reduce((n, t) => n + replayEmbeddingTokens(t), 0),
    );
  });

  it('refuses a suite that needs an embedding model where none is set, before any request', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, aliases: { chat: 'march' } });
    const root = tempDir({
      '.github/trackrecord.yml': config(`    base-url: ${server.baseUrl}\n`),
      'prompts/sem.yaml': SUITE,
    });
    const run = await runCli(['run', '--json'], root, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /prompts\/sem\.yaml:7:\d+: prompts\[0\]\.expect\[0\]\.similar: needs an embedding model, and model "chat" has none/,
    );
    expect(server.requests()).toEqual([]);
    expect(server.embeddingRequests()).toEqual([]);
  });

  it('goes to the embedding deployment on Azure, with the api-key header', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, apiKey: 'azure-secret' });
    const azure =
      `    provider: azure\n    base-url: ${server.baseUrl.replace(/\/v1$/, '')}\n    deployment: march\n` +
      `    api-version: 2024-10-21\n    embedding: emb-deploy\n`;
    const root = tempDir({ '.github/trackrecord.yml': config(azure), 'prompts/sem.yaml': SUITE });
    const run = await runCli(['run', '--json', '--no-history'], root, { AZURE_OPENAI_API_KEY: 'azure-secret' });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Summary).models[0]!.passRate).toBe(0.5);
    const requests = server.embeddingRequests();
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r).toMatchObject({ status: 200, model: 'emb-deploy' });
      expect(r.url).toBe('/openai/deployments/emb-deploy/embeddings?api-version=2024-10-21');
    }
  });

  it('retries a failed embeddings request like a chat call, and records one that keeps failing as an error', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, aliases: { chat: 'march' } });
    const root = tempDir({ '.github/trackrecord.yml': config(openai(server)), 'prompts/sem.yaml': SUITE });
    server.failEmbeddings(1);
    const retried = await runCli(['run', '--json', '--no-history'], root, {});
    const ok = (JSON.parse(retried.stdout) as Summary).models[0]!;
    expect(ok.passRate).toBe(0.5);
    expect(server.embeddingRequests()[0]!.status).toBe(500);
    expect(server.embeddingRequests().some((r) => r.attempt > 0 && r.status === 200)).toBe(true);

    server.failEmbeddings(1000);
    const failed = await runCli(['run', '--json', '--no-history'], root, {});
    const down = (JSON.parse(failed.stdout) as Summary).models[0]!;
    // Every sample's embeddings failed after 2 retries: availability, not failed checks.
    expect(down.errors['server']).toBe(4);
    expect(down.passRate).toBeNull();
  });
});
