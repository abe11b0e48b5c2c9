/** The checks: what the runner does with each output (extract, normalize, judge, compare). */
import type { CheckedPrompt } from './types.js';
import type { Vectors } from './embedding.js';
import { evaluate, similarLabel, type Verdict } from './expect.js';
import { extract } from './extract.js';
import { normalize } from './normalize.js';
import { grouped } from '../util/numbers.js';
import { errorMessage } from '../util/values.js';

export { extract, parseJsonPath } from './extract.js';
export { normalize } from './normalize.js';
export { tokenF1, sameAnswer } from './similarity.js';
export { cosine, similarTargets, type Vector, type Vectors } from './embedding.js';
export { evaluate, expectationProblem, jsonSchemaProblem, type Verdict } from './expect.js';
export { MAX_FORMAT_CHARS } from './formats.js';
export { compileRegex } from './regex.js';
export { expectedText } from './describe.js';

/**
 * The most characters of one output that checks read. Every check is linear in the text (see
 * regex.ts), and this bounds the text: a longer output fails its checks instead of stalling
 * the run. Well above the longest answers a suite checks.
 */
export const MAX_CHECKED_CHARS = 1_048_576;

/**
 * The answer a sample gives: the extracted text, normalized; null when nothing was extracted.
 * Throws on an output longer than MAX_CHECKED_CHARS (the run records that sample as failing).
 * Well-formed like the output: JSON escapes and a regex can yield half of a surrogate pair.
 */
export function answerOf(output: string, prompt: Pick<CheckedPrompt, 'extract' | 'normalize'>): string | null {
  if (output.length > MAX_CHECKED_CHARS) {
    throw new Error(
      `the output is ${grouped(output.length)} characters long; checks read at most ${grouped(MAX_CHECKED_CHARS)}`,
    );
  }
  const extracted = extract(output, prompt.extract);
  return extracted === null ? null : normalize(extracted, prompt.normalize).toWellFormed();
}

/** The answer of an output, or null when checks cannot read it (see answerOf): the answer its sample was given. */
export function answerOrNull(output: string, prompt: Pick<CheckedPrompt, 'extract' | 'normalize'>): string | null {
  try {
    return answerOf(output, prompt);
  } catch {
    return null;
  }
}

/**
 * The answer and verdict of one output, as a run records it and as the drift test reads an
 * earlier output again. Checks read untrusted text, so whatever they throw (a JSON nested too
 * deep to serialize, an output longer than checks read) fails this sample with the reason, and
 * the run goes on. A prompt without `expect` keeps `pass: null`, so the pass rate still counts
 * only prompts with checks; the reason is kept all the same. An output stored by one night must
 * not stop the next. `truncated`: the output was cut (by the server for length, or at
 * max-output-kb); a failing verdict then says so, since its checks read a partial answer.
 */
export function judge(
  output: string,
  prompt: Pick<CheckedPrompt, 'extract' | 'normalize' | 'expect'>,
  vectors?: Vectors,
  truncated = false,
): Verdict & { answer: string | null } {
  let verdict: Verdict & { answer: string | null };
  try {
    const answer = answerOf(output, prompt);
    verdict = { answer, ...evaluate(answer, prompt, vectors) };
  } catch (err) {
    const reason = `checks could not run on this output: ${errorMessage(err).slice(0, MAX_REASON)}`;
    verdict = { answer: null, pass: prompt.expect.length > 0 ? false : null, failures: [reason] };
  }
  if (truncated && verdict.failures.length > 0) verdict.failures.push(TRUNCATED_NOTE);
  return verdict;
}

/**
 * `judge` again, for a verdict recorded elsewhere (a shard's partial file): the answer and every
 * check come from the output again, except `similar` checks, which need embeddings the merge does
 * not fetch; for those, the failure `recorded` for that check (if any) is kept.
 */
export function judgeAgain(
  output: string,
  prompt: Pick<CheckedPrompt, 'extract' | 'normalize' | 'expect'>,
  recorded: readonly string[],
  truncated = false,
): Verdict & { answer: string | null } {
  const whole = judge(output, prompt, undefined, truncated);
  if (!prompt.expect.some((e) => e.kind === 'similar') || whole.answer === null) return whole;
  const answer = whole.answer;
  const failures: string[] = [];
  try {
    for (const e of prompt.expect) {
      if (e.kind === 'similar') {
        const kept = recorded.find((f) => f.startsWith(`${similarLabel(e)}: `));
        if (kept !== undefined) failures.push(kept);
      } else {
        failures.push(...evaluate(answer, { expect: [e], normalize: prompt.normalize }).failures);
      }
    }
  } catch {
    return whole; // a check that throws fails the sample with its reason, as judge says
  }
  if (truncated && failures.length > 0) failures.push(TRUNCATED_NOTE);
  return { answer, pass: failures.length === 0, failures };
}

/** The last reason of a failing sample whose output was cut. */
export const TRUNCATED_NOTE =
  'the output was cut (finish_reason "length", or past max-output-kb): these checks read an incomplete answer';

// Reasons are our own messages, but an engine's message could quote the text it choked on.
const MAX_REASON = 200;
