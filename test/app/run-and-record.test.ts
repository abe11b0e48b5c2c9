import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { readHistory } from '../../src/history/read.js';
import { buildReport } from '../../src/report/data/report.js';
import { runAndRecord } from '../../src/app/run-and-record.js';
import { PRIME_SUITE, primeConfig, primeTruth, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const key = (id: string) => `llmdrift-prime/${id}`;

/** A workspace whose config asks the replay server for `gpt-4`, an alias the test moves between snapshots. */
async function workspace(extra = '') {
  server ??= await startPrimeServer({ aliases: { 'gpt-4': 'gpt-4-0314' } });
  const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4', extra) });
  const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
  const run = async (snapshot: string) => {
    server!.setAliases({ 'gpt-4': snapshot });
    return runAndRecord(config, { root, env: {}, useHistory: true });
  };
  const lines = () => readFileSync(join(root, '.trackrecord/history.jsonl'), 'utf8').trimEnd().split('\n');
  return { root, run, lines };
}

describe('runAndRecord on the real GPT-4 drift', () => {
  it('finds exactly the prompts whose extracted answer changed from March to June 2023', async () => {
    const { run, lines } = await workspace();
    const first = await run('gpt-4-0314');
    expect(first.summary.models[0]).toMatchObject({ stability: null, drifted: [], regressions: [], fixes: [] });
    expect(first.summary.models[0]!.newSeries).toHaveLength(100);

    const second = await run('gpt-4-0613');
    const march = primeTruth('gpt-4-0314');
    const june = primeTruth('gpt-4-0613');
    const ids = [...march.keys()];
    const changed = ids.filter((id) => march.get(id)!.answer !== june.get(id)!.answer);
    const regressions = ids.filter((id) => march.get(id)!.correct && !june.get(id)!.correct);
    const fixes = ids.filter((id) => !march.get(id)!.correct && june.get(id)!.correct);

    const m = second.summary.models[0]!;
    expect(changed.length).toBeGreaterThan(50);
    expect(m.stability).toBeCloseTo(1 - changed.length / ids.length, 12);
    expect([...m.drifted].sort()).toEqual(changed.map(key).sort());
    expect([...m.regressions].sort()).toEqual(regressions.map(key).sort());
    expect([...m.fixes].sort()).toEqual(fixes.map(key).sort());
    expect(m.flapping).toEqual([]);
    expect(m.newSeries).toEqual([]);
    expect(m.runsSinceDrift).toBe(0);
    // So lopsided a split of flips is not noise: the exact two-sided sign test, computed here in integers.
    expect(m.flipsP).toBeCloseTo(signTestP(regressions.length, fixes.length), 12);
    expect(m.flipsP).toBeLessThan(0.001);
    expect(lines()).toHaveLength(2);
  });

  it('calls a return to an earlier answer flapping, and the change back a change of the suite', async () => {
    const { run } = await workspace();
    await run('gpt-4-0314');
    const june = await run('gpt-4-0613');
    const back = await run('gpt-4-0314');
    const m = back.summary.models[0]!;
    expect([...m.drifted].sort()).toEqual([...june.summary.models[0]!.drifted].sort());
    expect([...m.flapping].sort()).toEqual([...m.drifted].sort());
    // June changed the suite as a whole, so its answers are the reference now: going back to
    // March is a change again, of the whole suite (one earlier answer each cannot name a prompt).
    expect(june.summary.models[0]!.drift).toMatchObject({ significant: true, prompts: [] });
    expect(m.drift).toMatchObject({ significant: true, prompts: [] });
    expect(m.runsSinceDrift).toBe(0);
  });
});

describe('runAndRecord on a model that never changes', () => {
  it('stays 100% stable, narrows the reliability interval, and adds under 5 KB a record', async () => {
    const { run, lines } = await workspace('samples: 3\n');
    const widths: number[] = [];
    for (let night = 0; night < 10; night++) {
      const { summary } = await run('gpt-4-0314');
      const m = summary.models[0]!;
      if (night === 0) expect(m.stability).toBeNull();
      else expect(m.stability).toBe(1);
      expect(m.drifted).toEqual([]);
      widths.push(m.reliabilityInterval![1] - m.reliabilityInterval![0]);
    }
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]!);
    const sizes = lines().map((l) => Buffer.byteLength(l) + 1);
    expect(sizes[0]).toBeGreaterThan(20_000); // the first record stores the outputs
    for (const size of sizes.slice(1)) expect(size).toBeLessThanOrEqual(5 * 1024);
  });
});

describe('runAndRecord through an outage', () => {
  it('records errors as availability, never as drift, and compares across the gap', async () => {
    const { run, lines } = await workspace('retries: 0\n');
    await run('gpt-4-0314');
    server!.setFaults({ serverError: { share: 1, attempts: Infinity } });
    const outage = (await run('gpt-4-0314')).summary.models[0]!;
    expect(outage.errors.server).toBe(100);
    expect(outage).toMatchObject({ stability: null, drifted: [], regressions: [], fixes: [], passRate: null });
    server!.setFaults(undefined);
    const after = (await run('gpt-4-0314')).summary.models[0]!;
    expect(after.stability).toBe(1);
    expect(after.regressions).toEqual([]);
    const records = lines().map((l) => JSON.parse(l) as HistoryRecord);
    expect(Object.keys(records[1]!.errors)).toHaveLength(100);
    expect(records[1]!.answers.every((a) => a === null)).toBe(true);
  });
});

describe('runAndRecord with an edited prompt', () => {
  it('starts a new series for it instead of calling the change drift', async () => {
    server = await startPrimeServer();
    const suite = readFileSync(PRIME_SUITE, 'utf8');
    const root = tempDir({
      'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314').replace(PRIME_SUITE, 'suite.yaml'),
      'suite.yaml': suite,
    });
    const track = async () =>
      runAndRecord(await loadConfig({ root, configPath: 'trackrecord.yml' }), {
        root,
        env: {},
        useHistory: true,
      });
    await track();
    // Same text, but the answer is read differently: not comparable with what was recorded before.
    const edited = suite.replace(
      /(id: "prime-8929"[\s\S]*?normalize: )\[ "lowercase" \]/,
      '$1[ "lowercase", "strip-punctuation" ]',
    );
    expect(edited).not.toBe(suite);
    writeFileSync(join(root, 'suite.yaml'), edited);
    const m = (await track()).summary.models[0]!;
    expect(m.newSeries).toEqual(['llmdrift-prime/prime-8929']);
    expect(m.stability).toBe(1);
    expect(m.drifted).toEqual([]);
  });
});

describe('runAndRecord with a renamed prompt', () => {
  it('continues its series when the text stays: no drift, no new series, and the report agrees', async () => {
    server = await startPrimeServer({ aliases: { 'gpt-4': 'gpt-4-0314' } });
    const march = primeTruth('gpt-4-0314');
    const june = primeTruth('gpt-4-0613');
    // A prompt whose answer changes from March to June, so the rename can be seen carrying drift.
    const id = [...march.keys()].find((k) => march.get(k)!.answer !== june.get(k)!.answer && march.get(k)!.answer)!;
    const suite = readFileSync(PRIME_SUITE, 'utf8');
    const root = tempDir({
      'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4').replace(PRIME_SUITE, 'suite.yaml'),
      'suite.yaml': suite,
    });
    const track = async (snapshot: string) => {
      server!.setAliases({ 'gpt-4': snapshot });
      const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
      return runAndRecord(config, { root, env: {}, useHistory: true });
    };
    const first = (await track('gpt-4-0314')).summary.models[0]!;
    const second = (await track('gpt-4-0314')).summary.models[0]!;
    const renamed = suite.replace(`id: "${id}"`, `id: "renamed-${id}"`);
    expect(renamed).not.toBe(suite);
    writeFileSync(join(root, 'suite.yaml'), renamed);

    const third = (await track('gpt-4-0314')).summary.models[0]!;
    expect(third).toMatchObject({ drifted: [], flapping: [], newSeries: [], stability: 1, runsSinceDrift: null });
    // The same answers every night: reliability stays what it was, on the badge as in the report.
    expect(third.reliability).toBe(second.reliability);
    expect(third.reliability).toBe(first.reliability);

    const last = await track('gpt-4-0613');
    const m = last.summary.models[0]!;
    expect(m.drifted).toContain(key(`renamed-${id}`));
    expect(m.newSeries).toEqual([]);
    const drift = buildReport(last.view).models[0]!.drift.find((d) => d.key === key(`renamed-${id}`))!;
    expect(drift).toMatchObject({ before: march.get(id)!.answer, after: june.get(id)!.answer });
  });
});

describe('runAndRecord on outputs the checks cannot read', () => {
  it('fails those samples night after night, and every run records', async () => {
    // JSON too deep to serialize under json-path "$": the checks of the night that gets it fail
    // the sample; the nights after read it again from the history, as drift's reference.
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    server = await startReplayServer({
      recordings: [
        { model: 'm', prompt: 'deep', output: deep },
        { model: 'm', prompt: 'plain', output: '[1]' },
      ],
    });
    const prompt = (id: string) => `  - {id: ${id}, prompt: ${id}, extract: {json-path: $}, expect: [{equals: "[1]"}]}`;
    const root = tempDir({
      'c.yml': `models:\n  - id: m\n    model: m\n    base-url: ${server.baseUrl}\nsuites:\n  - path: s.yaml\nsamples: 2\n`,
      's.yaml': ['name: s', 'prompts:', prompt('deep'), prompt('plain')].join('\n'),
    });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    for (let night = 0; night < 3; night++) {
      const { summary } = await runAndRecord(config, { root, env: {}, useHistory: true });
      expect(summary.models[0]!.passRate).toBe(0.5);
    }
    const { records } = await readHistory(join(root, config.history));
    expect(records).toHaveLength(3);
    expect(records.map((r) => r.passed)).toEqual([
      [0, 2],
      [0, 2],
      [0, 2],
    ]);
  });
});

/** Two-sided exact binomial(n, 1/2) tail for the smaller count, with exact integer arithmetic. */
function signTestP(b: number, c: number): number {
  const n = b + c;
  let choose = 1n;
  let tail = 0n;
  for (let i = 0; i <= Math.min(b, c); i++) {
    if (i > 0) choose = (choose * BigInt(n - i + 1)) / BigInt(i);
    tail += choose;
  }
  return Math.min(1, (2 * Number(tail)) / 2 ** n);
}
