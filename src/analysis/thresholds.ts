import type { Thresholds } from '../config/types.js';
import type { ErrorCounts, ErrorMessages, RecordMetrics } from '../history/record.js';
import type { Availability } from './availability.js';
import type { RegressionSplit } from './drift.js';

export interface ThresholdOptions {
  /** Whether `fail-on-regression` applies (check mode and the CLI; not nightly tracking). */
  regressions: boolean;
}

/** A model's metrics as far as the thresholds look at them. */
export type ThresholdInput = {
  id: string;
  noise: RegressionSplit;
  availability: Availability;
  errors: ErrorCounts;
  errorMessages: ErrorMessages;
} & Pick<RecordMetrics, 'reliability' | 'flipsP' | 'drift'>;

/** A broken threshold, as data: `report/` words it. */
export type ThresholdBreach =
  | { kind: 'auth'; modelId: string; errors: number; message: string | null }
  | { kind: 'availability'; modelId: string; availability: Availability; failBelow: number }
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
    // A refused key is a broken setup, never an outage to ride out: it fails whatever else holds.
    if (m.errors.auth > 0) {
      breaches.push({ kind: 'auth', modelId: m.id, errors: m.errors.auth, message: m.errorMessages.auth ?? null });
    }
    const { share, requests, answered } = m.availability;
    // Unanswered only because of the key: the auth breach says it all.
    const onlyAuth = m.errors.auth > 0 && m.errors.auth === requests - answered;
    if (share !== null && share < thresholds.failBelowAvailability && !onlyAuth) {
      breaches.push({
        kind: 'availability',
        modelId: m.id,
        availability: m.availability,
        failBelow: thresholds.failBelowAvailability,
      });
    }
    if (thresholds.failBelow !== null && m.reliability !== null && m.reliability < thresholds.failBelow) {
      breaches.push({ kind: 'fail-below', modelId: m.id, reliability: m.reliability, failBelow: thresholds.failBelow });
    }
    // Only regressions beyond noise fail: a flip the model's own history explains is not a failure.
    const regressions = m.noise.beyond;
    if (options.regressions && thresholds.failOnRegression && regressions.length > 0) {
      // The p-value under no change: the drift test's, or for records without one, McNemar's.
      const p = m.drift ? m.drift.p : m.flipsP;
      breaches.push({ kind: 'regressions', modelId: m.id, regressions, flipsP: p });
    }
  }
  return breaches;
}
