import type { NewRecord } from '../history/build-record.js';
import type { DriftVerdict, RecordMetrics, RecordRun } from '../history/record.js';

/** Fields of a record's metrics that the run summary repeats as they are. */
const SUMMARY_FIELDS = [
  'passRate',
  'agreement',
  'rawAgreement',
  'stability',
  'reliability',
  'reliabilityInterval',
  'drifted',
  'flapping',
  'regressions',
  'fixes',
  'flipsP',
  'newSeries',
  'runsSinceDrift',
  'errors',
  'latencyMs',
  'tokens',
] as const satisfies ReadonlyArray<keyof RecordMetrics>;

type SummaryMetrics = Pick<RecordMetrics, (typeof SUMMARY_FIELDS)[number]>;

/** One model's line of the run summary (`trackrecord run --json`, action outputs). */
export interface ModelSummary extends SummaryMetrics {
  /** Whether the answer distribution changed beyond noise; `drifted` and `flapping` are the raw changes. */
  drift: DriftVerdict;
  id: string;
  model: string;
  /** USD for the run's tokens at the model's price; null without a price. */
  cost: number | null;
  systemFingerprints: string[];
  /** In a pull request check: the regressions its edits made (base version against this one, same run). */
  editRegressions?: string[];
}

export interface RunSummary {
  run: RecordRun;
  models: ModelSummary[];
}

/** The summary of a run, read off its records (one per model, in config order). */
export function summarize(records: readonly NewRecord[]): RunSummary {
  const first = records[0];
  if (!first) throw new Error('summarize: a run has at least one record');
  return {
    run: { ...first.run },
    models: records.map(({ model, metrics: m }) => ({
      id: model.id,
      model: model.model,
      ...(Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, m[field]])) as SummaryMetrics),
      drift: m.drift ?? { significant: false, p: null, prompts: [], detectableShift: null },
      cost: m.cost ?? null,
      systemFingerprints: model.systemFingerprints,
    })),
  };
}
