import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configHash,
  PartialError,
  partialOf,
  readPartial,
  writePartial,
  type PartialFile,
} from '../../src/partial/index.js';
import { shardConfig } from '../../src/run/shard.js';
import { tempDir } from '../support/tmp.js';
import { runShard, smallConfig } from './helpers.js';

describe('writePartial and readPartial', () => {
  it('round-trips a shard: its run, shard, config hash and every observation with its outputs', async () => {
    const { config } = await smallConfig();
    const shard = { index: 2, count: 3 };
    const outcome = await runShard(config, shard);
    const path = join(tempDir(), 'deep', 'folder', 'p.json');
    const written = await writePartial(path, outcome, shard, config);

    expect(written).toEqual(partialOf(outcome, shard, config));
    expect(written.configHash).toBe(configHash(config));
    expect(written.models.map((m) => m.id)).toEqual(['alpha', 'beta']);
    const read = await readPartial(path);
    expect(read).toEqual(written);
    expect(read.run.id).toBe('42-1');
    expect(read.models[1]!.observations.length).toBe(outcome.models[1]!.observations.length);
    expect(read.models[1]!.observations[0]!.samples[0]!.output).toMatch(/^\d+$/);
  });

  it('hashes the whole config, not the shard it ran: every shard of a run carries the same hash', async () => {
    const { config } = await smallConfig();
    expect(configHash(shardConfig(config, { index: 1, count: 2 }))).not.toBe(configHash(config));
    const hashes = await Promise.all(
      [1, 2].map(
        async (index) => partialOf(await runShard(config, { index, count: 2 }), { index, count: 2 }, config).configHash,
      ),
    );
    expect(new Set(hashes)).toEqual(new Set([configHash(config)]));
  });

  it('changes the config hash with what the shards must agree on, not with where the history goes', async () => {
    const base = configHash((await smallConfig()).config);
    expect(configHash((await smallConfig('history: other/h.jsonl\nwindow: 5\nconcurrency: 2\n')).config)).toBe(base);
    expect(configHash((await smallConfig('samples: 2\n')).config)).not.toBe(base);
    const { config } = await smallConfig();
    expect(
      configHash({ ...config, models: [{ ...config.models[0]!, params: { temperature: 0.5 } }, config.models[1]!] }),
    ).not.toBe(base);
    expect(configHash({ ...config, models: [{ ...config.models[0]!, model: 'alpha-2' }, config.models[1]!] })).not.toBe(
      base,
    );
  });
});

describe('readPartial validation', () => {
  async function valid(): Promise<PartialFile> {
    const { config } = await smallConfig();
    return partialOf(await runShard(config, { index: 1, count: 2 }), { index: 1, count: 2 }, config);
  }
  const write = (text: string): string => {
    const path = join(tempDir(), 'shard-1.json');
    writeFileSync(path, text);
    return path;
  };

  it('names a missing file', async () => {
    await expect(readPartial(join(tempDir(), 'nope.json'), 'partials/nope.json')).rejects.toThrow(
      'partials/nope.json: no such partial file',
    );
  });

  it('refuses a file that is not JSON or not a partial', async () => {
    await expect(readPartial(write('{"partial": 1,'), 'p.json')).rejects.toThrow(
      /^p\.json: not a trackrecord partial file: not JSON/,
    );
    await expect(readPartial(write('[]'), 'p.json')).rejects.toThrow(
      /^p\.json: not a trackrecord partial file \(written by `trackrecord run --shard I\/N`\)/,
    );
    await expect(readPartial(write('{"schema":1}'), 'p.json')).rejects.toThrow(/not a trackrecord partial file/);
  });

  const edits: Array<[string, (p: Record<string, any>) => void, RegExp]> = [
    [
      'a newer version',
      (p) => (p['partial'] = 2),
      /^p\.json: partial: unsupported partial version 2 \(this trackrecord reads 1\)$/,
    ],
    ['no run id', (p) => delete p['run'].id, /^p\.json: run\.id: expected a string$/],
    [
      'a bad time',
      (p) => (p['finishedAt'] = 'yesterday'),
      /^p\.json: finishedAt: expected an ISO 8601 time with a zone, got "yesterday"$/,
    ],
    ['shard 0', (p) => (p['shard'].index = 0), /^p\.json: shard\.index: expected a whole number from 1 to 2$/],
    [
      'a shard past the count',
      (p) => (p['shard'].index = 3),
      /^p\.json: shard\.index: expected a whole number from 1 to 2$/,
    ],
    ['a bad config hash', (p) => (p['configHash'] = 'abc'), /^p\.json: configHash: expected 64 hex digits$/],
    ['models not a list', (p) => (p['models'] = {}), /^p\.json: models: expected an array$/],
    [
      'an observation of another model',
      (p) => (p['models'][1].observations[0].modelId = 'alpha'),
      /^p\.json: models\[1\]\.observations\[0\]\.modelId: "alpha" under model "beta"$/,
    ],
    [
      'a sample without output',
      (p) => delete p['models'][0].observations[2].samples[0].output,
      /^p\.json: models\[0\]\.observations\[2\]\.samples\[0\]\.output: expected a string or null$/,
    ],
    [
      'an unknown error category',
      (p) => (p['models'][0].observations[0].samples[0].error = { category: 'oops', status: null, message: 'x' }),
      /samples\[0\]\.error\.category: expected one of rate-limited, timeout, server, connection, auth, bad-response$/,
    ],
    [
      'a pass that is not a boolean',
      (p) => (p['models'][0].observations[0].samples[0].pass = 'yes'),
      /samples\[0\]\.pass: expected true, false or null$/,
    ],
  ];

  it.each(edits)('refuses %s, naming the file and the key path', async (_name, edit, message) => {
    const partial = JSON.parse(JSON.stringify(await valid())) as Record<string, any>;
    edit(partial);
    const path = write(JSON.stringify(partial));
    const error = await readPartial(path, 'p.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialError);
    expect((error as Error).message).toMatch(message);
  });

  it('writes the file whole: never a truncated partial beside the old one', async () => {
    const { config } = await smallConfig();
    const path = join(tempDir(), 'p.json');
    const outcome = await runShard(config, { index: 1, count: 1 });
    await writePartial(path, outcome, { index: 1, count: 1 });
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
    await expect(readPartial(path)).resolves.toMatchObject({ shard: { index: 1, count: 1 } });
  });
});
