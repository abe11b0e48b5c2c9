import type { NewRecord } from '../history/build-record.js';
import type { DriftVerdict, ErrorMessages, RecordMetrics, RecordRun } from '../history/record.js';
import { availabilityOf, isUnavailable, type Availability } from './availability.js';
import { splitByNoise, type RegressionSplit } from './drift.js';
import { withoutEdited, type EditComparison } from './edit-effect.js';
import type { FailingPrompt } from './failing.js';
import { lowestReliability } from './record-metrics.js';

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
  /** The run's requests to the model and how many were answered: reliability counts only the answered ones. */
  availability: Availability;
  /** Per error category, the first error's message (the server's own words; keys masked). */
  errorMessages: ErrorMessages;
  /** In a pull request check: the regressions its edits made (base version against this one, same run). */
  editRegressions?: string[];
  /** `regressions` split by the drift test's verdict: renderers and thresholds read it, never redo it. */
  noise: RegressionSplit;
  /** The prompts this run failed, with their answers and the checks they fail. */
  failing: FailingPrompt[];
}

export interface RunSummary {
  run: RecordRun;
  models: ModelSummary[];
  /** The lowest reliability of the models (the badge's and the action's `reliability`); null when none has one. */
  reliability: number | null;
  /** Models whose run got no answer at all: the badge and the action's `reliability` then read `unavailable`. */
  unavailable: string[];
}

/** A model's summary from its fields: the verdicts derived from them are computed here, once. */
function modelSummary(fields: Omit<ModelSummary, 'noise'>): ModelSummary {
  return { ...fields, noise: splitByNoise(fields) };
}

function runSummary(run: RecordRun, models: ModelSummary[]): RunSummary {
  const unavailable = models.filter((m) => isUnavailable(m.availability)).map((m) => m.id);
  return { run, models, reliability: lowestReliability(models), unavailable };
}

/**
 * The summary of a run, read off its records (one per model, in config order); `failing` gives a
 * model's failing prompts (see failingPrompts), none without it.
 */
export function summarize(
  records: readonly NewRecord[],
  failing: (modelId: string) => FailingPrompt[] = () => [],
): RunSummary {
  const first = records[0];
  if (!first) throw new Error('summarize: a run has at least one record');
  return runSummary(
    { ...first.run },
    records.map(({ model, samples, metrics: m }) =>
      modelSummary({
        id: model.id,
        model: model.model,
        ...(Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, m[field]])) as SummaryMetrics),
        drift: m.drift ?? { significant: false, p: null, prompts: [], detectableShift: null },
        cost: m.cost ?? null,
        systemFingerprints: model.systemFingerprints,
        failing: failing(model.id),
        availability: availabilityOf({ samples, metrics: m }),
        errorMessages: m.errorMessages ?? {},
      }),
    ),
  );
}

/** The summary without the pairs an edit covers or adds: what the models did since the last record. */
export function sinceLastRecord(summary: RunSummary, c: EditComparison | null): RunSummary {
  if (!c) return summary;
  return runSummary(
    summary.run,
    summary.models.map(({ noise: _noise, ...m }) => modelSummary(withoutEdited(m, m.id, c))),
  );
}

/**
 * The summary a check reports (outputs, annotations, log): the models' own drift and flips since
 * the last record, plus the flips the change's edits caused, at the edited prompts.
 */
export function withEditRegressions(summary: RunSummary, c: EditComparison | null): RunSummary {
  if (!c) return summary;
  const since = sinceLastRecord(summary, c);
  return runSummary(
    since.run,
    since.models.map(({ noise: _noise, ...m }) => {
      const own = c.effects.filter((e) => e.modelId === m.id);
      const editRegressions = own.filter((e) => e.regression).map((e) => e.key);
      const regressions = [...m.regressions, ...editRegressions];
      const fixes = [...m.fixes, ...own.filter((e) => e.fix).map((e) => e.key)];
      // A p-value of the models' flips does not hold for flips an edit made.
      const edited = regressions.length + fixes.length > m.regressions.length + m.fixes.length;
      return modelSummary({ ...m, regressions, fixes, editRegressions, flipsP: edited ? null : m.flipsP });
    }),
  );
}
