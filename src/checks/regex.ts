/**
 * One shared, cached way to compile and run the regexes that suites declare
 * (extractors and regex expectations), so each pattern is compiled once per process.
 */

// Keyed by flags then pattern: flags never contain '/', so the key is unambiguous.
// Unbounded on purpose: patterns come from the config, not from model output.
const cache = new Map<string, RegExp>();

/** Compiles `pattern` with `flags` once; throws the engine's SyntaxError when invalid. */
export function compileRegex(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    re = new RegExp(pattern, flags);
    cache.set(key, re);
  }
  return re;
}

/**
 * The first match of `re` in `text`. Resets `lastIndex` first because the RegExp is
 * shared through the cache: with a `g` or `y` flag, a previous call would otherwise
 * make this one start mid-string.
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const match = re.exec(text);
  re.lastIndex = 0;
  return match;
}
