import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/history/record.js';
import { startReplayServer, type Recording, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const RECORDINGS: Recording[] = [
  { model: 'm', prompt: 'Say yes.', output: 'yes' },
  { model: 'm', prompt: 'Say no.', output: 'no' },
];

const SUITE = `name: s
prompts:
  - id: yes
    prompt: "Say yes."
    expect: [{ equals: "yes" }]
  - id: no
    prompt: "Say no."
    expect: [{ equals: "no" }]
`;

/** Two models, each on its own server: `odd`'s reports the usage numbers under test, `good`'s counts them. */
async function workspace(extra = ''): Promise<{ root: string; odd: ReplayServer; good: ReplayServer }> {
  const odd = await startReplayServer({ recordings: RECORDINGS });
  const good = await startReplayServer({ recordings: RECORDINGS });
  servers.push(odd, good);
  const model = (id: string, s: ReplayServer): string =>
    `  - id: ${id}\n    model: m\n    base-url: ${s.baseUrl}\n    price: { input: 30, output: 60, embedding: 1 }\n${extra}`;
  const config = `models:\n${model('odd', odd)}${model('good', good)}suites:\n  - path: prompts/s.yaml\nsamples: 2\n`;
  const root = tempDir({ '.github/trackrecord.yml': config, 'prompts/s.yaml': SUITE });
  return { root, odd, good };
}

function records(root: string): HistoryRecord[] {
  return readFileSync(join(root, '.trackrecord', 'history.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as HistoryRecord);
}

interface Summary {
  models: Array<{ id: string; cost: number | null; tokens: { in: number; out: number; embedding?: number } }>;
}

describe('usage numbers a server should not send', () => {
  for (const [field, value] of [
    ['completion_tokens', -1],
    ['completion_tokens', 1.5],
    ['completion_tokens', 1e308],
    ['prompt_tokens', -3],
    ['prompt_tokens', 2 ** 53],
    ['prompt_tokens', '12'],
  ] as const) {
    it(`${field}: ${value} is unknown (null) with a warning, and both models are recorded`, async () => {
      const { root, odd } = await workspace();
      odd.setFaults({ usage: { share: 1, numbers: { [field]: value } } });
      const run = await runCli(['run', '--json'], root, {});
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(run.code).toBe(0);
      const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
      expect(run.stderr).toContain(
        `warning: model "odd": the server reported usage.${field} ${shown}, not a count: taken as unknown`,
      );
      // Once per run and field, not once per response.
      expect(run.stderr.split(`usage.${field}`).length - 1).toBe(1);

      const [oddRecord, goodRecord] = records(root);
      expect(oddRecord!.model.id).toBe('odd');
      expect(goodRecord!.model.id).toBe('good');
      expect(goodRecord!.tokensOut.every((t) => typeof t === 'number' && t > 0)).toBe(true);
      const summary = JSON.parse(run.stdout) as Summary;
      for (const m of summary.models) expect(Number.isFinite(m.cost)).toBe(true);
      const oddSummary = summary.models.find((m) => m.id === 'odd')!;
      if (field === 'completion_tokens') {
        expect(oddRecord!.tokensOut).toEqual([null, null]);
        expect(oddSummary.tokens.out).toBe(0);
      } else {
        expect(oddSummary.tokens.in).toBe(0);
        expect(oddRecord!.tokensOut).toEqual([2, 2]);
      }
      expect((await runCli(['verify'], root)).code).toBe(0);
    });
  }

  it('a huge count that is still a count keeps the cost finite', async () => {
    const { root, odd } = await workspace();
    odd.setFaults({ usage: { share: 1, numbers: { completion_tokens: Number.MAX_SAFE_INTEGER } } });
    const run = await runCli(['run', '--json'], root, {});
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    for (const m of summary.models) expect(Number.isFinite(m.cost)).toBe(true);
    expect(records(root)).toHaveLength(2);
  });

  it('embedding usage.prompt_tokens: -3 is unknown with a warning, and both models are recorded', async () => {
    const { root, odd } = await workspace('    embedding: emb\n');
    writeSuite(root);
    odd.setEmbeddingUsage({ prompt_tokens: -3 });
    const run = await runCli(['run', '--json'], root, {});
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning: model "odd": the server reported usage.prompt_tokens -3 for embeddings (emb), not a count: left out of the run\'s embedding tokens',
    );
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.models.find((m) => m.id === 'odd')!.tokens.embedding).toBe(0);
    expect(summary.models.find((m) => m.id === 'good')!.tokens.embedding).toBeGreaterThan(0);
    for (const m of summary.models) expect(Number.isFinite(m.cost)).toBe(true);
    expect(records(root).map((r) => r.model.id)).toEqual(['odd', 'good']);
  });
});

/** The suite with a `similar` check, so the run asks for embeddings. */
function writeSuite(root: string): void {
  const similar = SUITE.replace('expect: [{ equals: "yes" }]', 'expect: [{ similar: { to: "yes" } }]');
  writeFileSync(join(root, 'prompts', 's.yaml'), similar);
}

describe('a price', () => {
  it('above a million USD per million tokens is refused before any request, so a cost stays finite', async () => {
    const { root, odd } = await workspace();
    const path = join(root, '.github/trackrecord.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('input: 30,', 'input: 1e308,'));
    const run = await runCli(['run'], root, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trackrecord\.yml:\d+:\d+: models\[0\]\.price\.input: must be <= 1000000/);
    expect(odd.stats().requests).toBe(0);
  });
});
