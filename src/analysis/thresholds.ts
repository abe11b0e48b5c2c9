import type { Thresholds } from '../config/types.js';
import type { RecordMetrics } from '../history/record.js';

export interface ThresholdOptions {
  /** Whether `fail-on-regression` applies (check mode and the CLI; not nightly tracking). */
  regressions: boolean;
}

/** A model's metrics as far as the thresholds look at them. */
export type ThresholdInput = { id: string } & Pick<RecordMetrics, 'reliability' | 'regressions' | 'flipsP'>;

/** A broken threshold, as data: `report/` words it. */
export type ThresholdBreach =
  | { kind: 'fail-below'; modelId: string; reliability: number; failBelow: number }
  | { kind: 'regressions'; modelId: string; regressions: string[]; flipsP: number | null };

/** The thresholds a run breaks, in model order; empty when none is broken. */
export function thresholdBreaches(
  thresholds: Thresholds,
  models: readonly ThresholdInput[],
  options: ThresholdOptions,
): ThresholdBreach[] {
  const breaches: ThresholdBreach[] = [];
  for (const m of models) {
    if (thresholds.failBelow !== null && m.reliability !== null && m.reliability < thresholds.failBelow) {
      breaches.push({ kind: 'fail-below', modelId: m.id, reliability: m.reliability, failBelow: thresholds.failBelow });
    }
    if (options.regressions && thresholds.failOnRegression && m.regressions.length > 0) {
      breaches.push({ kind: 'regressions', modelId: m.id, regressions: m.regressions, flipsP: m.flipsP });
    }
  }
  return breaches;
}
