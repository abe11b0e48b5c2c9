import { describe, expect, it } from 'vitest';
import { fisherFreemanHalton } from '../../src/analysis/exact.js';
import { binomialTail, detectableShift } from '../../src/analysis/power.js';

describe('detectableShift', () => {
  it('has closed forms where one new answer is enough', () => {
    // One sample against 29 steady ones: p = 1/30 <= 0.05, so power = delta.
    expect(detectableShift(1, 30, 0.05)).toBeCloseTo(0.8, 9);
    // Five samples against 145: one new answer gives p = 5/150; power = 1 - (1 - delta)^5.
    expect(detectableShift(5, 150, 0.05)).toBeCloseTo(1 - 0.2 ** (1 / 5), 9);
  });

  it('needs as many new answers as the exact test requires', () => {
    // Five samples against five: j = 4 new answers is the first with p <= 0.05.
    const ps = [1, 2, 3, 4].map((j) => fisherFreemanHalton([5 - j, j], [5, 0])!.p);
    expect(ps.map((p) => p <= 0.05)).toEqual([false, false, false, true]);
    const delta = detectableShift(5, 10, 0.05)!;
    expect(binomialTail(5, 4, delta)).toBeCloseTo(0.8, 9);
  });

  it('is null when the reference is too small to judge one prompt', () => {
    expect(detectableShift(1, 2, 0.05)).toBeNull();
    expect(detectableShift(1, 10, 0.05)).toBeNull();
  });

  it('binomialTail matches direct summation', () => {
    const direct = 10 * 0.3 ** 3 * 0.7 ** 2 + 5 * 0.3 ** 4 * 0.7 + 0.3 ** 5;
    expect(binomialTail(5, 3, 0.3)).toBeCloseTo(direct, 12);
  });
});
