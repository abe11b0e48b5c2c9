/**
 * Normalization makes answers comparable: the same steps run on the model's answer and
 * on every expected string, so `equals: "Yes"` with `lowercase` matches "yes".
 */
import type { NormalizeStep } from './types.js';
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
  if (isThematicBreak(line)) return '';
  let result = line.replace(/^\s*(?:>\s?)+/, '');
  const heading = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(result);
  if (heading !== null) {
    result = withoutClosingHashes(result.slice(heading[0].length));
  }
  return result.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '');
}

// The two line markers below are found by scanning, not by the regexes that say the same
// (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/ and /\s+#+\s*$/): a backtracking engine takes time
// quadratic or worse in a line of model output like "- - - ... x" or "# a" and spaces.

/** A line of three or more `-`, `*` or `_` (one kind), spaces between, indented at most 3. */
function isThematicBreak(line: string): boolean {
  const start = line.length - line.trimStart().length;
  const mark = line[start];
  if (start > 3 || (mark !== '-' && mark !== '*' && mark !== '_')) return false;
  let marks = 0;
  for (let i = start; i < line.length; i++) {
    if (line[i] === mark) marks += 1;
    else if (!SPACE.test(line[i]!)) return false;
  }
  return marks >= 3;
}

/** A heading's text without its closing run of `#`s (which needs a space before it) and what trails it. */
function withoutClosingHashes(text: string): string {
  const end = text.trimEnd().length;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes -= 1;
  if (hashes === end || hashes === 0 || !SPACE.test(text[hashes - 1]!)) return text;
  return text.slice(0, hashes).trimEnd();
}

const SPACE = /\s/;

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
