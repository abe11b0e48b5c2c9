/**
 * Pulls the answer out of a raw model output, before normalization.
 *
 * - `regex`: the first capture group that took part in the first match, or the whole
 *   match when the pattern has no group; null when nothing matches (or when the pattern
 *   has groups but none of them took part, e.g. `(a)?b` on "b": there is no answer).
 * - `json-path`: finds JSON in the output and applies a path (subset documented at
 *   `parseJsonPath`). Strings come back as-is, every other value as `JSON.stringify`.
 */
import type { Extractor } from './types.js';
import { compileRegex, firstMatch } from './regex.js';

export function extract(output: string, extractor: Extractor | null): string | null {
  if (extractor === null) return output;
  if (extractor.kind === 'regex') return extractRegex(output, extractor.pattern, extractor.flags);
  return extractJsonPath(output, extractor.path);
}

function extractRegex(output: string, pattern: string, flags: string): string | null {
  const match = firstMatch(compileRegex(pattern, flags), output);
  if (match === null) return null;
  if (match.length === 1) return match[0];
  // Alternations like `\[(yes)\]|\((yes)\)` put the answer in a later group.
  for (let i = 1; i < match.length; i++) {
    const group = match[i];
    if (group !== undefined) return group;
  }
  return null;
}

function extractJsonPath(output: string, path: string): string | null {
  const segments = cachedPath(path);
  const found = findJson(output);
  if (found === null) return null;
  const value = applyPath(found.value, segments);
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch (err) {
    // JSON.parse takes any depth, JSON.stringify recurses: '['.repeat(1e5) overflows the stack.
    if (err instanceof RangeError) throw new Error(`json-path ${JSON.stringify(path)}: the value is nested too deeply`);
    throw err;
  }
}

/**
 * Parses the supported JSON path subset into keys (strings) and array indexes (numbers):
 *
 *   `$`             the whole document (must come first)
 *   `.name`         an object member; the name runs up to the next `.` or `[`
 *   `['name']`      an object member, any characters; `\` escapes the next character
 *   `["name"]`      same, with double quotes
 *   `[0]`           an array element (non-negative integer)
 *
 * chained in any order, e.g. `$.choices[0]['final answer']`. Wildcards, recursive
 * descent, negative indexes, slices and filters are rejected with an Error whose
 * message names the path and the 1-based position of the problem.
 */
export function parseJsonPath(path: string): Array<string | number> {
  function fail(problem: string, index: number): never {
    throw new Error(`json-path ${JSON.stringify(path)}: ${problem} at position ${index + 1}`);
  }
  if (!path.startsWith('$')) fail("must start with '$'", 0);

  const segments: Array<string | number> = [];
  let i = 1;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      const next = path[i + 1];
      if (next === '.') fail("recursive descent '..' is not supported", i);
      if (next === '*') fail("wildcard '*' is not supported", i + 1);
      NAME.lastIndex = i + 1;
      const name = NAME.exec(path);
      if (name === null) fail("expected a name after '.'", i);
      segments.push(name[0]);
      i += 1 + name[0].length;
    } else if (ch === '[') {
      const open = i;
      i += 1;
      const quote = path[i];
      if (quote === "'" || quote === '"') {
        let name = '';
        i += 1;
        for (;;) {
          const c = path[i];
          if (c === undefined) fail('unclosed quote', open + 1);
          if (c === quote) break;
          if (c === '\\') {
            const escaped = path[i + 1];
            if (escaped === undefined) fail('unclosed quote', open + 1);
            name += escaped;
            i += 2;
          } else {
            name += c;
            i += 1;
          }
        }
        i += 1; // the closing quote
        segments.push(name);
      } else {
        INDEX.lastIndex = i;
        const digits = INDEX.exec(path);
        if (digits === null) {
          if (i >= path.length) fail('unclosed bracket', open);
          if (quote === '*') fail("wildcard '*' is not supported", i);
          fail("expected a non-negative index or a quoted name after '['", i);
        }
        const index = Number(digits[0]);
        if (!Number.isSafeInteger(index)) fail('index too large', i);
        segments.push(index);
        i += digits[0].length;
      }
      if (i >= path.length) fail('unclosed bracket', open);
      if (path[i] !== ']') fail("expected ']'", i);
      i += 1;
    } else {
      fail(`unexpected character ${JSON.stringify(ch)}`, i);
    }
  }
  return segments;
}

// Sticky, so they match exactly at lastIndex. Module-private: nothing else touches them.
const NAME = /[^.[\]'"*\s]+/y;
const INDEX = /\d+/y;

const parsedPaths = new Map<string, ReadonlyArray<string | number>>();

function cachedPath(path: string): ReadonlyArray<string | number> {
  let segments = parsedPaths.get(path);
  if (segments === undefined) {
    segments = parseJsonPath(path);
    parsedPaths.set(path, segments);
  }
  return segments;
}

/** undefined when the path leads nowhere (JSON.parse never yields undefined). */
function applyPath(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment] as unknown;
    } else {
      // Own members of plain objects only: no `length` of arrays, nothing inherited.
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

// A fenced block: opening fence, its info string, content, closing fence. Matching
// open and close together keeps a closing fence from being read as an opening one.
const FENCE = /```([^\n`]*)\n([\s\S]*?)```/g;

/**
 * The JSON a model put in its output, tried in order: the whole trimmed output; the
 * first ```json or unlabelled fenced block; the span from the first `{` to the last
 * `}` and from the first `[` to the last `]` (earliest start first). Boxed so that a
 * JSON `null` is distinguishable from "none found".
 */
function findJson(output: string): { value: unknown } | null {
  const whole = tryParse(output.trim());
  if (whole !== null) return whole;

  for (const fence of output.matchAll(FENCE)) {
    const info = (fence[1] ?? '').trim().toLowerCase();
    if (info !== '' && info !== 'json') continue;
    const fenced = tryParse(fence[2] ?? '');
    if (fenced !== null) return fenced;
    break; // only the first JSON-looking block counts
  }

  const spans: Array<[number, number]> = [];
  for (const [open, close] of [
    ['{', '}'],
    ['[', ']'],
  ] as const) {
    const start = output.indexOf(open);
    const end = output.lastIndexOf(close);
    if (start !== -1 && end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (const [start, end] of spans) {
    const spanned = tryParse(output.slice(start, end + 1));
    if (spanned !== null) return spanned;
  }
  return null;
}

function tryParse(text: string): { value: unknown } | null {
  if (text === '') return null;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}
