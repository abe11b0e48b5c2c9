import { sameAnswer, type Vectors } from '../checks/index.js';
import type { Comparison as CompareSpec } from '../config/types.js';
import type { RecordMetrics } from '../history/record.js';
import type { HistoryView } from '../history/view.js';
import { mcnemarExactP } from './mcnemar.js';
import { majorityVerdict, type PromptResult } from './prompt-result.js';

/** How one model's run compares with its own history, prompt series by prompt series. */
export type HistoryComparison = Pick<
  RecordMetrics,
  | 'comparable'
  | 'stable'
  | 'drifted'
  | 'flapping'
  | 'regressions'
  | 'fixes'
  | 'flipsP'
  | 'newSeries'
  | 'judged'
  | 'behaved'
>;

/**
 * Like for like only: a prompt is compared with the last answered point of the same series
 * (same model id, same prompt hash), so an outage night does not break the chain, an edited
 * prompt starts over and a renamed one with the same text carries on. A changed answer that returns to one seen within the trailing window is
 * flapping (noise between known answers), kept apart from drift to a new answer.
 */
export function compareWithHistory(
  modelId: string,
  results: readonly PromptResult[],
  view: HistoryView,
  compareOf: (r: PromptResult) => CompareSpec,
  window: number,
  /** Prompts whose answer distribution changed beyond noise (the drift test's named prompts). */
  changed: ReadonlySet<string> = new Set(),
  /** The vectors `compare: embedding` reads for a prompt's answers, this run's and history's. */
  vectorsOf: (r: PromptResult) => Vectors | undefined = () => undefined,
): HistoryComparison {
  const out: HistoryComparison = {
    comparable: 0,
    stable: 0,
    drifted: [],
    flapping: [],
    regressions: [],
    fixes: [],
    flipsP: null,
    newSeries: [],
    judged: 0,
    behaved: 0,
  };

  for (const r of results) {
    const points = view.series(modelId, r.promptHash, r.key);
    if (points.length === 0) out.newSeries.push(r.key);
    const recent = view.recentAnswered(modelId, r.promptHash, r.key, window);
    const previous = recent.at(-1);
    const comparable = r.answered && previous !== undefined;
    let stable = true;

    if (comparable) {
      out.comparable += 1;
      const compare = compareOf(r);
      const vectors = vectorsOf(r);
      stable = sameAnswer(r.answer, previous.answer, compare, vectors);
      if (stable) {
        out.stable += 1;
      } else {
        out.drifted.push(r.key);
        const seenBefore = recent.slice(0, -1).some((p) => sameAnswer(r.answer, p.answer, compare, vectors));
        if (seenBefore) out.flapping.push(r.key);
      }
      const was = majorityVerdict(previous.passed, previous.checked);
      if (previous.checksHash === r.checksHash && was !== null && r.status !== null) {
        if (was && !r.status) out.regressions.push(r.key);
        if (!was && r.status) out.fixes.push(r.key);
      }
    }

    // Reliability: did this observation behave as recorded (pass where checked, keep its answer
    // distribution where comparable)? A change within noise is not held against it, so a model
    // sampled at any temperature keeps its score as long as its distribution holds.
    if (r.answered && (r.status !== null || comparable)) {
      out.judged += 1;
      if (r.status !== false && !changed.has(r.key)) out.behaved += 1;
    }
  }
  out.flipsP = mcnemarExactP(out.regressions.length, out.fixes.length);
  return out;
}
