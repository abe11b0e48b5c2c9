import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/analysis/fdr.js';
import { seededRandom } from '../../src/util/random.js';

/** R's p.adjust(p, "BH"): adjusted p(i) = min over j >= i of m p(j) / j; reject adjusted <= q. */
function adjustedBH(p: number[], q: number): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const adjusted: number[] = new Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    running = Math.min(running, (m * p[order[r]!]!) / (r + 1));
    adjusted[order[r]!] = running;
  }
  return adjusted.flatMap((a, i) => (a <= q ? [i] : []));
}

describe('benjaminiHochberg', () => {
  it('steps up: a larger p-value under its line rescues the smaller ones', () => {
    expect(benjaminiHochberg([0.02, 0.03, 0.2], 0.05)).toEqual([0, 1]);
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([0, 1, 2, 3]);
    expect(benjaminiHochberg([0.5, 0.6], 0.05)).toEqual([]);
  });

  it("agrees with R's adjusted p-values on random inputs", () => {
    const random = seededRandom(5);
    for (let t = 0; t < 200; t++) {
      const p = Array.from({ length: 1 + Math.floor(random() * 20) }, () => random() ** 3);
      expect(benjaminiHochberg(p, 0.05)).toEqual(adjustedBH(p, 0.05));
    }
  });

  it('counts only testable hypotheses', () => {
    // 62 answers that changed after 29 steady nights (p = 1/30) and 38 that could not have moved.
    const p = [...Array<number>(62).fill(1 / 30), ...Array<number>(38).fill(1)];
    expect(benjaminiHochberg(p, 0.05)).toEqual([]);
    const testable = p.map((x) => x < 1);
    expect(benjaminiHochberg(p, 0.05, testable)).toHaveLength(62);
  });
});
