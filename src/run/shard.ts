import type { Config } from '../config/types.js';
import { promptKey } from '../config/types.js';
import { sha256 } from '../util/hash.js';
import type { Shard } from '../util/shard.js';

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
