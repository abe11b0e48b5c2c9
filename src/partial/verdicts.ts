import { judgeAgain } from '../checks/index.js';
import type { PromptSpec } from '../config/types.js';
import type { Observation, Sample } from '../run/types.js';

/** Where the first sample whose stored verdict was replaced is, and how many were. */
export interface Replaced {
  count: number;
  first: string | null;
}

/**
 * An observation of a partial file with every answer and verdict made again from its outputs
 * and the config's checks: a partial file is only a file, and one edited to say `pass: true`
 * over an output that fails its check must not count as a pass. `replaced` counts the samples
 * whose stored answer or verdict was not what their output gives.
 */
export function rejudged(o: Observation, spec: PromptSpec, replaced: Replaced, where: string): Observation {
  const samples = o.samples.map((s, i): Sample => {
    // Well-formed, as the run stores it (JSON can carry a lone surrogate, which no UTF-8 holds).
    const output = s.output?.toWellFormed() ?? null;
    const v =
      output === null
        ? { answer: null, pass: null, failures: [] }
        : judgeAgain(output, spec, s.failures, s.truncated === true);
    if (v.answer !== s.answer || v.pass !== s.pass) {
      replaced.count += 1;
      replaced.first ??= `${where}, sample ${i + 1}`;
    }
    return { ...s, output, answer: v.answer, pass: v.pass, failures: v.failures };
  });
  return { ...o, samples };
}
