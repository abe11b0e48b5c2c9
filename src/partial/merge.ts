import { count } from '../util/numbers.js';
import { runMetrics } from '../run/run-metrics.js';
import { promptKey, type Config, type PromptSpec } from '../config/types.js';
import type { RunOutcome } from '../run/outcome.js';
import { buildPlan } from '../run/plan.js';
import type { RunInfo } from '../run/run-info.js';
import { shardOf } from '../run/shard.js';
import { formatShard } from '../util/shard.js';
import type { Observation } from '../run/types.js';
import { configHash, PartialError, readPartial, type PartialFile } from './file.js';
import { rejudged, type Replaced } from './verdicts.js';

/** A partial file as read, with the name it is known by in messages. */
export interface LoadedPartial {
  file: string;
  partial: PartialFile;
  /**
   * What was let through as unknown or made again, one sentence each, naming the file and where
   * (absent: nothing); mergePartials adds the verdicts it recomputed.
   */
  notes?: string[];
}

/** Reads every partial file; `label` turns a path into the name used in messages. */
export async function readPartials(
  paths: readonly string[],
  label: (path: string) => string = (p) => p,
): Promise<LoadedPartial[]> {
  return Promise.all(
    paths.map(async (path) => {
      const notes: string[] = [];
      const partial = await readPartial(path, label(path), (n) => notes.push(n));
      return { file: label(path), partial, notes };
    }),
  );
}

/**
 * One run out of its shards, as if it had run unsharded: every model with its observations in
 * plan order and its metrics computed over all of them. Refuses (PartialError) partials of
 * different runs or configs, and any set of shards that does not cover 1..N exactly once.
 */
export function mergePartials(config: Config, loaded: readonly LoadedPartial[]): RunOutcome {
  if (loaded.length === 0) throw new PartialError('no partial files to merge');
  const first = loaded[0]!;

  // Same configuration, among themselves and with the config recording them.
  for (const p of loaded.slice(1)) {
    if (p.partial.configHash !== first.partial.configHash) {
      throw new PartialError(
        `${p.file} and ${first.file} were run with different configurations (models, prompts or samples differ): shards of one run share one config`,
      );
    }
  }
  if (first.partial.configHash !== configHash(config)) {
    throw new PartialError(
      `the partial files were run with a different configuration than ${config.file} (models, prompts or samples differ): merge with the config the shards ran with`,
    );
  }

  const runId = mergedRunId(loaded);
  const shardCount = first.partial.shard.count;
  const byIndex = new Map<number, LoadedPartial>();
  for (const p of loaded) {
    if (p.partial.shard.count !== shardCount) {
      throw new PartialError(
        `${p.file} is shard ${formatShard(p.partial.shard)} but ${first.file} is shard ${formatShard(first.partial.shard)}: shards of one run are cut the same way`,
      );
    }
    const same = byIndex.get(p.partial.shard.index);
    if (same) throw new PartialError(`shard ${formatShard(p.partial.shard)} appears twice: ${same.file} and ${p.file}`);
    byIndex.set(p.partial.shard.index, p);
  }
  const missing = Array.from({ length: shardCount }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new PartialError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${shardCount}`).join(', ')} ` +
        `(have ${[...byIndex.keys()]
          .sort((a, b) => a - b)
          .map((i) => `${i}/${shardCount}`)
          .join(', ')}): every shard must finish before the merge`,
    );
  }

  const plan = buildPlan(config);
  const specs = new Map(plan.prompts.map(({ suite, prompt }) => [promptKey(suite, prompt.id), prompt]));
  const specOf = (o: Observation): PromptSpec => specs.get(promptKey(o.suite, o.promptId))!;

  // Per file: the samples whose stored answer or verdict their output does not give.
  const replaced = new Map<LoadedPartial, Replaced>([...byIndex.values()].map((p) => [p, { count: 0, first: null }]));
  const models = config.models.map((model, m) => {
    // Every shard's observations of this model, by prompt key.
    const found = new Map<string, Observation>();
    for (const loaded of byIndex.values()) {
      const { file, partial } = loaded;
      const own = partial.models.find((x) => x.id === model.id);
      if (!own) throw new PartialError(`${file} has no observations of model "${model.id}"`);
      for (const o of own.observations) {
        const key = promptKey(o.suite, o.promptId);
        const where = `${file}: ${model.id} ${key}`;
        if (!specs.has(key)) throw new PartialError(`${where}: no such prompt in ${config.file}`);
        const home = shardOf(key, shardCount);
        if (home !== partial.shard.index)
          throw new PartialError(`${where}: belongs to shard ${home}/${shardCount}, not ${formatShard(partial.shard)}`);
        if (found.has(key)) throw new PartialError(`${where}: observed twice`);
        if (o.samples.length !== config.samples)
          throw new PartialError(
            `${where}: ${count(o.samples.length, 'sample')}, the config asks for ${config.samples}`,
          );
        found.set(key, rejudged(o, specs.get(key)!, replaced.get(loaded)!, `model ${model.id}, ${key}`));
      }
    }
    const observations = plan.prompts.map(({ suite, prompt }, p) => {
      const key = promptKey(suite, prompt.id);
      const o = found.get(key);
      if (!o)
        throw new PartialError(
          `shard ${shardOf(key, shardCount)}/${shardCount} (${byIndex.get(shardOf(key, shardCount))!.file}) has no observation of ${key} on ${model.id}`,
        );
      if (o.promptHash !== plan.hashes[m]![p] || o.checksHash !== plan.checksHashes[p]) {
        throw new PartialError(
          `${byIndex.get(shardOf(key, shardCount))!.file}: ${model.id} ${key} was asked differently than ${config.file} says`,
        );
      }
      return o;
    });
    return { model, observations, metrics: runMetrics(observations, (o) => specOf(o).compare) };
  });

  for (const [loaded, { count: n, first }] of replaced) {
    if (n === 0) continue;
    (loaded.notes ??= []).push(
      `${loaded.file}: the stored answer or verdict of ${count(n, 'sample')} is not what the output gives under ` +
        `${config.file}'s checks (first: ${first}): recomputed from the outputs`,
    );
  }

  const shards = [...byIndex.values()].map((p) => p.partial);
  const earliest = shards.reduce((a, b) => (Date.parse(b.run.startedAt) < Date.parse(a.run.startedAt) ? b : a));
  const latest = shards.reduce((a, b) => (Date.parse(b.finishedAt) > Date.parse(a.finishedAt) ? b : a));
  // The run began when its first shard did and finished with its last one.
  const run: RunInfo = { ...byIndex.get(1)!.partial.run, id: runId, startedAt: earliest.run.startedAt };
  return { config, run, finishedAt: latest.finishedAt, models, specOf };
}

/**
 * The id of the merged run. Shards of one run share it; the one exception is a GitHub Actions
 * re-run of failed jobs, where the re-run shards carry the next attempt (`<run>-<attempt>`) while
 * the others keep theirs: same workflow run, so they merge, under the latest attempt.
 */
function mergedRunId(loaded: readonly LoadedPartial[]): string {
  const first = loaded[0]!;
  const ids = new Set(loaded.map((p) => p.partial.run.id));
  if (ids.size === 1) return first.partial.run.id;
  const github = loaded.map((p) => /^(\d+)-(\d+)$/.exec(p.partial.run.id));
  if (github.every((g) => g !== null) && new Set(github.map((g) => g![1])).size === 1) {
    return `${github[0]![1]}-${Math.max(...github.map((g) => Number(g![2])))}`;
  }
  const other = loaded.find((p) => p.partial.run.id !== first.partial.run.id)!;
  throw new PartialError(
    `${other.file} is from run ${other.partial.run.id} but ${first.file} is from run ${first.partial.run.id}: merge the shards of one run ` +
      '(on GitHub Actions the jobs of one workflow run share its id; elsewhere give every shard the same `--run-id`)',
  );
}
