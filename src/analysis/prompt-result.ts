import { promptKey, type PromptSpec } from '../config/types.js';
import { HASH_REF_LENGTH } from '../history/refs.js';
import type { RecordedPrompt } from '../history/build-record.js';
import type { Observation } from '../run/types.js';
import { percentile } from '../util/stats.js';

/** One observation reduced to what is compared across runs and stored in a record. */
export interface PromptResult extends RecordedPrompt {
  /** Whether any sample produced an output. */
  answered: boolean;
  checked: number;
  /** The majority verdict of the checked samples (ties fail); null without checks or checked samples. */
  status: boolean | null;
}

export function promptResult(o: Observation, spec: PromptSpec): PromptResult {
  const answered = o.samples.filter((s) => s.error === null);
  const hasChecks = spec.expect.length > 0;
  const checked = hasChecks ? answered.length : 0;
  const passed = hasChecks ? answered.filter((s) => s.pass === true).length : null;
  return {
    key: promptKey(o.suite, o.promptId),
    suite: o.suite,
    id: o.promptId,
    // The forms stored in history catalogs, so results and history points compare directly.
    promptHash: o.promptHash.slice(0, HASH_REF_LENGTH),
    checksHash: o.checksHash.slice(0, HASH_REF_LENGTH),
    answered: answered.length > 0,
    answer: modal(answered.map((s) => s.answer)),
    passed,
    checked,
    status: majorityVerdict(passed, checked),
    errors: o.samples.flatMap((s) => (s.error ? [s.error.category] : [])),
    truncated: o.samples.flatMap((s, i) => (s.truncated === true ? [i] : [])),
    outputs: o.samples.map((s) => s.output),
    latencyMs: roundOrNull(
      percentile(
        answered.map((s) => s.latencyMs),
        50,
      ),
    ),
    tokensOut: tokensOf(o),
  };
}

/** Did a prompt pass: more than half of its checked samples passed (ties fail); null without checks or checked samples. */
export function majorityVerdict(passed: number | null, checked: number): boolean | null {
  return passed === null || checked === 0 ? null : passed * 2 > checked;
}

/** The most frequent value; ties go to the one seen first. "No answer" (null) counts as a value. */
export function modal<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

function tokensOf(o: Observation): number | null {
  const reported = o.samples.filter((s) => s.tokensOut !== null);
  return reported.length === 0 ? null : reported.reduce((n, s) => n + s.tokensOut!, 0);
}
