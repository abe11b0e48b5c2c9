/**
 * One shared, cached way to compile and run the regexes that suites declare (extractors and
 * regex expectations). They run on RE2 (the re2js port), whose matching time grows linearly
 * with the text: model output is untrusted, and a backtracking engine lets one pattern like
 * `^(\w+\s?)*$` spin forever on an ordinary sentence. Patterns are written as in JavaScript
 * and translated; what RE2 cannot run in linear time (lookarounds, backreferences) is
 * refused when the suite loads, with a hint, never met during a run.
 */
import { RE2JS } from 're2js';
import { errorMessage } from '../util/values.js';

export type Regex = RE2JS;

/** The suite flags: `u` is accepted for JavaScript habits; RE2 always matches by code point. */
const FLAGS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  u: 0,
};

/**
 * The largest compiled pattern accepted. Matching is linear in the text, times the size of the
 * pattern: this keeps the product bounded (a list of two thousand words compiles to about
 * 10,000 instructions), while `{1000}` repeats of groups are refused.
 */
export const MAX_PROGRAM_SIZE = 20_000;

// Keyed by flags then pattern: flags never contain '/', so the key is unambiguous.
// Unbounded on purpose: patterns come from the config, not from model output.
const cache = new Map<string, Regex>();

/** Compiles `pattern` with `flags` once; throws an Error saying what is wrong and what to write instead. */
export function compileRegex(pattern: string, flags: string): Regex {
  const key = `${flags}/${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    re = compile(pattern, flags);
    cache.set(key, re);
  }
  return re;
}

function compile(pattern: string, flags: string): Regex {
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAGS[flag];
    if (bit === undefined) throw new Error(`unknown flag "${flag}"; flags are i, m, s and u`);
    bits |= bit;
  }
  const unsupported = unsupportedSyntax(pattern);
  if (unsupported !== null) throw new Error(unsupported);
  let re: Regex;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
  } catch (err) {
    throw new Error(`not valid RE2 syntax: ${errorMessage(err).replace(/^error parsing regexp: /, '')}`);
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) {
    throw new Error(
      `pattern too large: it compiles to ${re.programSize()} instructions, more than ${MAX_PROGRAM_SIZE}; shorten its repeats`,
    );
  }
  return re;
}

const LINEAR = 'regexes run in linear time (RE2 syntax), which has no lookarounds and no backreferences';

/**
 * Lookarounds and backreferences, outside character classes, named in words: RE2's own
 * message for `(?<=` is "invalid named capture".
 */
function unsupportedSyntax(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `backreference \\${next}: ${LINEAR}`;
      if (!inClass && next === 'k' && pattern[i + 2] === '<') return `backreference \\k<...>: ${LINEAR}`;
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!')) {
        return `lookahead (?${rest[0]}...): ${LINEAR}; to take the last match, start the pattern with a greedy [\\s\\S]*, and to require what follows, match it`;
      }
      if (rest === '<=' || rest === '<!') {
        return `lookbehind (?${rest}...): ${LINEAR}; match what comes before instead, e.g. (?:^|\\P{L}) for "not after a letter"`;
      }
    }
  }
  return null;
}

/** A match as RegExp's exec gives it: the whole match, then each group (undefined when it took no part). */
export type Match = ReadonlyArray<string | undefined> & { readonly 0: string; readonly index: number };

/** The first match of `re` in `text`. */
export function firstMatch(re: Regex, text: string): Match | null {
  return re.exec(text) as Match | null;
}

/** Whether `re` matches anywhere in `text`; faster than `firstMatch` when the match itself is not needed. */
export function matches(re: Regex, text: string): boolean {
  return re.test(text);
}
