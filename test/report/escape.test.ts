import { describe, expect, it } from 'vitest';
import { blockText, codeSpan, inlineText } from '../../src/report/escape.js';
import { renderCheckComment } from '../../src/report/check-comment.js';
import { buildReport } from '../../src/report/data/report.js';
import { HistoryView } from '../../src/history/view.js';

/** What a browser shows for the escaped text: character references decoded, zero-width spaces dropped. */
function shown(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
  return html
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(amp|lt|gt|quot);/g, (_m, n: string) => named[n]!)
    .replace(/\u200b/g, '');
}

const NASTY = [
  '@octocat',
  '</details>',
  '<img src=x onerror=alert(1)>',
  '[click](https://evil.example)',
  '![x](https://evil.example/a.png)',
  '<!-- trackrecord -->',
  '`code` | pipe | `more`',
  '> quoted *bold* _it_ ~~gone~~ # heading \\| $x$',
  'see www.evil.example or http://evil.example and fixes #12, GH-7, a@b.example',
];

describe('inlineText', () => {
  it.each(NASTY)('renders %j as the same characters and nothing else', (text) => {
    const out = inlineText(text);
    expect(shown(out)).toBe(text);
    // Only character references and plain characters are left: no markup at all.
    const plain = out.replace(/&(#\d+|amp|lt|gt|quot);/g, '');
    expect(plain).not.toMatch(/[&<>"'[\]()!`|*_~#\\$]/);
  });

  it('breaks mentions, e-mail and URL autolinks and issue references with a zero-width space', () => {
    expect(inlineText('@octocat')).toBe('@&#8203;octocat');
    expect(inlineText('hi @github/security team')).toBe('hi @&#8203;github/security team');
    expect(inlineText('a@b.example')).not.toMatch(/@\w/);
    const urls = inlineText('https://evil.example http://x.example ftp://y www.evil.example WWW.EVIL.EXAMPLE');
    expect(urls).not.toMatch(/:\/\/|https?:|www\./i);
    expect(urls).toContain('https&#58;&#8203;//evil.example');
    expect(inlineText('fixes #12')).toBe('fixes &#35;&#8203;12');
    expect(inlineText('GH-7')).toBe('GH&#8203;-7');
  });

  it('cannot forge or close an HTML comment (such as the sticky comment marker)', () => {
    const out = inlineText('<!-- trackrecord --> and -->');
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('-->');
  });

  it('keeps a table row to its cells', () => {
    const cell = inlineText('a | b || c \\| d');
    expect(`| ${cell} | x |`.split('|')).toHaveLength(4);
  });

  it('escapes what would start a block at the start of a line', () => {
    expect(inlineText('> quote')).toMatch(/^&gt;/);
    expect(inlineText('- item')).toMatch(/^&#45; item/);
    expect(inlineText('+ item')).toMatch(/^&#43; item/);
    expect(inlineText('1. item')).toBe('1&#46; item');
    expect(inlineText('127.0.0.1 and 3) or 4.5')).toBe('127.0.0.1 and 3&#41; or 4.5');
    expect(inlineText('# title')).toMatch(/^&#35; title/);
  });

  it('collapses CR, LF and other whitespace to single spaces', () => {
    expect(inlineText('  one\r\ntwo\rthree\n\n\tfour  ')).toBe('one two three four');
  });

  it('shows bidi controls and other invisible characters as their code points', () => {
    const out = inlineText('abc\u202Etxt.exe\u2066x\u2069\u200F\u0000\u0007\ufeff');
    expect(shown(out)).toBe('abc<U+202E>txt.exe<U+2066>x<U+2069><U+200F><U+0000><U+0007><U+FEFF>');
    expect(shown(inlineText('a\u200b\u200c\u200d\u2060b\u{E0001}\u{E0067}\u{E007F}'))).toBe(
      'a<U+200B><U+200C><U+200D><U+2060>b<U+E0001><U+E0067><U+E007F>',
    );
    // Unpaired surrogates and letters that render blank too; ordinary text, tabs and emoji stay as they are.
    expect(shown(inlineText('x\ud800y\u3164z'))).toBe('x<U+D800>y<U+3164>z');
    expect(inlineText('caf\u00e9 😀')).toBe('caf\u00e9 😀');
  });

  it('cuts long text to max characters with an ellipsis, never half a character', () => {
    const long = 'word '.repeat(100);
    const out = inlineText(long, 50);
    expect(Array.from(shown(out)).length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
    const emoji = inlineText('😀'.repeat(10), 5);
    expect(emoji).toBe('😀😀😀😀…');
    expect(inlineText('short', 50)).toBe('short');
    // A cut never leaves half an escape: the limit counts characters, escaping comes after.
    expect(shown(inlineText('<'.repeat(200), 10))).toBe(`${'<'.repeat(9)}…`);
  });
});

describe('codeSpan', () => {
  it('shows the text exactly, with no character references (a code span does not decode them)', () => {
    expect(codeSpan('release_1.0')).toBe('`release_1.0`');
    expect(codeSpan('feat/<b>*x*</b> @octocat [a](b)')).toBe('`feat/<b>*x*</b> @octocat [a](b)`');
    expect(codeSpan('x\u200by\n z')).toBe('`x<U+200B>y z`');
  });

  it('fences backticks in the text with a longer run', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('``x``')).toBe('``` ``x`` ```');
    expect(codeSpan('')).toBe('`  `');
  });

  it('names the base branch in the pull request comment as it is', () => {
    const comment = renderCheckComment(buildReport(new HistoryView([])), 'release_1.0');
    expect(comment.split('\n')[0]).toBe('## trackrecord: this pull request against `release_1.0`');
  });
});

describe('blockText', () => {
  it('is one inert <pre> block: tags, comment markers and closing tags stay text', () => {
    const text = [
      '</pre></details><img src=x onerror=alert(1)>',
      '<!-- trackrecord -->',
      '<script>alert(1)</script> [click](https://evil.example) ![x](https://evil.example/a.png)',
      '@octocat www.evil.example `tick` | pipe',
    ].join('\n');
    const out = blockText(text);
    expect(out.startsWith('<pre>\n')).toBe(true);
    expect(out.endsWith('\n</pre>')).toBe(true);
    const inner = out.slice('<pre>\n'.length, -'\n</pre>'.length);
    expect(inner).not.toMatch(/[<>]/);
    expect(inner).not.toContain('@octocat');
    expect(inner).not.toMatch(/https?:\/\/|www\./);
    expect(shown(inner)).toBe(text);
  });

  it('normalizes CR/LF, shows bidi controls and keeps blank lines and tabs', () => {
    const out = blockText('one\r\n\r\nthree\rfour\u202E\tfive\u200b');
    expect(out).toBe('<pre>\none\n\nthree\nfour&lt;U+202E&gt;\tfive&lt;U+200B&gt;\n</pre>');
  });

  it('cuts to maxLines with a note of how many lines are not shown', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    const out = blockText(text, 20);
    const lines = out.split('\n');
    expect(lines).toContain('line 20');
    expect(lines).not.toContain('line 21');
    expect(out).toContain('… 10 more lines not shown');
    expect(blockText('a\nb', 1)).toContain('… 1 more line not shown');
    expect(blockText('a\nb\n\n')).toBe('<pre>\na\nb\n</pre>');
  });

  it('cuts very long lines', () => {
    const out = blockText('x'.repeat(5000));
    expect(out.length).toBeLessThan(500);
    expect(out).toContain('…');
  });
});
