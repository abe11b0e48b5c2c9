/**
 * Untrusted text (model answers above all, but also model and run names, fingerprints, prompt
 * keys) as HTML that renders as the same characters and nothing more. HTML has none of
 * markdown's autolinks or mentions, so escaping the five characters that mean something in
 * text and in quoted attributes is enough; invisible and direction-changing characters are
 * shown as code points as in the markdown report, so a text cannot read differently from what it is.
 */

import { cleanText, truncateText } from '../untrusted.js';

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
  const note = hidden > 0 ? `\n<span class="cut">… ${hidden} more line${hidden === 1 ? '' : 's'} not shown</span>` : '';
  return `${shown.join('\n')}${note}`;
}

/** `2023-06-14 09:30 UTC` from an ISO time; the text itself (escaped) when it is not one. */
export function dateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}${iso.endsWith('Z') ? ' UTC' : ''}` : inline(iso, 30);
}

export function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? inline(iso, 30);
}

/** Short, unique x-axis labels: month-day, with the time when a day has several runs. Plain text. */
export function axisLabels(startedAt: readonly string[]): string[] {
  const parts = startedAt.map((iso) => /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso));
  let labels = parts.map((m) => (m ? m[1]! : '?'));
  if (new Set(labels).size < labels.length) labels = parts.map((m) => (m ? `${m[1]} ${m[2]}` : '?'));
  if (new Set(labels).size < labels.length) labels = labels.map((l, i) => `${l} #${i + 1}`);
  return labels;
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A plain https URL that is safe to link as is (a workflow run's), else null. */
export function safeUrl(url: string | null): string | null {
  return url !== null && /^https:\/\/[\w.-]+(?::\d+)?(?:\/[\w.~%+/-]*)?$/.test(url) ? url : null;
}
