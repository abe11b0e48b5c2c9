/**
 * Untrusted text (model answers above all, but also model and run names, fingerprints, prompt
 * keys) as HTML that renders as the same characters and nothing more. HTML has none of
 * markdown's autolinks or mentions, so escaping the five characters that mean something in
 * text and in quoted attributes is enough; invisible and direction-changing characters are
 * shown as code points as in the markdown report, so a text cannot read differently from what it is.
 */

import { cleanText, truncateText } from '../../util/untrusted-text.js';
import { count } from '../../util/numbers.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML text content or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Untrusted text on one line: whitespace collapsed, cut at `max` characters, escaped. */
export function inline(text: string, max = 120): string {
  return escapeHtml(truncateText(cleanText(text).replace(/\s+/gu, ' ').trim(), max));
}

/**
 * Untrusted multi-line text, escaped, for a `white-space: pre-wrap` element: at most `maxLines`
 * lines of at most `maxLineLength` characters, with a note of what was cut.
 */
export function block(text: string, maxLines = 20, maxLineLength = 400): string {
  const lines = cleanText(text).replace(/\n+$/, '').split('\n');
  const shown = lines
    .slice(0, Math.max(1, maxLines))
    .map((line) => escapeHtml(truncateText(line.trimEnd(), maxLineLength)));
  const hidden = lines.length - shown.length;
  const note = hidden > 0 ? `\n<span class="cut">… ${count(hidden, 'more line')} not shown</span>` : '';
  return `${shown.join('\n')}${note}`;
}
