import { describe, expect, it } from 'vitest';
import { unwrapEmphasis, unwrapLinks } from '../../src/checks/markdown-inline.js';
import { normalize } from '../../src/checks/normalize.js';
import { seededRandom } from '../../src/util/random.js';

// The regexes strip-markdown used, kept here as the reference the scanners must agree with.
const reference: Array<[string, (text: string) => string, RegExp]> = [
  ['images', (t) => unwrapLinks(t, true), /!\[([^\]]*)\]\([^)]*\)/g],
  ['links', (t) => unwrapLinks(t, false), /\[([^\]]*)\]\([^)]*\)/g],
  ['**', (t) => unwrapEmphasis(t, '**', false), /\*\*(?=\S)(.+?)(?<=\S)\*\*/g],
  ['__', (t) => unwrapEmphasis(t, '__', true), /(?<![\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu],
  ['*', (t) => unwrapEmphasis(t, '*', false), /\*(?=\S)(.+?)(?<=\S)\*/g],
  ['_', (t) => unwrapEmphasis(t, '_', true), /(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu],
];

// Every character the patterns treat differently: delimiters, brackets, letters in and out of
// the BMP, digits, spaces (ASCII and not) and each line break `.` stops at.
const ALPHABET = [
  '*',
  '*',
  '_',
  '_',
  '[',
  ']',
  '(',
  ')',
  '!',
  'a',
  'é',
  '𝐀',
  '1',
  ' ',
  '\t',
  '\u00a0',
  '\r',
  '\u2028',
  '\u007f',
  '\u0001',
];

describe('the inline Markdown scanners', () => {
  it.each(reference)('give what the %s regex gives, on 5,000 random texts', (_name, scan, regex) => {
    const random = seededRandom(7);
    for (let n = 0; n < 5_000; n++) {
      const length = Math.floor(random() * 14);
      const text = Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      expect(scan(text), JSON.stringify(text)).toBe(text.replace(regex, '$1'));
    }
  });

  it('read a 256 KB line with no closers within the deadline', { timeout: 10_000 }, async () => {
    // Each took the regexes 6 to 26 s at 100 KB, growing with the square of the length.
    for (const opener of ['__a ', '*a ', '_a ', '[a', '![a', '[a](b']) {
      const line = opener.repeat(Math.ceil(256_000 / opener.length));
      expect(normalize(line, ['strip-markdown'])).toBe(line.trim());
      await new Promise((resolve) => setImmediate(resolve)); // lets the deadline fire between texts
    }
  });
});
