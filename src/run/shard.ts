import type { Config } from '../config/types.js';
import { promptKey } from '../config/types.js';
import { sha256 } from '../util/hash.js';
import { EXIT, TrackrecordError } from '../util/errors.js';

/** One of `count` slices of a run's prompts, 1-based: `{index: 2, count: 4}` is written `2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** More shards than this is a typo, not a matrix (GitHub allows 256 jobs per matrix). */
export const MAX_SHARDS = 256;

/** A `--shard` or `shard:` value that cannot be used; the message says what is expected. */
export class ShardError extends TrackrecordError {
  override name = 'ShardError';
  readonly code = 'shard';
  readonly exitStatus = EXIT.invalid;
}

/** `"2/4"` -> `{index: 2, count: 4}`; throws a ShardError naming the value otherwise. */
export function parseShard(text: string): Shard {
  const value = text.trim();
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  if (!match)
    throw new ShardError(`shard must be written I/N (for example 2/4: the second of four shards), got "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS)
    throw new ShardError(`shard "${value}": the number of shards must be between 1 and ${MAX_SHARDS}`);
  if (index < 1 || index > count)
    throw new ShardError(`shard "${value}": the shard number must be between 1 and ${count} (shards count from 1)`);
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The shard (1..count) a prompt belongs to, from a hash of its key (`suite/id`): the same in
 * every job and every run, and unchanged when other prompts are added or removed.
 */
export function shardOf(key: string, count: number): number {
  return (parseInt(sha256(key).slice(0, 8), 16) % count) + 1;
}

export function inShard(key: string, shard: Shard): boolean {
  return shardOf(key, shard.count) === shard.index;
}

/**
 * The config with only this shard's prompts in its suites (every model keeps every one of
 * them, so a shard is a slice of prompts, not of models). Suites left empty stay, empty.
 */
export function shardConfig(config: Config, shard: Shard): Config {
  return {
    ...config,
    suites: config.suites.map((suite) => ({
      ...suite,
      prompts: suite.prompts.filter((p) => inShard(promptKey(suite.name, p.id), shard)),
    })),
  };
}
