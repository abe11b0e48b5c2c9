import type { RunOutcome } from '../engine.js';
import type { ErrorCategory } from '../run/types.js';

/** One model's line of the run summary (`trackrecord run --json`, action outputs). */
export interface ModelSummary {
  id: string;
  model: string;
  passRate: number | null;
  agreement: number | null;
  rawAgreement: number | null;
  /** The history-based fields are null/empty until there is a previous record to compare with. */
  stability: number | null;
  reliability: number | null;
  reliabilityInterval: [number, number] | null;
  drifted: string[];
  regressions: string[];
  fixes: string[];
  errors: Record<ErrorCategory, number>;
  latencyMs: { p50: number | null; p95: number | null };
  tokens: { in: number; out: number };
  systemFingerprints: string[];
}

export interface RunSummary {
  run: { id: string; startedAt: string; trigger: string; commit: string | null; url: string | null };
  models: ModelSummary[];
}

export function summarize(outcome: RunOutcome): RunSummary {
  return {
    run: { ...outcome.run },
    models: outcome.models.map(({ model, metrics }) => ({
      id: model.id,
      model: model.model,
      passRate: metrics.passRate,
      agreement: metrics.agreement,
      rawAgreement: metrics.rawAgreement,
      stability: null,
      reliability: null,
      reliabilityInterval: null,
      drifted: [],
      regressions: [],
      fixes: [],
      errors: metrics.errors,
      latencyMs: metrics.latencyMs,
      tokens: metrics.tokens,
      systemFingerprints: metrics.systemFingerprints,
    })),
  };
}
