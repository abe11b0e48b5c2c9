/**
 * The inline Markdown that `strip-markdown` unwraps (links, images, emphasis), in one pass
 * over the text each. The regexes that said the same, with a lazy middle and lookarounds, take
 * time quadratic in the length of a line whose openers have no closer: a model's 100 KB line
 * of "**a " took 15 s. These scanners give exactly what those regexes gave, which
 * test/checks/markdown-inline.test.ts checks against them.
 */

const NONE = Number.MAX_SAFE_INTEGER;

/**
 * Replaces each `[text](url)` (with `image`, `![text](url)`) by its text, as
 * /!?\[([^\]]*)\]\([^)]*\)/g with '$1' would.
 */
export function unwrapLinks(text: string, image: boolean): string {
  const open = image ? '![' : '[';
  const nextBracket = nextIndexes(text, (p) => text[p] === ']');
  const nextParen = nextIndexes(text, (p) => text[p] === ')');
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (!text.startsWith(open, i)) continue;
    const close = nextBracket[i + open.length]!;
    if (close === NONE || text[close + 1] !== '(') continue;
    const end = nextParen[close + 2]!;
    if (end === NONE) continue;
    out += text.slice(last, i) + text.slice(i + open.length, close);
    last = end + 1;
    i = end;
  }
  return out + text.slice(last);
}

/**
 * Unwraps `delimiter content delimiter` where the content hugs both delimiters with non-space
 * and holds no line break, leftmost first and shortest content first, as
 * /D(?=\S)(.+?)(?<=\S)D/g with '$1' would. With `wordEdges`, the delimiters must also not touch
 * a letter, digit or underscore outside them, as (?<![\p{L}\p{N}_]) and (?![\p{L}\p{N}_]) say.
 */
export function unwrapEmphasis(text: string, delimiter: string, wordEdges: boolean): string {
  const k = delimiter.length;
  const closers = nextIndexes(
    text,
    (p) => p > 0 && text.startsWith(delimiter, p) && isNonSpace(text, p - 1) && !(wordEdges && isWordAt(text, p + k)),
  );
  const breaks = nextIndexes(text, (p) => isLineBreak(text.charCodeAt(p)));
  let out = '';
  let last = 0;
  for (let i = 0; i + k <= text.length; i++) {
    if (!text.startsWith(delimiter, i) || !isNonSpace(text, i + k)) continue;
    if (wordEdges && isWordBefore(text, i)) continue;
    const close = closers[i + k + 1]!;
    if (close === NONE || close > breaks[i + k]!) continue;
    out += text.slice(last, i) + text.slice(i + k, close);
    last = close + k;
    i = last - 1;
  }
  return out + text.slice(last);
}

/** `result[p]`: the first index >= p where `holds`, or NONE; defined for p in 0..length+1. */
function nextIndexes(text: string, holds: (p: number) => boolean): Float64Array {
  const result = new Float64Array(text.length + 2).fill(NONE);
  for (let p = text.length - 1; p >= 0; p--) result[p] = holds(p) ? p : result[p + 1]!;
  return result;
}

const SPACE = /\s/;
const WORD = /[\p{L}\p{N}_]/u;

/** What `.` does not match. */
function isLineBreak(unit: number): boolean {
  return unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029;
}

/** \S, with ASCII decided without a regex: this runs for every character. */
function isNonSpace(text: string, p: number): boolean {
  if (p >= text.length) return false;
  const unit = text.charCodeAt(p);
  if (unit < 0x80) return unit !== 0x20 && (unit < 0x09 || unit > 0x0d);
  return !SPACE.test(text[p]!);
}

/** Whether the code point starting at `p` is a letter, digit or underscore. */
function isWordAt(text: string, p: number): boolean {
  const cp = text.codePointAt(p);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
}

/** Whether the code point ending just before `p` is a letter, digit or underscore. */
function isWordBefore(text: string, p: number): boolean {
  if (p === 0) return false;
  const low = text.charCodeAt(p - 1);
  const start = p >= 2 && low >= 0xdc00 && low <= 0xdfff && isHigh(text.charCodeAt(p - 2)) ? p - 2 : p - 1;
  return isWordAt(text, start);
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
