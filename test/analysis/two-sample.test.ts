import { describe, expect, it } from 'vitest';
import { kernelMatrix } from '../../src/analysis/hamming.js';
import { compareSamples, forEachSubset, poolSamples, sampleKind } from '../../src/analysis/two-sample.js';

/** MMD^2 straight from its definition, with the kernel over the pool's distinct values. */
function directMmd(first: string[], second: string[]): number {
  const values = [...new Set([...first, ...second])];
  const k = kernelMatrix(values);
  const at = (a: string, b: string) => k[values.indexOf(a)]![values.indexOf(b)]!;
  const mean = (as: string[], bs: string[]) =>
    as.reduce((s, a) => s + bs.reduce((t, b) => t + at(a, b), 0), 0) / (as.length * bs.length);
  return mean(first, first) + mean(second, second) - 2 * mean(first, second);
}

/** The exact permutation p-value by enumerating every split with the definition above. */
function bruteForceText(first: string[], second: string[]): number {
  const pool = [...first, ...second];
  const observed = directMmd(first, second);
  let extreme = 0;
  let splits = 0;
  forEachSubset(pool.length, first.length, (chosen) => {
    const a = chosen.map((i) => pool[i]!);
    const b = pool.filter((_, i) => !chosen.includes(i));
    splits += 1;
    if (directMmd(a, b) >= observed - 1e-9) extreme += 1;
  });
  return extreme / splits;
}

const prose = [
  'The refund window is thirty days from delivery.',
  'You have 30 days after delivery to ask for a refund.',
  'Refunds can be requested within thirty days of delivery.',
  'Customers may request a refund up to 30 days after delivery.',
];
const terse = ['30', '30 days.', 'Thirty.', '30 days'];

describe('compareSamples', () => {
  it('uses the exact test on repeated answers', () => {
    const r = compareSamples(['no', 'no', 'no'], ['yes', 'yes', 'yes', 'yes', 'no']);
    expect(r.kind).toBe('categorical');
    expect(r.exact).toBe(true);
    // Pool: 4 yes, 4 no; tonight 3. P(x yes tonight) = C(4, x) C(4, 3 - x) / 56 = 4, 24, 24, 4 (/56);
    // the observed x = 0 and the equally unlikely x = 3 make p = 8/56.
    expect(r.p).toBeCloseTo(8 / 56, 12);
  });

  it('uses the Hamming MMD on free text, exact when the splits are few', () => {
    const r = compareSamples(terse.slice(0, 3), prose, 'auto');
    expect(r.kind).toBe('text');
    expect(r.exact).toBe(true);
    expect(r.statistic).toBeCloseTo(directMmd(terse.slice(0, 3), prose), 9);
    expect(r.p).toBeCloseTo(bruteForceText(terse.slice(0, 3), prose), 12);
    expect(r.p).toBeCloseTo(1 / 35, 12); // the observed split is the most extreme of C(7, 3) = 35
  });

  it('gives a Monte Carlo p-value close to the exact one, and never below 1/(B+1)', () => {
    const a = [prose[0]!, terse[1]!, prose[2]!, terse[0]!];
    const b = [...prose.slice(1), ...terse.slice(1), 'Within 30 days.', 'Thirty days, from delivery.'];
    const exact = bruteForceText(a, b); // C(12, 4) = 495 splits
    const mc = compareSamples(a, b, 'text', { permutations: 299, seed: 3 });
    expect(mc.exact).toBe(false);
    expect(Math.abs(mc.p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 300) + 2 / 300);
    expect(compareSamples(terse, prose, 'text', { permutations: 9, seed: 1 }).p).toBeGreaterThanOrEqual(0.1);
  });

  it('calls a constant pool unremarkable', () => {
    expect(compareSamples(['a'], ['a', 'a']).p).toBe(1);
    expect(poolSamples(['a'], ['a', 'a']).constant).toBe(true);
  });

  it('chooses the kind from the pool alone', () => {
    expect(sampleKind(['a', 'a', 'b', 'b'])).toBe('categorical');
    expect(sampleKind(['a', 'b', 'c', 'c'])).toBe('text');
    expect(sampleKind([null, null])).toBe('categorical');
  });
});
