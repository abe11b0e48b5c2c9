import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { lowestReliability } from '../../src/analysis/record-metrics.js';
import { reliabilitySvg, writeBadges } from '../../src/badge/index.js';
import { tempDir } from '../support/tmp.js';

const read = (path: string): string => readFileSync(path, 'utf8');

describe('lowestReliability', () => {
  it('skips models with no score unless none has one', () => {
    expect(lowestReliability([{ reliability: 0.9 }, { reliability: null }, { reliability: 0.8 }])).toBe(0.8);
    expect(lowestReliability([{ reliability: null }, { reliability: 0 }])).toBe(0);
    expect(lowestReliability([{ reliability: null }, { reliability: null }])).toBeNull();
    expect(lowestReliability([])).toBeNull();
  });
});

describe('writeBadges', () => {
  const models = [
    { id: 'gpt-4o', reliability: 0.972 },
    { id: 'llama-3.1-8b', reliability: 0.81 },
    { id: 'new-model', reliability: null },
  ];

  it('writes the main badge for the lowest score, badge.json, and one badge per model', async () => {
    const root = tempDir();
    const badgePath = join(root, '.trackrecord', 'badge.svg');
    const written = await writeBadges(badgePath, models);

    const dir = join(root, '.trackrecord');
    expect(written).toEqual([
      badgePath,
      join(dir, 'badge.json'),
      join(dir, 'badge-gpt-4o.svg'),
      join(dir, 'badge-llama-3.1-8b.svg'),
      join(dir, 'badge-new-model.svg'),
    ]);
    expect(readdirSync(dir).sort()).toEqual(
      ['badge-gpt-4o.svg', 'badge-llama-3.1-8b.svg', 'badge-new-model.svg', 'badge.json', 'badge.svg'].sort(),
    );

    const main = read(badgePath);
    expect(XMLValidator.validate(main)).toBe(true);
    expect(main).toBe(reliabilitySvg('reliability', 0.81));
    expect(main).toContain('>reliability<');
    expect(main).toContain('>81.0%<');

    const json = read(join(dir, 'badge.json'));
    expect(JSON.parse(json)).toEqual({ schemaVersion: 1, label: 'reliability', message: '81.0%', color: 'orange' });
    expect(json.endsWith('}\n')).toBe(true);

    const gpt = read(join(dir, 'badge-gpt-4o.svg'));
    expect(XMLValidator.validate(gpt)).toBe(true);
    expect(gpt).toContain('>gpt-4o<');
    expect(gpt).toContain('>97.2%<');
    expect(read(join(dir, 'badge-llama-3.1-8b.svg'))).toContain('>81.0%<');
    expect(read(join(dir, 'badge-new-model.svg'))).toContain('>no data<');
  });

  it('reads unavailable (grey) for a model whose run got no answer, on its badge and the main one, never its old score', async () => {
    const root = tempDir();
    const badgePath = join(root, 'badge.svg');
    const down = { requests: 24, answered: 0, share: 0 };
    const up = { requests: 24, answered: 24, share: 1 };
    await writeBadges(badgePath, [
      { id: 'gpt-4o', reliability: 0.972, availability: up },
      { id: 'dead-key', reliability: 1, availability: down },
    ]);
    expect(JSON.parse(read(join(root, 'badge.json')))).toEqual({
      schemaVersion: 1,
      label: 'reliability',
      message: 'unavailable',
      color: 'lightgrey',
    });
    expect(read(badgePath)).toBe(reliabilitySvg('reliability', 'unavailable'));
    expect(read(badgePath)).not.toMatch(/%</);
    expect(read(join(root, 'badge-dead-key.svg'))).toContain('>unavailable<');
    expect(read(join(root, 'badge-gpt-4o.svg'))).toContain('>97.2%<');

    // One answer is enough to show the score again.
    await writeBadges(badgePath, [{ id: 'dead-key', reliability: 1, availability: { ...down, answered: 1 } }]);
    expect(read(badgePath)).toContain('>100.0%<');
  });

  it('says no data on the main badge only when no model has a score', async () => {
    const root = tempDir();
    const badgePath = join(root, 'badge.svg');
    await writeBadges(badgePath, [
      { id: 'a', reliability: null },
      { id: 'b', reliability: null },
    ]);
    expect(read(badgePath)).toContain('>no data<');
    expect(JSON.parse(read(join(root, 'badge.json')))).toMatchObject({ message: 'no data', color: 'lightgrey' });
  });

  it('writes byte-identical files when rerun with the same scores', async () => {
    const root = tempDir();
    const badgePath = join(root, 'out', 'badge.svg');
    const first = await writeBadges(badgePath, models);
    const before = first.map(read);
    // Scribble over one so the rerun must actually rewrite it.
    writeFileSync(first[0]!, 'stale');
    const second = await writeBadges(
      badgePath,
      models.map((m) => ({ ...m })),
    );
    expect(second).toEqual(first);
    expect(second.map(read)).toEqual(before);
  });

  it('changes only the files whose number changed', async () => {
    const root = tempDir();
    const badgePath = join(root, 'badge.svg');
    const paths = await writeBadges(badgePath, models);
    const before = paths.map(read);
    await writeBadges(badgePath, [models[0]!, { id: 'llama-3.1-8b', reliability: 0.8 }, models[2]!]);
    const changed = paths.filter((p, i) => read(p) !== before[i]);
    expect(changed).toEqual([badgePath, join(root, 'badge.json'), join(root, 'badge-llama-3.1-8b.svg')]);
  });

  it('names the siblings after the badge path and keeps relative paths relative', async () => {
    const root = tempDir();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const written = await writeBadges('docs/reliability.svg', [{ id: 'm', reliability: 1 }]);
      expect(written).toEqual(['docs/reliability.svg', 'docs/reliability.json', 'docs/reliability-m.svg']);
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(join(root, 'docs')).sort()).toEqual([
      'reliability-m.svg',
      'reliability.json',
      'reliability.svg',
    ]);
  });

  it('refuses paths that are not .svg and ids that are not file-name safe', async () => {
    const root = tempDir();
    await expect(writeBadges(join(root, 'badge.png'), [])).rejects.toThrow(/\.svg/);
    await expect(writeBadges(join(root, 'badge.svg'), [{ id: '../x', reliability: 1 }])).rejects.toThrow(/model id/);
    await expect(
      writeBadges(join(root, 'badge.svg'), [
        { id: 'a', reliability: 1 },
        { id: 'a', reliability: 0.5 },
      ]),
    ).rejects.toThrow(/twice/);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('writeBadges after a drift beyond noise', () => {
  it('says drifted on the model that drifted and on the main badge, and is never green', async () => {
    const root = tempDir();
    const badgePath = join(root, 'badge.svg');
    await writeBadges(badgePath, [
      { id: 'steady', reliability: 0.99, drift: { significant: false } },
      { id: 'moved', reliability: 0.97, drift: { significant: true } },
    ]);
    expect(JSON.parse(read(join(root, 'badge.json')))).toEqual({
      schemaVersion: 1,
      label: 'reliability',
      message: '97.0% · drifted',
      color: 'yellow',
    });
    expect(read(join(root, 'badge-moved.svg'))).toBe(reliabilitySvg('moved', 0.97, true));
    expect(read(join(root, 'badge-moved.svg'))).toContain('97.0% · drifted');
    expect(read(join(root, 'badge-steady.svg'))).toBe(reliabilitySvg('steady', 0.99));
    expect(read(join(root, 'badge-steady.svg'))).not.toContain('drifted');
  });
});
