import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadLlmdriftRecordings } from '../../tools/replay/index.js';
import { PRIME_100, readPrimeLines, REPO_ROOT } from './helpers.js';

const MODELS = ['gpt-3.5-turbo-0301', 'gpt-3.5-turbo-0613', 'gpt-4-0314', 'gpt-4-0613'];

describe('data/llmdrift/prime-100.jsonl', () => {
  const lines = readPrimeLines();

  it('has 400 lines: the same 100 ids for each of the 4 models', () => {
    expect(lines).toHaveLength(400);
    const idsOf = (m: string) => lines.filter((l) => l.model === m).map((l) => l.id);
    const reference = idsOf(MODELS[0]!);
    expect(new Set(reference).size).toBe(100);
    for (const m of MODELS) expect(idsOf(m)).toEqual(reference);
  });

  it('is balanced 50/50 between primes and composites', () => {
    const labels = new Map(lines.map((l) => [l.id, l.ref_answer.toLowerCase()]));
    const values = [...labels.values()];
    expect(values.filter((v) => v === 'yes')).toHaveLength(50);
    expect(values.filter((v) => v === 'no')).toHaveLength(50);
  });

  it('is sorted by model, then id', () => {
    const keys = lines.map((l) => [MODELS.indexOf(l.model), l.id] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });

  it('loads as recordings keyed by query', async () => {
    const recordings = await loadLlmdriftRecordings(PRIME_100);
    expect(recordings).toHaveLength(400);
    expect(recordings[0]).toEqual({ model: lines[0]!.model, prompt: lines[0]!.query, output: lines[0]!.answer });
  });

  it('matches the example suite prompt for prompt', () => {
    const suite = parse(readFileSync(join(REPO_ROOT, 'examples', 'llmdrift', 'prime.yaml'), 'utf8')) as {
      name: string;
      prompts: Array<{ id: string; prompt: string; expect: Array<{ equals: string }> }>;
    };
    expect(suite.name).toBe('llmdrift-prime');
    expect(suite.prompts).toHaveLength(100);
    const byQuery = new Map(lines.map((l) => [l.query, l]));
    for (const p of suite.prompts) {
      const l = byQuery.get(p.prompt);
      expect(l, p.id).toBeDefined();
      expect(p.id).toBe(`prime-${/Is (\d+) a prime/.exec(p.prompt)?.[1]}`);
      expect(p.expect[0]?.equals).toBe(l?.ref_answer.toLowerCase());
    }
  });
});
