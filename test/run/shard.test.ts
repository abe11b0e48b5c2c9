import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { promptKey } from '../../src/config/types.js';
import { buildPlan } from '../../src/run/plan.js';
import { inShard, shardConfig, shardOf } from '../../src/run/shard.js';
import { formatShard, parseShard, ShardError } from '../../src/util/shard.js';
import { PRIME_SUITE, primeConfig } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

describe('parseShard', () => {
  it('reads I/N, 1-based, with spaces around the parts', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('256/256')).toEqual({ index: 256, count: 256 });
    expect(formatShard(parseShard('3/8'))).toBe('3/8');
  });

  it.each([
    ['', /must be written I\/N/],
    ['2', /must be written I\/N \(for example 2\/4.*got "2"/],
    ['2-4', /must be written I\/N/],
    ['a/b', /must be written I\/N/],
    ['1.5/4', /must be written I\/N/],
    ['-1/4', /must be written I\/N/],
    ['0/4', /shard "0\/4": the shard number must be between 1 and 4 \(shards count from 1\)/],
    ['5/4', /shard "5\/4": the shard number must be between 1 and 4/],
    ['1/0', /shard "1\/0": the number of shards must be between 1 and 256/],
    ['1/257', /the number of shards must be between 1 and 256/],
  ])('rejects %j with a clear error', (text, message) => {
    expect(() => parseShard(text)).toThrow(ShardError);
    expect(() => parseShard(text)).toThrow(message);
  });
});

describe('inShard', () => {
  const keys = Array.from({ length: 500 }, (_, i) => promptKey(i % 3 === 0 ? 'core' : 'support-bot', `prompt-${i}`));

  it.each([1, 2, 3, 4, 7, 16])('puts every prompt in exactly one of %i shards', (count) => {
    for (const key of keys) {
      const homes = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(key, { index, count }));
      expect(homes).toEqual([shardOf(key, count)]);
    }
  });

  it('spreads prompts over the shards (no shard gets nothing or most of them)', () => {
    const sizes = [1, 2, 3, 4].map((index) => keys.filter((k) => inShard(k, { index, count: 4 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(keys.length);
    for (const size of sizes) expect(size).toBeGreaterThan(keys.length / 4 / 1.5);
    for (const size of sizes) expect(size).toBeLessThan((keys.length / 4) * 1.5);
  });

  it('depends on the prompt key only: adding or removing prompts moves no other prompt', async () => {
    const root = tempDir({
      'c.yml': primeConfig('http://127.0.0.1:9/v1', 'gpt-4').replace(PRIME_SUITE, 's.yaml'),
      's.yaml': suiteOf(['a', 'b', 'c', 'd', 'e', 'f']),
    });
    const before = await loadConfig({ root, configPath: 'c.yml' });
    const after = await loadConfig({
      root: tempDir({
        'c.yml': primeConfig('http://127.0.0.1:9/v1', 'gpt-4').replace(PRIME_SUITE, 's.yaml'),
        's.yaml': suiteOf(['new', 'a', 'c', 'd', 'e', 'f', 'another']),
      }),
      configPath: 'c.yml',
    });
    for (let index = 1; index <= 3; index++) {
      const ids = (c: typeof before) => shardConfig(c, { index, count: 3 }).suites[0]!.prompts.map((p) => p.id);
      const kept = ids(before).filter((id) => id !== 'b');
      expect(ids(after).filter((id) => id !== 'new' && id !== 'another')).toEqual(kept);
    }
  });
});

describe('shardConfig', () => {
  it('keeps every model and splits the prompts of every suite, in their order', async () => {
    const root = tempDir({ 'c.yml': primeConfig('http://127.0.0.1:9/v1', 'gpt-4') });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    const all = buildPlan(config).prompts.map((p) => promptKey(p.suite, p.prompt.id));
    const shards = [1, 2, 3, 4].map((index) => buildPlan(shardConfig(config, { index, count: 4 })));
    for (const plan of shards) {
      expect(plan.models).toEqual(config.models);
      const keys = plan.prompts.map((p) => promptKey(p.suite, p.prompt.id));
      // A shard's prompts keep the order of the unsharded plan.
      expect(keys).toEqual(all.filter((k) => keys.includes(k)));
      expect(keys.length).toBeGreaterThan(0);
    }
    expect(shards.flatMap((p) => p.prompts.map((x) => promptKey(x.suite, x.prompt.id))).sort()).toEqual(
      [...all].sort(),
    );
    expect(shardConfig(config, { index: 1, count: 1 }).suites).toEqual(config.suites);
  });
});

function suiteOf(ids: string[]): string {
  return `name: s\nprompts:\n${ids.map((id) => `  - id: ${id}\n    prompt: "Say ${id}"\n`).join('')}`;
}
