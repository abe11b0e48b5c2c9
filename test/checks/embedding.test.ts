import { describe, expect, it } from 'vitest';
import { cosine, evaluate, sameAnswer, type Vectors } from '../../src/checks/index.js';
import type { Comparison } from '../../src/config/types.js';

/** Unit vectors at an angle: their cosine is cos(angle), whatever the code computes it from. */
const at = (degrees: number, scale = 1): number[] => {
  const r = (degrees * Math.PI) / 180;
  return [scale * Math.cos(r), scale * Math.sin(r), 0];
};

const table =
  (entries: Record<string, number[]>): Vectors =>
  (text) =>
    entries[text];

describe('cosine', () => {
  it('is the cosine of the angle between the vectors, whatever their lengths', () => {
    for (const degrees of [0, 10, 37, 60, 90, 135, 180]) {
      expect(cosine(at(0, 3), at(degrees, 0.5))).toBeCloseTo(Math.cos((degrees * Math.PI) / 180), 12);
    }
  });

  it('is symmetric and matches the sum formula on a worked example', () => {
    const a = [1, 2, 3];
    const b = [4, -5, 6];
    // a·b = 4 - 10 + 18 = 12; |a| = √14; |b| = √77.
    expect(cosine(a, b)).toBeCloseTo(12 / Math.sqrt(14 * 77), 12);
    expect(cosine(b, a)).toBe(cosine(a, b));
  });

  it('is 0 against a zero vector, and refuses vectors of different lengths', () => {
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(() => cosine([1, 0], [1, 0, 0])).toThrow(/different lengths: 2 and 3/);
  });
});

describe('similar checks', () => {
  const prompt = (threshold: number) => ({
    expect: [{ kind: 'similar' as const, to: '  Paris   is the capital. ', threshold }],
    normalize: ['trim' as const, 'collapse-whitespace' as const],
  });
  // The reference is embedded as normalized: "Paris is the capital.".
  const vectors = table({ 'Paris is the capital.': at(0), paris: at(30), banana: at(80) });

  it('pass at and above the threshold, fail below it with the cosine', () => {
    const cos30 = Math.cos(Math.PI / 6); // 0.866
    expect(evaluate('paris', prompt(0.85), vectors)).toEqual({ pass: true, failures: [] });
    expect(evaluate('paris', prompt(cos30), vectors).pass).toBe(true);
    const below = evaluate('paris', prompt(0.9), vectors);
    expect(below.pass).toBe(false);
    expect(below.failures[0]).toBe('similar to "  Paris   is the capital. " (cosine >= 0.9): got 0.866 for "paris"');
    expect(evaluate('banana', prompt(0.5), vectors).pass).toBe(false);
  });

  it('fail, saying so, when the run has no vector for the answer', () => {
    expect(evaluate('kiwi', prompt(0.5), vectors).failures).toEqual([
      'similar to "  Paris   is the capital. " (cosine >= 0.5): no embedding to compare',
    ]);
    expect(evaluate('paris', prompt(0.5)).pass).toBe(false);
  });
});

describe('sameAnswer with compare: embedding', () => {
  const compare: Comparison = { kind: 'embedding', model: null, threshold: 0.9 };
  const vectors = table({ a: at(0), b: at(20), c: at(40) });

  it('counts answers as the same when their cosine reaches the threshold', () => {
    expect(sameAnswer('a', 'b', compare, vectors)).toBe(true); // cos 20° = 0.940
    expect(sameAnswer('a', 'c', compare, vectors)).toBe(false); // cos 40° = 0.766
    expect(sameAnswer('a', 'c', { ...compare, threshold: 0.76 }, vectors)).toBe(true);
  });

  it('without vectors, only equal answers are the same; no answer equals only no answer; empty is like nothing else', () => {
    expect(sameAnswer('a', 'zzz', compare, vectors)).toBe(false);
    expect(sameAnswer('zzz', 'zzz', compare)).toBe(true);
    expect(sameAnswer(null, 'a', compare, vectors)).toBe(false);
    expect(sameAnswer(null, null, compare, vectors)).toBe(true);
    expect(sameAnswer('', 'a', { ...compare, threshold: 0.01 }, vectors)).toBe(false);
  });
});
