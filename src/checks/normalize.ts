/**
 * Normalization makes answers comparable: the same steps run on the model's answer and
 * on every expected string, so `equals: "Yes"` with `lowercase` matches "yes".
 */
import type { NormalizeStep } from '../config/types.js';
import { unwrapEmphasis, unwrapLinks } from './markdown-inline.js';

// A Record over the union, so adding a step to NormalizeStep fails to compile here.
const STEPS: Record<NormalizeStep, (text: string) => string> = {
  trim: (text) => text.trim(),
  // Locale-independent on purpose: the same suite must give the same answers everywhere.
  lowercase: (text) => text.toLowerCase(),
  // \s covers Unicode spaces and every line terminator.
  'collapse-whitespace': (text) => text.replace(/\s+/g, ' '),
  // Unicode punctuation (\p{P}: . , ; : ! ? ' " - ( ) [ ] { } « » … and so on) only.
  // Symbols (\p{S}: $ + < = > ^ ` | ~ € ©, emoji) stay, since they can be the answer.
  // Note that "3.14" becomes "314" and "don't" becomes "dont".
  'strip-punctuation': (text) => text.replace(/\p{P}/gu, ''),
  'strip-markdown': stripMarkdown,
};

/** Applies `steps` in order, then always trims. */
export function normalize(text: string, steps: readonly NormalizeStep[]): string {
  let result = text;
  for (const step of steps) result = STEPS[step](result);
  return result.trim();
}

/**
 * Removes the Markdown a chatty model wraps answers in, keeping the text:
 * - code fences (``` or ~~~) are dropped, their content kept verbatim;
 * - line starts: blockquote `>` (nested too), heading `#` markers (and closing `#`s),
 *   list bullets `- `, `* `, `+ `, `1. `, `1) `; thematic breaks (`---`, `***`) vanish;
 * - inline: code spans keep their content verbatim, images become their alt text,
 *   links `[text](url)` become `text`, emphasis `**`, `__`, `*`, `_` is unwrapped
 *   (`_` only at word edges, so snake_case survives), stray backticks go.
 * Line-based: emphasis spanning lines and reference-style links are left alone.
 */
function stripMarkdown(text: string): string {
  const out: string[] = [];
  let fence: { char: string; length: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (fence === null) {
      const open = FENCE_OPEN.exec(line);
      if (open !== null) {
        const marker = open[1] ?? '```';
        fence = { char: marker.charAt(0), length: marker.length };
        continue;
      }
      out.push(stripInline(stripLineMarkers(line)));
    } else {
      const close = FENCE_CLOSE.exec(line);
      const marker = close?.[1];
      if (marker !== undefined && marker.charAt(0) === fence.char && marker.length >= fence.length) {
        fence = null;
        continue;
      }
      out.push(line); // code is content: no stripping inside fences
    }
  }
  return out.join('\n');
}

// A backtick fence's info string cannot contain backticks, so "```x```" on one line is
// an inline code span, not a fence.
const FENCE_OPEN = /^\s{0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^\s{0,3}(`{3,}|~{3,})\s*$/;

function stripLineMarkers(line: string): string {
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return ''; // thematic break
  let result = line.replace(/^\s*(?:>\s?)+/, '');
  const heading = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(result);
  if (heading !== null) {
    result = result.slice(heading[0].length).replace(/\s+#+\s*$/, '');
  }
  return result.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '');
}

// A run of backticks, then content, then the same run: CommonMark's code span.
const CODE_SPAN = /(`+)(.+?)\1/g;

function stripInline(line: string): string {
  let result = '';
  let last = 0;
  for (const span of line.matchAll(CODE_SPAN)) {
    result += stripEmphasisAndLinks(line.slice(last, span.index));
    result += span[2] ?? '';
    last = span.index + span[0].length;
  }
  return result + stripEmphasisAndLinks(line.slice(last));
}

function stripEmphasisAndLinks(text: string): string {
  let result = unwrapLinks(unwrapLinks(text, true), false);
  // Delimiters must hug non-space text, so "2 * 3 * 4" is left alone; `_` only at word edges.
  result = unwrapEmphasis(result, '**', false);
  result = unwrapEmphasis(result, '__', true);
  result = unwrapEmphasis(result, '*', false);
  result = unwrapEmphasis(result, '_', true);
  return result.replace(/`+/g, '');
}
