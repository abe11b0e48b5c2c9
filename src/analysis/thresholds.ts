import type { Thresholds } from '../config/types.js';
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
        `${m.id}: reliability ${pct(m.reliability)} is below fail-below ${pct(thresholds.failBelow)}`,
      );
    }
    if (options.regressions && thresholds.failOnRegression && m.regressions.length > 0) {
      const p = m.flipsP === null ? '' : ` (p = ${m.flipsP.toFixed(3)} under no change)`;
      failures.push(`${m.id}: ${m.regressions.length} prompt(s) went from pass to fail${p}: ${m.regressions.join(', ')}`);
    }
  }
  return failures;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
