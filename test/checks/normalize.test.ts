import { describe, it, expect } from 'vitest';
import { normalize } from '../../src/checks/normalize.js';
import { seededRandom } from '../../src/util/random.js';

describe('normalize', () => {
  it('always trims, even with no steps', () => {
    expect(normalize('  Yes \n', [])).toBe('Yes');
  });

  it('trim', () => {
    expect(normalize('\t a b \n', ['trim'])).toBe('a b');
  });

  it('lowercase', () => {
    expect(normalize('ÉCOLE Paris', ['lowercase'])).toBe('école paris');
  });

  it('collapse-whitespace turns any whitespace run, newlines included, into one space', () => {
    expect(normalize('a  b\n\n\tc\u00a0 d', ['collapse-whitespace'])).toBe('a b c d');
  });

  it('strip-punctuation removes Unicode punctuation and keeps symbols', () => {
    expect(normalize('Well, it’s «yes»!', ['strip-punctuation'])).toBe('Well its yes');
    expect(normalize('$5 + 3 = 8 ~ ok', ['strip-punctuation'])).toBe('$5 + 3 = 8 ~ ok');
    expect(normalize('3.14', ['strip-punctuation'])).toBe('314');
  });

  it('applies steps in order', () => {
    // Collapsing before stripping leaves a double space where punctuation stood alone.
    expect(normalize('a - b', ['collapse-whitespace', 'strip-punctuation'])).toBe('a  b');
    expect(normalize('a - b', ['strip-punctuation', 'collapse-whitespace'])).toBe('a b');
  });

  it('combines lowercase and trim for yes/no answers', () => {
    expect(normalize('  YES ', ['trim', 'lowercase'])).toBe('yes');
  });
});

describe('normalize strip-markdown', () => {
  const md = (text: string) => normalize(text, ['strip-markdown']);

  it('drops code fences and keeps their content verbatim', () => {
    expect(md('```js\nconst a = *b* + _c_;\n```')).toBe('const a = *b* + _c_;');
    expect(md('~~~\n# not a heading\n~~~')).toBe('# not a heading');
  });

  it('removes inline code backticks and keeps the code as-is', () => {
    expect(md('Use `snake_*case*` here')).toBe('Use snake_*case* here');
    expect(md('one-line ```x = 1``` code')).toBe('one-line x = 1 code');
  });

  it('unwraps emphasis', () => {
    expect(md('**bold** and __strong__ and *it* and _em_ and ***both***')).toBe(
      'bold and strong and it and em and both',
    );
  });

  it('leaves snake_case and spaced asterisks alone', () => {
    expect(md('snake_case_name')).toBe('snake_case_name');
    expect(md('2 * 3 * 4')).toBe('2 * 3 * 4');
  });

  it('removes heading markers', () => {
    expect(md('# Title\n### Sub ###')).toBe('Title\nSub');
    expect(md('#hashtag')).toBe('#hashtag');
  });

  it('removes blockquote markers, nested too', () => {
    expect(md('> quoted\n> > deeper')).toBe('quoted\ndeeper');
  });

  it('removes list bullets at line starts', () => {
    expect(md('- one\n* two\n+ three\n1. four\n  2) five')).toBe('one\ntwo\nthree\nfour\nfive');
    expect(md('-5 degrees')).toBe('-5 degrees');
  });

  it('turns links into their text and images into their alt text', () => {
    expect(md('See [the docs](https://example.com/a_b) and ![a diagram](img.png).')).toBe(
      'See the docs and a diagram.',
    );
  });

  it('removes thematic breaks', () => {
    expect(md('above\n---\nbelow')).toBe('above\n\nbelow');
  });

  it('gives the bare answer of a chatty model when combined with other steps', () => {
    const output = '## Answer\n\n> **Yes**, it is *prime*.\n';
    expect(normalize(output, ['strip-markdown', 'collapse-whitespace', 'lowercase'])).toBe('answer yes, it is prime.');
  });
});

describe('strip-markdown line markers', () => {
  // The regexes the line markers were found with, kept as the reference the scanning must agree with.
  function reference(line: string): string {
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return '';
    let result = line.replace(/^\s*(?:>\s?)+/, '');
    const heading = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(result);
    if (heading !== null) result = result.slice(heading[0].length).replace(/\s+#+\s*$/, '');
    return result.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '').trim();
  }

  // Line markers and spaces (ASCII and not), but nothing inline Markdown would change.
  const ALPHABET = ['-', '-', '#', '#', '>', '+', '1', '.', ')', 'a', ' ', ' ', '\t', '\u00a0', '\r', '\u3000'];

  it('give what the regexes gave, on 20,000 random lines', () => {
    const random = seededRandom(5);
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(random() * 12);
      const line = Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      expect(normalize(line, ['strip-markdown']), JSON.stringify(line)).toBe(reference(line));
    }
  });

  it('remove breaks of each kind, and only breaks', () => {
    for (const line of ['***', ' * * *', '___', '   _ _\t_  ', '- - - -'])
      expect(normalize(`a\n${line}\nb`, ['strip-markdown'])).toBe('a\n\nb');
    for (const line of ['    ---', '*-*', '**', '-- x']) expect(reference(line)).not.toBe('');
  });

  it('read a 256 KB line of each hostile shape within the deadline', { timeout: 10_000 }, async () => {
    // The regexes took 6.6 s on 40 KB of the first two, growing with the square of the length or worse.
    const size = 256_000;
    const lines: Array<[string, string]> = [
      [`# a${' '.repeat(size)}x`, `a${' '.repeat(size)}x`],
      [`${'- '.repeat(size / 2)}x`, `${'- '.repeat(size / 2 - 1)}x`],
      [`# a${' #'.repeat(size / 2)}x`, `a${' #'.repeat(size / 2)}x`],
    ];
    for (const [line, expected] of lines) {
      expect(normalize(line, ['strip-markdown'])).toBe(expected);
      await new Promise((resolve) => setImmediate(resolve)); // lets the deadline fire between lines
    }
  });
});
