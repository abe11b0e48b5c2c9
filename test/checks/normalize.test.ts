import { describe, it, expect } from 'vitest';
import { normalize } from '../../src/checks/normalize.js';

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
