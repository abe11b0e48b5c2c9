import type { Thresholds } from '../config/types.js';
import { listSome, percent, pValue } from '../report/numbers.js';
import type { RunSummary } from '../report/summary.js';

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
    if (options.regressions && thresholds.failOnRegression && m.regressions.length > 0) {
      const p = m.flipsP === null ? '' : ` (${pValue(m.flipsP)} under no change)`;
      failures.push(
        `${m.id}: ${m.regressions.length} prompt(s) went from pass to fail${p}: ${listSome(m.regressions)}`,
      );
    }
  }
  return failures;
}
