import type { Thresholds } from '../config/types.js';
import { listSome, percent, pValue } from '../report/numbers.js';
import type { RunSummary } from '../report/summary.js';
import { significantRegressions } from './drift.js';

export interface ThresholdOptions {
  /** Whether `fail-on-regression` applies (check mode and the CLI; not nightly tracking). */
  regressions: boolean;
}

/** Why the job should fail, one sentence per broken threshold; empty when none is broken. */
export function thresholdFailures(thresholds: Thresholds, summary: RunSummary, options: ThresholdOptions): string[] {
  const failures: string[] = [];
  for (const m of summary.models) {
    if (thresholds.failBelow !== null && m.reliability !== null && m.reliability < thresholds.failBelow) {
      failures.push(
        `${m.id}: reliability ${percent(m.reliability)} is below fail-below ${percent(thresholds.failBelow)}`,
      );
    }
    // Only regressions beyond noise fail: a flip the model's own history explains is not a failure.
    const regressions = significantRegressions(m);
    if (options.regressions && thresholds.failOnRegression && regressions.length > 0) {
      const p = m.drift.p === null ? '' : ` (${pValue(m.drift.p)} under no change)`;
      failures.push(`${m.id}: ${regressions.length} prompt(s) went from pass to fail${p}: ${listSome(regressions)}`);
    }
  }
  return failures;
}
