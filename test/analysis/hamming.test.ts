import { describe, expect, it } from 'vitest';
import { hammingKernel, kernelMatrix, mmdSquared } from '../../src/analysis/hamming.js';
import { seededRandom } from '../../src/util/random.js';

describe('hammingKernel', () => {
  it('counts matching positions over the padded length', () => {
    expect(hammingKernel('abcd', 'abxd', 4)).toBe(3 / 4);
    expect(hammingKernel('ab', 'abcd', 4)).toBe(2 / 4); // two matches, two pad-vs-letter mismatches
    expect(hammingKernel('ab', 'ab', 4)).toBe(1); // padding matches padding
    expect(hammingKernel('xy', 'ab', 4)).toBe(2 / 4); // only the padding agrees
    expect(hammingKernel('abcdef', 'abcxyz', 3)).toBe(1); // cut at L
    expect(hammingKernel(null, null, 4)).toBe(1);
    expect(hammingKernel(null, 'a', 4)).toBe(0);
  });

  it('is a positive semidefinite kernel on a pool (every Gram quadratic form is >= 0)', () => {
    const values = ['yes', 'no', 'maybe', 'yes!', 'nope', null, ''];
    const k = kernelMatrix(values);
    for (let trial = 0; trial < 50; trial++) {
      const c = values.map((_, i) => Math.sin(trial * 7 + i * 3));
      let q = 0;
      for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) q += c[i]! * c[j]! * k[i]![j]!;
      expect(q).toBeGreaterThanOrEqual(-1e-12);
    }
  });
});

describe('kernelMatrix', () => {
  it('holds hammingKernel of every pair, at L = the longest value (at most 256), nulls and empty texts too', () => {
    const random = seededRandom(3);
    const text = (n: number) =>
      Array.from({ length: n }, () => 'ab c\u00e9\u{1F600}'[Math.floor(random() * 6)]).join('');
    for (const longest of [0, 5, 40, 300]) {
      const values = [
        ...Array.from({ length: 12 }, () => text(Math.floor(random() * (longest + 1)))),
        null,
        '',
        text(longest),
      ];
      const length = Math.min(256, Math.max(...values.map((v) => v?.length ?? 0)));
      const k = kernelMatrix(values);
      values.forEach((x, i) => values.forEach((y, j) => expect(k[i]![j]).toBe(hammingKernel(x, y, length))));
    }
  });
});

describe('mmdSquared', () => {
  it('equals the definition: mean k(S,S) + mean k(R,R) - 2 mean k(S,R)', () => {
    const values = ['the cat sat', 'the cat sits', 'a dog ran', 'the dog ran'];
    const ids = [0, 1, 2, 3, 0, 2, 3];
    const kernel = kernelMatrix(values);
    const rowSums = ids.map((a) => ids.reduce((s, b) => s + kernel[a]![b]!, 0));
    const total = rowSums.reduce((s, r) => s + r, 0);
    const chosen = [1, 4, 6];
    const rest = ids.map((_, i) => i).filter((i) => !chosen.includes(i));
    const mean = (as: number[], bs: number[]) =>
      as.reduce((s, a) => s + bs.reduce((t, b) => t + kernel[ids[a]!]![ids[b]!]!, 0), 0) / (as.length * bs.length);
    const direct = mean(chosen, chosen) + mean(rest, rest) - 2 * mean(chosen, rest);
    expect(mmdSquared(chosen, ids, kernel, rowSums, total)).toBeCloseTo(direct, 12);
  });
});
