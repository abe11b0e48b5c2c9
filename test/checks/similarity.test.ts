import { describe, it, expect } from 'vitest';
import { sameAnswer, tokenF1 } from '../../src/checks/similarity.js';

describe('tokenF1', () => {
  it('is 1 for identical token multisets, ignoring case and punctuation', () => {
    expect(tokenF1('The cat sat.', 'the CAT sat')).toBe(1);
  });

  it('matches the SQuAD formula on a known pair', () => {
    // overlap 3, precision 3/3, recall 3/4: F1 = 2 * 1 * 0.75 / 1.75
    expect(tokenF1('the cat sat', 'the cat sat down')).toBeCloseTo((2 * 1 * 0.75) / 1.75, 10);
    expect(tokenF1('the cat sat', 'the cat sat down')).toBeCloseTo(0.857, 3);
  });

  it('is symmetric', () => {
    expect(tokenF1('a b c d', 'a b')).toBe(tokenF1('a b', 'a b c d'));
  });

  it('counts repeated tokens as a multiset', () => {
    // a: [the, the, the], b: [the]: overlap 1, P = 1/3, R = 1, F1 = 0.5
    expect(tokenF1('the the the', 'the')).toBeCloseTo(0.5, 10);
  });

  it('is 0 with no shared token', () => {
    expect(tokenF1('yes', 'no')).toBe(0);
  });

  it('treats texts without tokens as empty', () => {
    expect(tokenF1('', '')).toBe(1);
    expect(tokenF1('...', '')).toBe(1);
    expect(tokenF1('', 'word')).toBe(0);
    expect(tokenF1('word', '  ')).toBe(0);
  });

  it('tokenizes Unicode letters and digits', () => {
    expect(tokenF1('Größe 42', 'größe, 42!')).toBe(1);
    expect(tokenF1('東京', '東京')).toBe(1);
  });
});

describe('sameAnswer', () => {
  it('treats null as equal only to null', () => {
    expect(sameAnswer(null, null, { kind: 'exact' })).toBe(true);
    expect(sameAnswer(null, 'a', { kind: 'exact' })).toBe(false);
    expect(sameAnswer('', null, { kind: 'similarity', threshold: 0.1 })).toBe(false);
  });

  it('compares exactly with exact', () => {
    expect(sameAnswer('yes', 'yes', { kind: 'exact' })).toBe(true);
    expect(sameAnswer('yes', 'Yes', { kind: 'exact' })).toBe(false);
  });

  it('compares by token F1 against the threshold with similarity', () => {
    const compare = { kind: 'similarity', threshold: 0.8 } as const;
    expect(sameAnswer('the cat sat', 'the cat sat down', compare)).toBe(true); // 0.857
    expect(sameAnswer('the cat', 'the cat sat down', compare)).toBe(false); // 0.667
    expect(sameAnswer('a b c d', 'a b c d', { kind: 'similarity', threshold: 1 })).toBe(true);
  });
});
