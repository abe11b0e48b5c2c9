import type { PromptSpec } from '../config/types.js';
import { buildRecord, type NewRecord } from '../history/build-record.js';
import type { HistoryView } from '../history/view.js';
import type { RunInfo } from '../run/run-info.js';
import type { Observation } from '../run/types.js';
import { analyzeModel } from './record-metrics.js';
import type { ModelResult, RunOutcome } from '../run/outcome.js';

/** How one model's record is made: the run it belongs to and what its analysis needs. */
export interface RecordContext {
  run: RunInfo;
  finishedAt: string;
  /** Records the reliability score covers (the config's `window`). */
  window: number;
  samples: number;
  specOf: (o: Observation) => PromptSpec;
  /** Seeds the drift test's permutations; the run id and model id by default. */
  seed?: string;
}

/** A run's records and the history they join. */
export interface BuiltRecords {
  /** One per model, in config order. */
  records: NewRecord[];
  /** The history with these records added; the view they were built on is left as it was. */
  view: HistoryView;
}

/**
 * Every model's record of a run, in config order: analysed against `history` (the history so
 * far), then encoded, each added to a new view as it is built so later models share its texts.
 */
export function buildRecords(outcome: RunOutcome, history: HistoryView): BuiltRecords {
  const { run, finishedAt, specOf, config } = outcome;
  const view = history.fork();
  const records = outcome.models.map((result) =>
    recordModel(result, { run, finishedAt, specOf, window: config.window, samples: config.samples }, view),
  );
  return { records, view };
}

/** One model's record of a run: analysed against `view`, encoded, and added to it. */
export function recordModel(result: ModelResult, context: RecordContext, view: HistoryView): NewRecord {
  const { prompts, metrics } = analyzeModel(
    {
      ...result,
      window: context.window,
      specOf: context.specOf,
      seed: context.seed ?? `${context.run.id}/${result.model.id}`,
    },
    view,
  );
  const record = buildRecord(
    {
      run: context.run,
      finishedAt: context.finishedAt,
      model: result.model,
      served: result.metrics.servedModels,
      systemFingerprints: result.metrics.systemFingerprints,
      samples: context.samples,
      prompts,
      metrics,
    },
    view,
  );
  view.add(record);
  return record;
}
