/**
 * The `format`s a json-schema check enforces: those of ajv's own formats library (ajv-formats,
 * full mode), so `format: email` fails "definitely not an email" instead of being ignored.
 * Model output is untrusted and the library's regexes backtrack (its `url` is quadratic), so
 * each regex runs on the linear-time engine of every suite regex (regex.ts) where RE2 can run
 * it; the formats it cannot (lookaheads) or that the library checks in code read at most
 * MAX_FORMAT_CHARS characters, and a longer string fails its format.
 */
import type { Format, FormatDefinition } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { compileRegex, matches } from './regex.js';

/** Far above any date, address or name a format names; bounds the backtracking formats' time. */
export const MAX_FORMAT_CHARS = 4096;

/**
 * Formats the library accepts every value of (UI hints, or "any number"): a check naming one
 * would check nothing, so it is refused with what to write instead.
 */
const CHECK_NOTHING: Record<string, string> = {
  password: 'a hint to hide input; use minLength or pattern',
  binary: 'any string passes; use pattern or maxLength',
  float: 'any number passes; use "type: number"',
  double: 'any number passes; use "type: number"',
};

/** Why `format: name` cannot be a check, or null when it is enforced. */
export function formatProblem(name: string): string | null {
  const nothing = CHECK_NOTHING[name];
  if (nothing !== undefined) return `format "${name}" checks nothing (${nothing})`;
  if (!(name in FORMATS)) return `unknown format "${name}": the formats checked are ${FORMAT_NAMES.join(', ')}`;
  return null;
}

function linear(re: RegExp): ((s: string) => boolean) | null {
  try {
    const compiled = compileRegex(re.source, re.flags.replace(/[gu]/g, ''));
    return (s) => matches(compiled, s);
  } catch {
    return null;
  }
}

function bounded(test: (s: string) => boolean): (s: string) => boolean {
  return (s) => s.length <= MAX_FORMAT_CHARS && test(s);
}

type StringFormat = RegExp | ((s: string) => boolean);

function stringTest(format: StringFormat): (s: string) => boolean {
  if (typeof format === 'function') return bounded(format);
  return linear(format) ?? bounded((s) => format.test(s));
}

function enforced(format: Format): Format {
  if (format instanceof RegExp || typeof format === 'function') return stringTest(format as StringFormat);
  if (typeof format !== 'object') return format;
  // Number formats (int32, int64) read numbers, not text: no regex, nothing to bound.
  if ((format as { type?: string }).type === 'number') return format;
  const def = format as FormatDefinition<string>;
  return { ...def, validate: stringTest(def.validate as StringFormat) };
}

/** Every format ajv-formats checks, by name, as ajv's `formats` option takes them. */
export const FORMATS: Record<string, Format> = Object.fromEntries(
  Object.entries(fullFormats as Record<string, Format>)
    .filter(([name]) => !(name in CHECK_NOTHING))
    .map(([name, format]) => [name, enforced(format)]),
);

const FORMAT_NAMES = Object.keys(FORMATS);
