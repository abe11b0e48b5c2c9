/**
 * Model output (and anything else a server or a history file supplied) is untrusted text
 * wherever it is shown: PR comments, job summaries, report files. These helpers turn it into
 * markdown that renders as the same characters and nothing more: no HTML, no links, no
 * images, no @mentions, no issue references, no forged comment markers, no bidi tricks.
 */

import { cleanText, truncateText } from '../util/untrusted-text.js';
import { count } from '../util/numbers.js';

/** Zero-width space as a character reference: breaks mentions and autolinks, invisible when rendered. */
const ZWSP = '&#8203;';
const ZWSP_CHAR = '\u200b';

/** Characters with a meaning in HTML or (GitHub-flavored) markdown, as numeric references. */
const INLINE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '{': '&#123;',
  '}': '&#125;',
  '!': '&#33;',
  '`': '&#96;',
  '|': '&#124;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '#': '&#35;',
  '\\': '&#92;',
  $: '&#36;',
  ':': '&#58;',
  '^': '&#94;',
};
const INLINE_SPECIAL = /[&<>"'[\](){}!`|*_~#\\$:^]/g;

/**
 * Inserts a zero-width space where GitHub would otherwise link: after `@` (user and team
 * mentions, e-mail autolinks), inside `://` and `www.` (URL autolinks), after `#` and `GH-`
 * before an alphanumeric (issue references, which notify the referenced issue). GitHub finds
 * mentions and references in the rendered text, after character references are decoded, so an
 * escaped `@` alone would not be enough: the invisible character has to be there.
 */
function breakLinks(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP_CHAR}`)
    .replace(/:\/\//g, `:${ZWSP_CHAR}//`)
    .replace(/(www)\./gi, `$1${ZWSP_CHAR}.`)
    .replace(/#(?=[\p{L}\p{N}])/gu, `#${ZWSP_CHAR}`)
    .replace(/(gh)-(?=\d)/gi, `$1${ZWSP_CHAR}-`);
}

/**
 * Untrusted text for one line of markdown: a table cell, a list item, a sentence. Whitespace
 * (newlines included) collapses to single spaces; more than `max` characters are cut with `…`;
 * every character that HTML or markdown could read as syntax becomes a character reference, so
 * the text renders as itself: no tags, links, images, emphasis, code spans, table cells,
 * comment markers, mentions or autolinks.
 */
export function inlineText(text: string, max = 120): string {
  const flat = truncateText(cleanText(text).replace(/\s+/gu, ' ').trim(), max);
  let out = breakLinks(flat).replace(INLINE_SPECIAL, (c) => INLINE_ESCAPES[c]!);
  // At the start of a line these would begin a list, a heading rule or a numbered list.
  out = out
    .replace(/^([-+=])/, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^(\d+)([.)])(?=\s|$)/, (_m, n: string, d: string) => `${n}&#${d.charCodeAt(0)};`);
  return out.split(ZWSP_CHAR).join(ZWSP);
}

/**
 * Untrusted text as a markdown code span, on one line, cut at `max` characters. A code span
 * shows its text exactly as it is and reads no character references, so none are used: HTML,
 * links and mentions mean nothing inside one. Its fence is one backtick longer than any run of
 * backticks in the text. Not for table cells, where a `|` would still end the cell.
 */
export function codeSpan(text: string, max = 120): string {
  const flat = truncateText(cleanText(text).replace(/\s+/gu, ' ').trim(), max);
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A space inside each fence keeps a backtick at either end from joining it; markdown drops one of each.
  const pad = flat === '' || flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Untrusted multi-line text as an HTML `<pre>` block, e.g. inside a `<details>`. Every line is
 * escaped as in `inlineText`, so `</pre>`, `</details>` or a tag inside the text stays text, and
 * mentions and autolinks are broken. More than `maxLines` lines (or lines over `maxLineLength`
 * characters) are cut, with a note saying how much.
 *
 * The result starts with `<pre>` on its own line and ends with `</pre>`: put it on a line of its
 * own, with a blank line before and after when it is inside other HTML.
 */
export function blockText(text: string, maxLines = 20, maxLineLength = 400): string {
  const lines = cleanText(text).replace(/\n+$/, '').split('\n');
  const shown = lines.slice(0, Math.max(1, maxLines)).map((line) => truncateText(line.trimEnd(), maxLineLength));
  const hidden = lines.length - shown.length;
  // Markdown is not read inside an HTML block, but escape its syntax too, in case the block ends
  // up where a parser does not see one (indented in a list item, say).
  const body = shown.map((line) =>
    breakLinks(line)
      .replace(INLINE_SPECIAL, (c) => INLINE_ESCAPES[c]!)
      .split(ZWSP_CHAR)
      .join(ZWSP),
  );
  if (hidden > 0) body.push(`… ${count(hidden, 'more line')} not shown`);
  // The newline after <pre> is dropped by HTML parsers, so a leading blank line survives.
  return `<pre>\n${body.join('\n')}\n</pre>`;
}
