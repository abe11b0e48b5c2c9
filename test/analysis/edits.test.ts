import { describe, expect, it } from 'vitest';
import { editEffects, samplesCanTell, versionsDiffer } from '../../src/analysis/edit-effect.js';
import { baseRunConfig, findEdits } from '../../src/analysis/edits.js';
import type { Config, ModelSpec, PromptSpec } from '../../src/config/types.js';
import { loadConfig } from '../../src/config/load.js';
import { HistoryView } from '../../src/history/view.js';
import { tempDir } from '../support/tmp.js';
import type { Observation } from '../../src/run/types.js';
import { simulatedConfig, simulatedModel } from '../../tools/simulated/config.js';

function model(over: Partial<ModelSpec> = {}): ModelSpec {
  return simulatedModel({ id: 'm', params: { temperature: 0 }, ...over });
}

function prompt(id: string, text: string, over: Partial<PromptSpec> = {}): PromptSpec {
  return {
    id,
    messages: [{ role: 'user', content: text }],
    extract: null,
    normalize: ['trim', 'collapse-whitespace'],
    compare: { kind: 'exact' },
    expect: [{ kind: 'equals', value: 'yes' }],
    location: { file: 's.yaml', line: 3 },
    ...over,
  };
}

function config(models: ModelSpec[], prompts: PromptSpec[]): Config {
  return simulatedConfig(models, prompts);
}

function observation(key: string, outputs: string[]): Observation {
  const [suite, promptId] = key.split('/') as [string, string];
  return {
    modelId: 'm',
    suite,
    promptId,
    promptHash: 'h'.repeat(64),
    checksHash: 'c'.repeat(64),
    samples: outputs.map((output) => ({
      output,
      answer: output,
      pass: output === 'yes',
      failures: [],
      error: null,
      latencyMs: 1,
      attempts: 1,
      servedModel: null,
      systemFingerprint: null,
      tokensIn: null,
      tokensOut: null,
    })),
  };
}

describe('findEdits', () => {
  const a = prompt('a', 'Is 7 prime?');
  const b = prompt('b', 'Is 9 prime?');

  it('finds nothing when the definitions are the same', () => {
    const edits = findEdits(config([model()], [a, b]), config([model()], [a, b]));
    expect(edits).toEqual({
      models: [],
      prompts: [],
      pairs: [],
      added: [],
      addedModels: [],
      removed: [],
      removedModels: [],
    });
  });

  it('matches a reworded prompt by suite/id, says what changed and that its base version must be sent', () => {
    const reworded = prompt('a', 'Is 7 a prime number?', { location: { file: 's.yaml', line: 9 } });
    const edits = findEdits(config([model()], [reworded, b]), config([model()], [a, b]));
    expect(edits.prompts).toEqual([
      {
        key: 's/a',
        changes: [{ field: 'prompt', before: 'Is 7 prime?', after: 'Is 7 a prime number?' }],
        location: { file: 's.yaml', line: 9 },
      },
    ]);
    expect(edits.pairs.map((p) => [p.modelId, p.key, p.rerun])).toEqual([['m', 's/a', true]]);
  });

  it('judges an edit of the checks or the reading on the same outputs: no second request', () => {
    const checks = prompt('a', 'Is 7 prime?', { expect: [{ kind: 'equals', value: 'no' }] });
    const reading = prompt('b', 'Is 9 prime?', {
      normalize: ['lowercase'],
      extract: { kind: 'regex', pattern: '(yes|no)', flags: 'i' },
    });
    const edits = findEdits(config([model()], [checks, reading]), config([model()], [a, b]));
    expect(edits.prompts.map((p) => p.changes)).toEqual([
      [{ field: 'expect', before: 'equals: "yes"', after: 'equals: "no"' }],
      [
        { field: 'extract', before: null, after: 'regex /(yes|no)/i' },
        { field: 'normalize', before: 'trim, collapse-whitespace', after: 'lowercase' },
      ],
    ]);
    expect(edits.pairs.map((p) => p.rerun)).toEqual([false, false]);
    expect(baseRunConfig(config([model()], [checks, reading]), edits.pairs, 'm')).toBeNull();
  });

  it('edits every prompt of a model whose settings changed under the same id, and no other model', () => {
    const other = model({ id: 'other' });
    const head = config([model({ system: 'Be terse.', params: { temperature: 0.5 } }), other], [a, b]);
    const edits = findEdits(head, config([model(), other], [a, b]));
    expect(edits.models).toEqual([
      {
        modelId: 'm',
        changes: [
          { field: 'system', before: null, after: 'Be terse.' },
          { field: 'temperature', before: '0', after: '0.5' },
        ],
      },
    ]);
    expect(edits.pairs.map((p) => `${p.modelId} ${p.key}`)).toEqual(['m s/a', 'm s/b']);
    const run = baseRunConfig(head, edits.pairs, 'm')!;
    // The base's model (no system prompt) with the base's prompts, nothing else.
    expect(run.models).toEqual([model()]);
    expect(run.suites.map((s) => [s.name, s.prompts.map((p) => p.id)])).toEqual([['s', ['a', 'b']]]);
    expect(baseRunConfig(head, edits.pairs, 'other')).toBeNull();
  });

  it('points at the edited line of the suite file and the config: the changed key, or the first list item that differs', async () => {
    const suite = (text: string, second: string, extra: string) =>
      [
        'name: s',
        'prompts:',
        '  - id: a',
        `    prompt: "${text}"`,
        '    expect:',
        '      - contains: "y"',
        `      - equals: "${second}"`,
        '  - id: b',
        '    messages:',
        '      - role: system',
        '        content: Be brief.',
        '      - role: user',
        `        content: "${extra}"`,
        '',
      ].join('\n');
    const cfg = (system: string) =>
      `models:\n  - id: m\n    model: tiny-1\n    temperature: 0\n${system}suites:\n  - path: s.yaml\n`;
    const load = (files: Record<string, string>) => loadConfig({ root: tempDir(files), configPath: 'c.yml' });
    const base = await load({ 'c.yml': cfg(''), 's.yaml': suite('Is 7 prime?', 'yes', 'Is 9 prime?') });
    // Only the second check of a, and the user message (the second item) of b: lines 7 and 12.
    const checks = await load({ 'c.yml': cfg(''), 's.yaml': suite('Is 7 prime?', 'no', 'Is 9 a prime?') });
    expect(findEdits(checks, base).prompts.map((p) => [p.key, p.location])).toEqual([
      ['s/a', { file: 's.yaml', line: 7 }],
      ['s/b', { file: 's.yaml', line: 12 }],
    ]);
    // The text of a, and the model's new system prompt (line 5 of the config).
    const text = await load({
      'c.yml': cfg('    system: Be terse.\n'),
      's.yaml': suite('Is 7 a prime?', 'yes', 'Is 9 prime?'),
    });
    const edits = findEdits(text, base);
    expect(edits.prompts.map((p) => [p.key, p.location])).toEqual([['s/a', { file: 's.yaml', line: 4 }]]);
    expect(edits.models).toEqual([
      {
        modelId: 'm',
        changes: [{ field: 'system', before: null, after: 'Be terse.' }],
        location: { file: 'c.yml', line: 5 },
      },
    ]);
    // A removed key has no line of its own: the prompt's line stands for it.
    const unchecked = await load({
      'c.yml': cfg(''),
      's.yaml': suite('Is 7 prime?', 'yes', 'Is 9 prime?').replace(/ {4}expect:\n.*\n.*\n/, ''),
    });
    expect(findEdits(unchecked, base).prompts.map((p) => [p.key, p.location])).toEqual([
      ['s/a', { file: 's.yaml', line: 3 }],
    ]);
  });

  it('lists new and removed prompts and models', () => {
    const c = prompt('c', 'Is 11 prime?');
    const edits = findEdits(config([model({ id: 'n' })], [a, c]), config([model()], [a, b]));
    expect(edits).toMatchObject({
      added: ['s/c'],
      addedModels: ['n'],
      removed: ['s/b'],
      removedModels: ['m'],
      pairs: [],
    });
  });
});

describe('editEffects', () => {
  const a = prompt('a', 'Is 7 prime?');
  const reworded = prompt('a', 'Is 7 a prime number?');
  const edits = findEdits(config([model()], [reworded]), config([model()], [a]));

  it('calls a pass that the edit turns into a fail a regression, and a changed answer changed', () => {
    const [effect] = editEffects(
      edits.pairs,
      () => observation('s/a', ['no']),
      () => observation('s/a', ['yes']),
      new HistoryView(),
    );
    expect(effect).toMatchObject({
      before: { answer: 'yes', status: true },
      after: { answer: 'no', status: false },
      changed: true,
      regression: true,
      fix: false,
      recorded: null,
      rerun: true,
    });
  });

  it('keeps an unchanged answer unchanged and flags no flip', () => {
    const [effect] = editEffects(
      edits.pairs,
      () => observation('s/a', ['yes', 'yes']),
      () => observation('s/a', ['yes', 'yes']),
      new HistoryView(),
    );
    expect(effect).toMatchObject({ changed: false, regression: false, fix: false });
  });

  it('with several samples, calls answers changed only beyond noise, the false discovery rate held across edits', () => {
    const two = findEdits(
      config([model()], [reworded, prompt('b', 'Is 9 a prime number?')]),
      config([model()], [a, prompt('b', 'Is 9 prime?')]),
    );
    const runs: Record<string, [string[], string[]]> = {
      // Every sample flipped: the exact test's p is 2 / C(10, 5) = 1/126.
      's/a': [
        ['yes', 'yes', 'yes', 'yes', 'yes'],
        ['no', 'no', 'no', 'no', 'no'],
      ],
      // Modal answers differ, but 3 of 5 against 2 of 5 is noise (p = 1).
      's/b': [
        ['yes', 'yes', 'yes', 'no', 'no'],
        ['no', 'no', 'no', 'yes', 'yes'],
      ],
    };
    const effects = editEffects(
      two.pairs,
      (p) => observation(p.key, runs[p.key]![1]),
      (p) => observation(p.key, runs[p.key]![0]),
      new HistoryView(),
    );
    expect(effects.map((e) => [e.key, e.differs, e.changed])).toEqual([
      ['s/a', true, true],
      ['s/b', true, false],
    ]);
    expect(effects[0]!.p).toBeCloseTo(1 / 126, 12);
    expect(effects[1]!.p).toBeCloseTo(1, 12);
    // Two samples a side: yes/yes against no/no would be p = 1/3 at best, never significant.
    const [small] = editEffects(
      edits.pairs,
      () => observation('s/a', ['no', 'no']),
      () => observation('s/a', ['yes', 'yes']),
      new HistoryView(),
    );
    // Too few to tell noise from the edit at all: the modal answers are compared and the verdict
    // flip counts, as with one sample a version.
    expect(small).toMatchObject({ differs: true, changed: true, p: null, regression: true, withinNoise: false });
    // Five samples a side could show a change (every sample flipped is 1/126), and these do not:
    // the majority moved by one sample each way (p = 1). The flip may be noise, so it is shown and
    // is not a regression of the change.
    const [noisy] = editEffects(
      edits.pairs,
      () => observation('s/a', ['no', 'no', 'no', 'yes', 'yes']),
      () => observation('s/a', ['yes', 'yes', 'yes', 'no', 'no']),
      new HistoryView(),
    );
    expect(noisy).toMatchObject({ differs: true, changed: false, regression: false, withinNoise: true });
    expect(noisy!.p).toBeCloseTo(1, 12);
    // All five samples flipped (p = 1/126): the answers changed, and the flip is the edit's.
    const [clear] = editEffects(
      edits.pairs,
      () => observation('s/a', ['no', 'no', 'no', 'no', 'no']),
      () => observation('s/a', ['yes', 'yes', 'yes', 'yes', 'yes']),
      new HistoryView(),
    );
    expect(clear).toMatchObject({ changed: true, regression: true, withinNoise: false });
  });

  it('tests answer distributions from four samples a version: fewer can never be significant', () => {
    // The most separated outcome of n samples a side is p = 2 / C(2n, n): 1, 1/3, 1/10, 1/35.
    expect([1, 2, 3, 4, 5].map((n) => samplesCanTell(n, n))).toEqual([false, false, false, true, true]);
    // Unequal sides (samples that errored): only the one separated table is that unlikely, 1 / C(N, n).
    expect(samplesCanTell(3, 5)).toBe(true); // 1/56
    expect(samplesCanTell(2, 5)).toBe(true); // 1/21
    expect(samplesCanTell(2, 4)).toBe(false); // 1/15
    expect(samplesCanTell(0, 5)).toBe(false);
  });

  it('does not let steady prompts dilute the false discovery rate: answers that cannot differ are left out', () => {
    // A system prompt edit over 40 prompts: 39 answer as before every time, one flips all five samples.
    const many = Array.from({ length: 40 }, (_, i) => prompt(`q${i}`, `Question ${i}?`));
    const all = findEdits(config([model({ system: 'Be brief.' })], many), config([model()], many));
    const effects = editEffects(
      all.pairs,
      (p) => observation(p.key, Array<string>(5).fill(p.key === 's/q0' ? 'no' : 'yes')),
      (p) => observation(p.key, Array<string>(5).fill('yes')),
      new HistoryView(),
    );
    // p = 1/126 = 0.0079: above 0.05/40 had all 40 counted, below 0.05/1 with the 39 steady ones out.
    expect(effects.filter((e) => e.changed).map((e) => e.key)).toEqual(['s/q0']);
    expect(effects.filter((e) => e.regression).map((e) => e.key)).toEqual(['s/q0']);
  });

  it('tests answers compared by similarity as free text, as drift does: a full stop is not a new category', () => {
    const before = ['Paris', 'Paris', 'Paris', 'Lyon'];
    const after = ['Paris.', 'Paris.', 'Paris.', 'Lyon'];
    // The exact permutation p of the biased MMD^2 with the Hamming kernel (texts padded to the
    // longest), by brute force over all C(8, 4) = 70 splits, written out here on its own.
    const pool = [...after, ...before];
    const L = Math.max(...pool.map((t) => t.length));
    const pad = (t: string) => [...t.padEnd(L, '\u0000')];
    const k = (x: string, y: string) => pad(x).filter((c, i) => c === pad(y)[i]).length / L;
    const mean = (xs: string[], ys: string[]) =>
      xs.reduce((sum, x) => sum + ys.reduce((t, y) => t + k(x, y), 0), 0) / (xs.length * ys.length);
    const mmd = (first: string[], second: string[]) =>
      mean(first, first) + mean(second, second) - 2 * mean(first, second);
    const observed = mmd(after, before);
    let extreme = 0;
    let splits = 0;
    for (let mask = 0; mask < 256; mask++) {
      const chosen = pool.filter((_, i) => mask & (1 << i));
      if (chosen.length !== 4) continue;
      splits += 1;
      if (
        mmd(
          chosen,
          pool.filter((_, i) => !(mask & (1 << i))),
        ) >=
        observed - 1e-9
      )
        extreme += 1;
    }
    expect(splits).toBe(70);
    const similar = versionsDiffer(before, after, { kind: 'similarity', threshold: 0.7 });
    expect(similar.p).toBeCloseTo(extreme / 70, 12);
    expect(similar.p).toBeGreaterThan(0.4);
    // Compared exactly, "Paris." is another answer: Fisher's test on the counts. Of the tables with
    // these margins (hypergeometric weights out of 70), only this one and its mirror weigh 2.
    expect(versionsDiffer(before, after, { kind: 'exact' }).p).toBeCloseTo(4 / 70, 12);
  });

  it("reads this run's outputs with the base's checks when only the checks changed: a flip there is no noise", () => {
    const stricter = prompt('a', 'Is 7 prime?', { expect: [{ kind: 'equals', value: 'yes!' }] });
    const pairs = findEdits(config([model()], [stricter]), config([model()], [a])).pairs;
    // Five samples, enough for the two-sample test: the same outputs read both ways, so the
    // answers cannot differ (p = 1), and yet the stricter check's flip is wholly the edit's.
    const head = observation('s/a', ['yes', 'yes', 'yes', 'yes', 'yes']);
    for (const s of head.samples) s.pass = false; // as the stricter check judged them
    const [effect] = editEffects(
      pairs,
      () => head,
      () => undefined,
      new HistoryView(),
    );
    expect(effect).toMatchObject({
      before: { status: true },
      after: { status: false },
      regression: true,
      withinNoise: false,
      changed: false,
      rerun: false,
    });
  });

  it('keeps the regression of a reworded prompt whose check became stricter, though its answers did not change', () => {
    const both = prompt('a', 'Is 7 a prime number?', { expect: [{ kind: 'equals', value: 'yes!' }] });
    const pairs = findEdits(config([model()], [both]), config([model()], [a])).pairs;
    expect(pairs[0]!.rerun).toBe(true);
    const head = observation('s/a', ['yes', 'yes', 'yes', 'yes', 'yes']);
    for (const s of head.samples) s.pass = false; // as the stricter check judged them
    const [effect] = editEffects(
      pairs,
      () => head,
      () => observation('s/a', ['yes', 'yes', 'yes', 'yes', 'yes']),
      new HistoryView(),
    );
    // The answers are the same on both sides (p = 1), but read the base's way this run's outputs
    // pass: the flip is the checks edit's, with no noise to doubt.
    expect(effect).toMatchObject({ p: 1, changed: false, regression: true, withinNoise: false, rerun: true });
  });
});
