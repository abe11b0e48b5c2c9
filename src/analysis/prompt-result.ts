import type { PromptSpec } from '../config/types.js';
import { promptKey } from '../history/record.js';
import { HASH_REF_LENGTH } from '../history/refs.js';
import type { ErrorCategory, Observation } from '../run/types.js';

/** One observation reduced to what is compared across runs. */
export interface PromptResult {
  key: string;
  suite: string;
  id: string;
  /** Prompt and checks hashes, shortened as history catalogs store them. */
  promptHash: string;
  checksHash: string;
  /** Whether any sample produced an output. */
  answered: boolean;
  /** The modal answer; null when none was extracted (or nothing answered). */
  answer: string | null;
  /** Samples that passed, or null when the prompt has no checks. */
  passed: number | null;
  checked: number;
  /** The majority verdict of the checked samples (ties fail); null without checks or checked samples. */
  status: boolean | null;
  errors: ErrorCategory[];
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
    status: passed === null || checked === 0 ? null : passed * 2 > checked,
    errors: o.samples.flatMap((s) => (s.error ? [s.error.category] : [])),
  };
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
