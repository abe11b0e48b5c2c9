/** The checks: what the runner does with each output (extract, normalize, judge, compare). */
import type { PromptSpec } from '../config/types.js';
import { extract } from './extract.js';
import { normalize } from './normalize.js';

export { extract, parseJsonPath } from './extract.js';
export { normalize } from './normalize.js';
export { tokenF1, sameAnswer } from './similarity.js';
export { evaluate, expectationProblem, type Verdict } from './expect.js';
export { compileRegex } from './regex.js';

/** The answer a sample gives: the extracted text, normalized; null when nothing was extracted. */
export function answerOf(output: string, prompt: Pick<PromptSpec, 'extract' | 'normalize'>): string | null {
  const extracted = extract(output, prompt.extract);
  return extracted === null ? null : normalize(extracted, prompt.normalize);
}
