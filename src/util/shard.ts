import { EXIT, TrackrecordError } from './errors.js';

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
