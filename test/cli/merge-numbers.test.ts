import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/history/record.js';
import { storedTexts } from '../../src/history/texts.js';
import type { PartialFile } from '../../src/partial/index.js';
import { startReplayServer, type Recording, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Eight sums; the model is wrong on the odd ones, and says so in brackets. */
const SUMS = Array.from({ length: 8 }, (_, i) => i);
const RECORDINGS: Recording[] = SUMS.map((i) => ({
  model: 'm',
  prompt: `What is ${i} + 1?`,
  output: `The answer is [${i % 2 === 0 ? i + 1 : i + 7}].`,
}));
const SUITE = `name: sums\nprompts:\n${SUMS.map(
  (i) =>
    `  - id: q${i}\n    prompt: "What is ${i} + 1?"\n    extract: { regex: '\\[(\\d+)\\]' }\n    expect:\n      - equals: "${i + 1}"\n`,
).join('')}`;

const ENV = { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1' };

/** Two models on the suite, run as two shards: the workspace and its partial files. */
async function shards(): Promise<{ root: string; files: string[] }> {
  server = await startReplayServer({ recordings: RECORDINGS });
  const model = (id: string): string => `  - id: ${id}\n    model: m\n    base-url: ${server!.baseUrl}\n`;
  const root = tempDir({
    '.github/trackrecord.yml': `models:\n${model('a')}${model('b')}suites:\n  - path: s.yaml\nsamples: 2\n`,
    's.yaml': SUITE,
  });
  const files = ['p1.json', 'p2.json'];
  for (const [i, file] of files.entries()) {
    const job = await runCli(['run', '--quiet', '--shard', `${i + 1}/2`, '--partial', file], root, ENV);
    expect(job.code, job.stderr).toBe(0);
  }
  return { root, files };
}

const read = (root: string, file: string): PartialFile =>
  JSON.parse(readFileSync(join(root, file), 'utf8')) as PartialFile;
const write = (root: string, file: string, partial: PartialFile): void =>
  writeFileSync(join(root, file), `${JSON.stringify(partial)}\n`);

function records(root: string): HistoryRecord[] {
  return readFileSync(join(root, '.trackrecord', 'history.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as HistoryRecord);
}

describe('merge of partial files with numbers trackrecord does not write', () => {
  it('takes a token count that is not a count as unknown, with a warning, and records every shard', async () => {
    const { root, files } = await shards();
    const partial = read(root, files[1]!);
    partial.models[0]!.observations[0]!.samples[0]!.tokensIn = -5;
    partial.models[0]!.observations[0]!.samples[1]!.tokensIn = -5;
    partial.models[1]!.observations[0]!.samples[0]!.tokensOut = 1.5;
    write(root, files[1]!, partial);

    const merged = await runCli(['merge', '--json', ...files], root, ENV);
    expect(merged.stderr).not.toMatch(/\n\s+at /);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain(
      'warning: p2.json: models[0].observations[0].samples[0].tokensIn: -5 is not a token count: taken as unknown (and 1 more sample like it)\n',
    );
    expect(merged.stderr).toContain(
      'warning: p2.json: models[1].observations[0].samples[0].tokensOut: 1.5 is not a token count: taken as unknown\n',
    );
    const written = records(root);
    expect(written.map((r) => r.model.id)).toEqual(['a', 'b']);
    expect(written.every((r) => r.passed.length === SUMS.length)).toBe(true);
    // The prompt sums the sample that has a count: 4 words, where the others have 8.
    expect(written[1]!.tokensOut.filter((t) => t === 4)).toHaveLength(1);
    expect((await runCli(['verify'], root)).code).toBe(0);
  });

  it('refuses a latency that is not a count, naming the file and field', async () => {
    const { root, files } = await shards();
    const partial = read(root, files[0]!);
    partial.models[1]!.observations[0]!.samples[1]!.latencyMs = -5;
    write(root, files[0]!, partial);
    const merged = await runCli(['merge', ...files], root, ENV);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toBe(
      'trackrecord merge: p1.json: models[1].observations[0].samples[1].latencyMs: expected a whole number, 0 or more\n',
    );
  });
});

interface Summary {
  models: Array<{ id: string; passRate: number | null; agreement: number | null }>;
}

describe('merge judges the outputs of partial files again', () => {
  it('counts an edited `pass: true` over a failing output as the failure it is, with a warning', async () => {
    const { root, files } = await shards();
    // The honest merge, in a copy of the workspace: the model is right on the even sums only.
    const honest = tempDir({
      '.github/trackrecord.yml': readFileSync(join(root, '.github/trackrecord.yml'), 'utf8'),
      's.yaml': SUITE,
      'p1.json': readFileSync(join(root, 'p1.json'), 'utf8'),
      'p2.json': readFileSync(join(root, 'p2.json'), 'utf8'),
    });
    let edited = 0;
    for (const file of files) {
      const partial = read(root, file);
      for (const model of partial.models) {
        for (const o of model.observations) {
          for (const s of o.samples) {
            if (s.pass === false) edited += 1;
            const expected = String(Number(o.promptId.slice(1)) + 1);
            Object.assign(s, { pass: true, failures: [], answer: expected });
          }
        }
      }
      write(root, file, partial);
    }
    expect(edited).toBe(2 * 4 * 2); // two models, four wrong sums, two samples

    const merged = await runCli(['merge', '--json', ...files], root, ENV);
    expect(merged.code, merged.stderr).toBe(0);
    const summary = JSON.parse(merged.stdout) as Summary;
    expect(summary.models.map((m) => m.passRate)).toEqual([0.5, 0.5]);
    expect(merged.stderr).toMatch(
      /^warning: p1\.json: the stored answer or verdict of \d+ samples? is not what the output gives under \.github\/trackrecord\.yml's checks \(first: model a, sums\/q\d, sample 1\): recomputed from the outputs\n/m,
    );
    const reference = await runCli(['merge', '--json', ...files], honest, ENV);
    expect(reference.stderr).toBe('');
    const strip = (r: HistoryRecord) => ({ passed: r.passed, answers: r.answers, metrics: r.metrics.passRate });
    expect(records(root).map(strip)).toEqual(records(honest).map(strip));
  });

  it('stores an output with a lone surrogate well-formed, as the run does', async () => {
    const { root, files } = await shards();
    const partial = read(root, files[0]!);
    const sample = partial.models[0]!.observations[0]!.samples[0]!;
    sample.output = `${sample.output!}\ud800`;
    write(root, files[0]!, partial);
    const merged = await runCli(['merge', ...files], root, ENV);
    expect(merged.code, merged.stderr).toBe(0);
    const texts = Object.values(storedTexts(records(root)[0]!)).flatMap((byRef) => Object.values(byRef));
    expect(texts.some((t) => t.endsWith('\ufffd'))).toBe(true);
    expect(texts.every((t) => t.isWellFormed())).toBe(true);
  });

  it('refuses a sample with neither an output nor an error', async () => {
    const { root, files } = await shards();
    const partial = read(root, files[1]!);
    partial.models[0]!.observations[0]!.samples[0]!.output = null;
    write(root, files[1]!, partial);
    const merged = await runCli(['merge', ...files], root, ENV);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toBe(
      'trackrecord merge: p2.json: models[0].observations[0].samples[0].output: a sample without an error has an output\n',
    );
  });
});

describe('merge of a suite with similar checks', () => {
  it('judges the other checks again and keeps the failure the shard recorded for a similar check', async () => {
    const capital = 'What is the capital of France?';
    const fruit = 'Name a fruit.';
    server = await startReplayServer({
      recordings: [
        { model: 'm', prompt: capital, output: 'Paris is the capital of France.' },
        { model: 'm', prompt: fruit, output: 'A banana.' },
      ],
    });
    const suite = `name: sem
prompts:
  - id: capital
    prompt: "${capital}"
    expect:
      - similar: { to: "Paris is the capital of France.", threshold: 0.6 }
      - equals: "Lyon"
  - id: fruit
    prompt: "${fruit}"
    expect:
      - similar: { to: "An apple is a fruit." }
`;
    const root = tempDir({
      '.github/trackrecord.yml': `models:\n  - id: a\n    model: m\n    base-url: ${server.baseUrl}\n    embedding: emb\nsuites:\n  - path: s.yaml\n`,
      's.yaml': suite,
    });
    const files = ['p1.json', 'p2.json'];
    for (const [i, file] of files.entries()) {
      const job = await runCli(['run', '--quiet', '--shard', `${i + 1}/2`, '--partial', file], root, ENV);
      expect(job.code, job.stderr).toBe(0);
    }
    const failures = new Map<string, string[]>();
    for (const file of files) {
      const partial = read(root, file);
      for (const o of partial.models[0]!.observations) {
        const s = o.samples[0]!;
        failures.set(o.promptId, s.failures);
        expect(s.pass).toBe(false);
        // capital: the verdict and its reasons edited away; fruit: only the verdict.
        s.pass = true;
        if (o.promptId === 'capital') s.failures = [];
      }
      write(root, file, partial);
    }
    expect(failures.get('capital')).toEqual(['equals "Lyon": got "Paris is the capital of France."']);
    expect(failures.get('fruit')![0]).toMatch(/^similar to "An apple is a fruit\." \(cosine >= 0\.8\): got /);

    const merged = await runCli(['merge', '--json', ...files], root, ENV);
    expect(merged.code, merged.stderr).toBe(0);
    expect((JSON.parse(merged.stdout) as Summary).models[0]!.passRate).toBe(0);
  });
});
