import { describe, it, expect } from 'vitest';
import { compileRegex, firstMatch } from '../../src/checks/regex.js';

describe('compileRegex', () => {
  it('returns the same compiled object for the same pattern and flags', () => {
    expect(compileRegex('a+b', 'i')).toBe(compileRegex('a+b', 'i'));
    expect(compileRegex('a+b', 'i')).not.toBe(compileRegex('a+b', ''));
  });

  it('throws the engine SyntaxError for an invalid pattern', () => {
    expect(() => compileRegex('(unclosed', '')).toThrow(SyntaxError);
  });
});

describe('firstMatch', () => {
  it('always starts from the beginning, even with a shared global regex', () => {
    const re = compileRegex('\\d+', 'g');
    expect(firstMatch(re, 'a 1 b 2')?.[0]).toBe('1');
    expect(firstMatch(re, 'a 1 b 2')?.[0]).toBe('1');
    expect(firstMatch(re, 'none')).toBeNull();
  });
});
