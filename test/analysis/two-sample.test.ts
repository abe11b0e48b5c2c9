import { describe, expect, it } from 'vitest';
import { kernelMatrix } from '../../src/analysis/hamming.js';
import { compareSamples, forEachSubset, poolSamples, sampleKind, splitDrawer } from '../../src/analysis/two-sample.js';
import { seededRandom } from '../../src/util/random.js';

/** MMD^2 straight from its definition, with the kernel over the pool's distinct values. */
function directMmd(first: (string | null)[], second: (string | null)[]): number {
  const values = [...new Set([...first, ...second])];
  const k = kernelMatrix(values);
  const at = (a: string | null, b: string | null) => k[values.indexOf(a)]![values.indexOf(b)]!;
  const mean = (as: (string | null)[], bs: (string | null)[]) =>
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

/** C(n, k) by the product formula, in floating point (exact for the small cases here). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

describe('poolSamples', () => {
  it('scores every split as the permutation tests need: -log P(counts) for answers, MMD^2 for text', () => {
    const random = seededRandom(8);
    for (let t = 0; t < 40; t++) {
      const answers = ['a', 'b', 'c', null];
      const pooled = Array.from({ length: 6 + Math.floor(random() * 10) }, () => answers[Math.floor(random() * 4)]!);
      const n = 1 + Math.floor(random() * (pooled.length - 1));
      const categorical = poolSamples(pooled.slice(0, n), pooled.slice(n), 'categorical');
      const text = poolSamples(pooled.slice(0, n), pooled.slice(n), 'text');
      const draw = splitDrawer(pooled.length, n, random);
      for (let d = 0; d < 5; d++) {
        const chosen = [...draw()];
        const first = chosen.map((i) => pooled[i]!);
        const second = pooled.filter((_, i) => !chosen.includes(i));
        // The multivariate hypergeometric probability of the first side's counts.
        let probability = 1 / choose(pooled.length, n);
        for (const v of new Set(pooled)) {
          const c = pooled.filter((x) => x === v).length;
          probability *= choose(c, first.filter((x) => x === v).length);
        }
        expect(categorical.statistic(chosen)).toBeCloseTo(-Math.log(probability), 8);
        expect(text.statistic(chosen)).toBeCloseTo(directMmd(first, second), 8);
      }
    }
  });
});

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
