import { describe, expect, it } from 'vitest';
import { fisherFreemanHalton, logChoose } from '../../src/analysis/exact.js';
import { forEachSubset } from '../../src/analysis/two-sample.js';
import { seededRandom } from '../../src/util/random.js';

/** Exact p by brute force: every way to pick tonight's n items from the pool, equally likely. */
function bruteForce(tonight: number[], reference: number[]): { p: number; minP: number } {
  const items = tonight.flatMap((x, k) => Array<number>(x + reference[k]!).fill(k));
  const n = tonight.reduce((a, b) => a + b, 0);
  const probabilityOf = new Map<string, number>();
  let subsets = 0;
  forEachSubset(items.length, n, (chosen) => {
    const counts = tonight.map(() => 0);
    for (const i of chosen) counts[items[i]!]! += 1;
    const key = counts.join(',');
    probabilityOf.set(key, (probabilityOf.get(key) ?? 0) + 1);
    subsets += 1;
  });
  const observed = probabilityOf.get(tonight.join(','))!;
  let p = 0;
  let min = Infinity;
  for (const count of probabilityOf.values()) {
    if (count <= observed) p += count;
    min = Math.min(min, count);
  }
  let minP = 0;
  for (const count of probabilityOf.values()) if (count === min) minP += count;
  return { p: p / subsets, minP: minP / subsets };
}

describe('fisherFreemanHalton', () => {
  it("gives Fisher's tea-tasting value: two-sided 34/70 = 0.4857", () => {
    // Fisher (1935): 4 cups milk first, 4 tea first, 3 of each guessed right.
    const r = fisherFreemanHalton([3, 1], [1, 3])!;
    expect(r.p).toBeCloseTo(34 / 70, 12);
    expect(r.p.toFixed(4)).toBe('0.4857');
    // The one-sided tail P(X >= 3) is 17/70 = 0.2429; the most extreme tables are 0 and 4 right.
    expect(r.minP).toBeCloseTo(2 / 70, 12);
  });

  it('matches the closed form of the two-sided 2 x 2 test (the dieting example, R: 0.002759)', () => {
    // Men: 1 dieting, 11 not; women: 9 dieting, 3 not. P(x) = C(10, x) C(14, 12 - x) / C(24, 12).
    const prob = (x: number) => Math.exp(logChoose(10, x) + logChoose(14, 12 - x) - logChoose(24, 12));
    const observed = prob(1);
    let closed = 0;
    for (let x = 0; x <= 10; x++) if (prob(x) <= observed * (1 + 1e-9)) closed += prob(x);
    const r = fisherFreemanHalton([1, 11], [9, 3])!;
    expect(r.p).toBeCloseTo(closed, 12);
    expect(r.p.toFixed(6)).toBe('0.002759');
  });

  it('matches brute-force enumeration of every split on random small 2 x K tables', () => {
    const random = seededRandom(13);
    for (let t = 0; t < 60; t++) {
      const k = 2 + Math.floor(random() * 3);
      const tonight = Array.from({ length: k }, () => Math.floor(random() * 3));
      const reference = Array.from({ length: k }, () => Math.floor(random() * 5));
      if (tonight.reduce((a, b) => a + b, 0) === 0) tonight[0] = 1;
      const r = fisherFreemanHalton(tonight, reference)!;
      const b = bruteForce(tonight, reference);
      expect(r.p).toBeCloseTo(b.p, 10);
      expect(r.minP).toBeCloseTo(b.minP, 10);
    }
  });

  it('gives 1/N to a steady answer that changes with one sample, and p = 1 for a repeat', () => {
    expect(fisherFreemanHalton([0, 1], [29, 0])!.p).toBeCloseTo(1 / 30, 12);
    expect(fisherFreemanHalton([1], [29])!.p).toBeCloseTo(1, 12);
    // Alternating between two answers: the new sample is unremarkable.
    expect(fisherFreemanHalton([0, 1], [15, 14])!.p).toBeCloseTo(1, 12);
  });

  it('declines tables too many to enumerate', () => {
    expect(fisherFreemanHalton([3, 3, 3, 3], [9, 9, 9, 9], 10)).toBeNull();
  });
});
