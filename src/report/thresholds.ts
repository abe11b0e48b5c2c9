import { thresholdBreaches, type ThresholdBreach, type ThresholdOptions } from '../analysis/thresholds.js';
import type { Thresholds } from '../config/types.js';
import { listSome, percent, pValue, count } from '../util/numbers.js';
import type { RunSummary } from '../analysis/summary.js';

/** Why the job should fail, one sentence per broken threshold; empty when none is broken. */
export function thresholdFailures(thresholds: Thresholds, summary: RunSummary, options: ThresholdOptions): string[] {
  return thresholdBreaches(thresholds, summary.models, options).map(describeBreach);
}

function describeBreach(b: ThresholdBreach): string {
  if (b.kind === 'fail-below') {
    return `${b.modelId}: reliability ${percent(b.reliability)} is below fail-below ${percent(b.failBelow)}`;
  }
  const p = b.flipsP === null ? '' : ` (${pValue(b.flipsP)} under no change)`;
  return `${b.modelId}: ${count(b.regressions.length, 'prompt')} went from pass to fail${p}: ${listSome(b.regressions)}`;
}
