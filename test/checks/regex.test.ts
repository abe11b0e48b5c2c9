import { describe, it, expect } from 'vitest';
import { compileRegex, firstMatch, matches, MAX_PROGRAM_SIZE } from '../../src/checks/regex.js';

describe('compileRegex', () => {
  it('returns the same compiled object for the same pattern and flags', () => {
    expect(compileRegex('a+b', 'i')).toBe(compileRegex('a+b', 'i'));
    expect(compileRegex('a+b', 'i')).not.toBe(compileRegex('a+b', ''));
  });

  it('says what is wrong with a pattern that does not compile', () => {
    expect(() => compileRegex('(unclosed', '')).toThrow('not valid RE2 syntax: missing closing ): `(unclosed`');
    expect(() => compileRegex('a', 'g')).toThrow('unknown flag "g"; flags are i, m, s and u');
  });

  it.each([
    ['\\[(yes|no)\\](?![\\s\\S]*\\[(?:yes|no)\\])', /^lookahead \(\?!\.\.\.\): .*no lookarounds.*greedy \[\\s\\S\]\*/],
    ['x(?=y)', /^lookahead \(\?=\.\.\.\): /],
    ['(?<=\\$)\\d+', /^lookbehind \(\?<=\.\.\.\): .*\(\?:\^\|\\P\{L\}\)/],
    ['(?<!a)b', /^lookbehind \(\?<!\.\.\.\): /],
    ['(a)\\1', /^backreference \\1: .*no backreferences/],
    ['(?<q>["\'])x\\k<q>', /^backreference \\k<\.\.\.>: /],
  ])('refuses %s, which has no linear-time match, with a hint', (pattern, message) => {
    expect(() => compileRegex(pattern, '')).toThrow(message);
  });

  it('takes lookalikes that are not lookarounds or backreferences', () => {
    expect(matches(compileRegex('[(?=]\\(\\?!', ''), '=(?!')).toBe(true);
    expect(firstMatch(compileRegex('(?<word>\\w+)', ''), 'hi there')?.[1]).toBe('hi');
  });

  it('reads JavaScript syntax: \\u escapes, [^], named groups and flags', () => {
    expect(matches(compileRegex('^caf\\u00e9$', ''), 'café')).toBe(true);
    expect(matches(compileRegex('a[^]b', ''), 'a\nb')).toBe(true);
    expect(matches(compileRegex('^a.b$', 's'), 'a\nb')).toBe(true);
    expect(matches(compileRegex('^b$', 'm'), 'a\nb\nc')).toBe(true);
    expect(matches(compileRegex('^YES$', 'iu'), 'yes')).toBe(true);
  });

  it('refuses a pattern that compiles to more than the largest program', () => {
    const huge = Array.from({ length: 5 }, () => '(\\w+\\s?){1000}').join('');
    expect(() => compileRegex(huge, '')).toThrow(new RegExp(`more than ${MAX_PROGRAM_SIZE}; shorten its repeats`));
  });
});

describe('matching', () => {
  it('gives the first match with its groups, undefined for groups that took no part', () => {
    const match = firstMatch(compileRegex('(a)?b|(c)', ''), 'xxc b');
    expect(match?.index).toBe(2);
    expect([...match!]).toEqual(['c', undefined, 'c']);
    expect(firstMatch(compileRegex('\\d+', ''), 'none')).toBeNull();
  });

  it('takes the last of several labels with a greedy prefix', () => {
    const last = compileRegex('[\\s\\S]*\\[(yes|no)\\]', 'i');
    expect(firstMatch(last, '[Yes] at first, but on reflection: [No].')?.[1]).toBe('No');
  });

  // Backtracking engines take exponential time here; the test's deadline is the assertion.
  it('returns at once on patterns that make a backtracking engine spin', { timeout: 5_000 }, () => {
    const sentence = 'Paris is the capital and the largest city of France, with two million people.';
    expect(matches(compileRegex('^(\\w+\\s?)*$', ''), sentence)).toBe(false);
    expect(matches(compileRegex('^(a+)+$', ''), `${'a'.repeat(100_000)}!`)).toBe(false);
    const answer = `${'[yes] '.repeat(100_000)}[no]`;
    expect(firstMatch(compileRegex('[\\s\\S]*\\[(yes|no)\\]', 'i'), answer)?.[1]).toBe('no');
  });
});
