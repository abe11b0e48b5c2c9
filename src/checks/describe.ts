import type { Expectation } from './types.js';

/** How long an expected value may read in a list of failing prompts. */
const MAX_EXPECTED = 120;

/**
 * What a check expects, in one short line: `"Paris"` for `equals`, `/^\d+$/` for `regex`,
 * `40..60` for a count. Expected values are the suite author's, not model output, but they are
 * still cut to a line: a JSON schema can be long.
 */
export function expectedText(e: Expectation): string {
  return cut(expected(e));
}

function expected(e: Expectation): string {
  switch (e.kind) {
    case 'equals':
    case 'contains':
    case 'not-contains':
      return JSON.stringify(e.value);
    case 'regex':
    case 'not-regex':
      return `/${e.pattern}/${e.flags}`;
    case 'one-of':
      return e.values.map((v) => JSON.stringify(v)).join(', ');
    case 'json-schema':
      return JSON.stringify(e.schema);
    case 'max-length':
      return `at most ${e.value} characters`;
    case 'min-length':
      return `at least ${e.value} characters`;
    case 'number':
      return e.tolerance === 0 ? String(e.equals) : `${e.equals} ± ${e.tolerance}`;
    case 'word-count':
    case 'line-count': {
      const unit = e.kind === 'word-count' ? 'words' : 'lines';
      if (e.max === null) return `at least ${e.min} ${unit}`;
      if (e.min === e.max) return `${e.min} ${unit}`;
      return e.min === 0 ? `at most ${e.max} ${unit}` : `${e.min} to ${e.max} ${unit}`;
    }
    case 'similar':
      return `cosine >= ${e.threshold} to ${JSON.stringify(e.to)}`;
  }
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_EXPECTED ? text : `${chars.slice(0, MAX_EXPECTED - 1).join('')}…`;
}
