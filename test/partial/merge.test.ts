import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRecords } from '../../src/analysis/records.js';
import { HistoryView } from '../../src/history/view.js';
import {
  mergePartials,
  partialOf,
  PartialError,
  writePartial,
  expandPartialPaths,
  type LoadedPartial,
} from '../../src/partial/index.js';
import { shardOf } from '../../src/run/shard.js';
import { tempDir } from '../support/tmp.js';
import { runShard, smallConfig } from './helpers.js';

async function shards(count: number, runIds: (index: number) => string = () => '42-1') {
  const { config } = await smallConfig();
  const loaded: LoadedPartial[] = [];
  for (let index = 1; index <= count; index++) {
    const shard = { index, count };
    loaded.push({
      file: `p${index}.json`,
      partial: partialOf(await runShard(config, shard, runIds(index)), shard, config),
    });
  }
  return { config, loaded };
}

/** A record without the fields that only time changes. */
function timeless(record: ReturnType<typeof buildRecords>['records'][number]) {
  const { run, latencyMs: _l, metrics, ...rest } = record;
  const { latencyMs: _m, ...otherMetrics } = metrics;
  return { ...rest, run: { ...run, startedAt: null, finishedAt: null }, metrics: otherMetrics };
}

describe('mergePartials', () => {
  it('rebuilds the unsharded run: same observations in plan order, same metrics, same records', async () => {
    const { config, loaded } = await shards(3);
    const merged = mergePartials(config, [loaded[2]!, loaded[0]!, loaded[1]!]);
    const whole = await runShard(config, { index: 1, count: 1 });

    expect(merged.run.id).toBe(whole.run.id);
    expect(merged.models.map((m) => m.model)).toEqual(whole.models.map((m) => m.model));
    for (const [i, m] of merged.models.entries()) {
      expect(m.observations).toEqual(whole.models[i]!.observations);
      expect(m.metrics).toEqual(whole.models[i]!.metrics);
    }
    const a = buildRecords(whole, new HistoryView([])).records;
    const b = buildRecords(merged, new HistoryView([])).records;
    expect(b.map(timeless)).toEqual(a.map(timeless));
    expect(b[1]!.metrics.passRate).toBe(8 / 12);
  });

  it('dates the run from its first shard start to its last shard end', async () => {
    const { config, loaded } = await shards(2);
    loaded[0]!.partial.run.startedAt = '2025-01-01T03:00:05.000Z';
    loaded[1]!.partial.run.startedAt = '2025-01-01T03:00:01.000Z';
    loaded[0]!.partial.finishedAt = '2025-01-01T03:02:00.000Z';
    loaded[1]!.partial.finishedAt = '2025-01-01T03:01:00.000Z';
    const merged = mergePartials(config, loaded);
    expect(merged.run.startedAt).toBe('2025-01-01T03:00:01.000Z');
    expect(merged.finishedAt).toBe('2025-01-01T03:02:00.000Z');
  });

  it('names a missing shard', async () => {
    const { config, loaded } = await shards(4);
    expect(() => mergePartials(config, [loaded[0]!, loaded[1]!, loaded[3]!])).toThrow(
      new PartialError('missing shard 3/4 (have 1/4, 2/4, 4/4): every shard must finish before the merge'),
    );
    expect(() => mergePartials(config, [loaded[1]!])).toThrow(/^missing shards 1\/4, 3\/4, 4\/4 \(have 2\/4\)/);
    expect(() => mergePartials(config, [])).toThrow('no partial files to merge');
  });

  it('names a shard given twice', async () => {
    const { config, loaded } = await shards(2);
    const again = { file: 'copy/p2.json', partial: loaded[1]!.partial };
    expect(() => mergePartials(config, [...loaded, again])).toThrow(
      'shard 2/2 appears twice: p2.json and copy/p2.json',
    );
  });

  it('refuses shards of different runs, but merges a re-run attempt of the same workflow run', async () => {
    const mixed = await shards(2, (i) => (i === 1 ? '42-1' : '43-1'));
    expect(() => mergePartials(mixed.config, mixed.loaded)).toThrow(
      /^p2\.json is from run 43-1 but p1\.json is from run 42-1: merge the shards of one run/,
    );
    const local = await shards(2, (i) => `20250101T000000Z-abc12${i}`);
    expect(() => mergePartials(local.config, local.loaded)).toThrow(/--run-id/);

    const rerun = await shards(3, (i) => (i === 2 ? '42-2' : '42-1'));
    expect(mergePartials(rerun.config, rerun.loaded).run.id).toBe('42-2');
  });

  it('refuses shards cut differently', async () => {
    const { config, loaded } = await shards(2);
    const three = await shards(3);
    expect(() => mergePartials(config, [loaded[0]!, three.loaded[1]!])).toThrow(
      'p2.json is shard 2/3 but p1.json is shard 1/2: shards of one run are cut the same way',
    );
  });

  it('refuses partials of another configuration', async () => {
    const { loaded } = await shards(2);
    const other = await smallConfig('samples: 2\n');
    expect(() => mergePartials(other.config, loaded)).toThrow(
      /^the partial files were run with a different configuration than c\.yml/,
    );
    const one = await shards(1);
    const changed = {
      ...one.loaded[0]!,
      file: 'x.json',
      partial: { ...one.loaded[0]!.partial, configHash: 'f'.repeat(64) },
    };
    expect(() => mergePartials(other.config, [one.loaded[0]!, changed])).toThrow(
      'x.json and p1.json were run with different configurations',
    );
  });

  it('refuses a partial whose observations do not match its shard', async () => {
    const { config, loaded } = await shards(2);
    const moved = structuredClone(loaded);
    const obs = moved[0]!.partial.models[0]!.observations.pop()!;
    moved[1]!.partial.models[0]!.observations.push(obs);
    expect(() => mergePartials(config, moved)).toThrow(
      `p2.json: alpha sums/${obs.promptId}: belongs to shard 1/2, not 2/2`,
    );

    const dropped = structuredClone(loaded);
    const gone = dropped[1]!.partial.models[1]!.observations.shift()!;
    expect(shardOf(`sums/${gone.promptId}`, 2)).toBe(2);
    expect(() => mergePartials(config, dropped)).toThrow(
      `shard 2/2 (p2.json) has no observation of sums/${gone.promptId} on beta`,
    );

    const twice = structuredClone(loaded);
    twice[0]!.partial.models[0]!.observations.push(twice[0]!.partial.models[0]!.observations[0]!);
    expect(() => mergePartials(config, twice)).toThrow(/: observed twice$/);
  });
});

describe('expandPartialPaths', () => {
  it('expands the patterns download-artifact leaves, sorted, and fails on a pattern matching nothing', async () => {
    const { config } = await smallConfig();
    const root = tempDir();
    for (const index of [1, 2, 3]) {
      const shard = { index, count: 3 };
      await writePartial(
        join(root, 'partials', `trackrecord-partial-${index}`, `trackrecord-partial-${index}-of-3.json`),
        await runShard(config, shard),
        shard,
        config,
      );
    }
    const expected = [1, 2, 3].map((i) =>
      join(root, 'partials', `trackrecord-partial-${i}`, `trackrecord-partial-${i}-of-3.json`),
    );
    expect(await expandPartialPaths(['partials/**/*.json'], root)).toEqual(expected);
    expect(await expandPartialPaths(['partials/*/trackrecord-partial-?-of-3.json', expected[0]!], root)).toEqual(
      expected,
    );
    expect(await expandPartialPaths([`${root}/partials/**/*-2-of-3.json`], '/')).toEqual([expected[1]!]);
    await expect(expandPartialPaths(['partials/*.json'], root)).rejects.toThrow(
      `no partial file matches "partials/*.json" (in ${root})`,
    );
  });
});
