import { isAbsolute, resolve } from 'node:path';
import type { RunOutcome } from '../run/outcome.js';
import { promptCount, type Config } from '../config/types.js';
import { displayPath, expandPartialPaths, mergePartials, readPartials, writePartial } from '../partial/index.js';
import type { ProgressSink } from '../run/progress.js';
import { shardConfig } from '../run/shard.js';
import type { Shard } from '../util/shard.js';
import { refuseUnsafeOutput } from '../util/output-path.js';
import { runSuites } from './engine.js';
import { readVerifiedHistory } from './run-and-record.js';

export interface ShardOptions {
  /** Repository root: the history and the partial path are relative to it. */
  root: string;
  env: NodeJS.ProcessEnv;
  /** Where the partial file goes. */
  path: string;
  /** The run id the shards share; null for the one the environment gives (the workflow run's). */
  runId?: string | null;
  /** Verify the history first (false: `--no-history`). */
  useHistory?: boolean;
  progress?: ProgressSink;
  /** Hears what the user should know of a response the run still used (see RunOptions). */
  warn?: (message: string) => void;
  /** Told how much the shard holds before its first request. */
  onStart?: (size: ShardSize) => void;
}

/** A shard's share of the run: its prompts out of all, on every model. */
export interface ShardSize {
  prompts: number;
  of: number;
  models: number;
}

export interface ShardRun extends ShardSize {
  outcome: RunOutcome;
  /** The partial file written, absolute. */
  path: string;
}

/**
 * One job of a sharded run, for the CLI's `run --shard` and the action's `shard` input alike:
 * runs only this shard's prompts (every model) and writes its partial file. Nothing is recorded:
 * the merge does that once. The history is verified first and left alone: one that does not
 * verify would stop the merge, so it stops the shard before it spends a request.
 */
export async function runShard(config: Config, shard: Shard, options: ShardOptions): Promise<ShardRun> {
  // A path given relative to the workspace stays in it, links resolved; an absolute one (RUNNER_TEMP) is the caller's choice.
  const check = { root: options.root, outside: isAbsolute(options.path) };
  refuseUnsafeOutput(options.path, check);
  if (options.useHistory !== false) await readVerifiedHistory(config, options.root);
  const sharded = shardConfig(config, shard);
  const size = { prompts: promptCount(sharded), of: promptCount(config), models: config.models.length };
  options.onStart?.(size);
  const outcome = await runSuites(sharded, { env: options.env, progress: options.progress, warn: options.warn });
  if (options.runId) outcome.run = { ...outcome.run, id: options.runId };
  const path = resolve(options.root, options.path);
  refuseUnsafeOutput(path, check);
  await writePartial(path, outcome, shard, config);
  return { ...size, outcome, path };
}

/** The partial files to merge: named one by one (the CLI's arguments), or by patterns (the action's `merge` input). */
export type PartialFiles = { paths: readonly string[] } | { patterns: readonly string[] };

export interface MergedShards {
  /** The run as it would have been unsharded. */
  outcome: RunOutcome;
  /** The partial files merged, as shown (relative to the root where they are under it). */
  files: string[];
  /** What the partial files held that was taken as unknown, for a warning each. */
  notes: string[];
}

/**
 * Merges the partial files of one sharded run into the outcome the unsharded run would have
 * produced; it is then recorded like any run. Partials of another run, config or cut fail with
 * a PartialError naming the file.
 */
export async function mergeShards(config: Config, files: PartialFiles, root: string): Promise<MergedShards> {
  const paths =
    'patterns' in files ? await expandPartialPaths(files.patterns, root) : files.paths.map((p) => resolve(root, p));
  const partials = await readPartials(paths, (p) => displayPath(p, root));
  // The merge adds its own notes to the files' (verdicts it made again).
  const outcome = mergePartials(config, partials);
  return {
    outcome,
    files: partials.map((p) => p.file),
    notes: partials.flatMap((p) => p.notes ?? []),
  };
}
