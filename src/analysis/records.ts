import type { Config, ModelSpec, PromptSpec } from '../config/types.js';
import { buildRecord, type NewRecord } from '../history/build-record.js';
import type { HistoryView } from '../history/view.js';
import type { RunInfo } from '../run/run-info.js';
import type { ModelEmbeddings } from '../run/embeddings.js';
import type { Observation } from '../run/types.js';
import { analyzeModel } from './record-metrics.js';
import type { RunMetrics } from './run-metrics.js';

export interface ModelResult {
  model: ModelSpec;
  observations: Observation[];
  metrics: RunMetrics;
  /** The model's embeddings of this run, when its prompts use them (vectors and tokens). */
  embeddings?: ModelEmbeddings;
}

/** What a run produced: every model's observations and run metrics, before any history. */
export interface RunOutcome {
  config: Config;
  run: RunInfo;
  finishedAt: string;
  models: ModelResult[];
  /** The prompt spec behind an observation. */
  specOf: (o: Observation) => PromptSpec;
}

/**
 * Every model's record of a run, in config order: analysed against `view` (the history so far),
 * then encoded, each added to the view as it is built so later models share its texts.
 */
export function buildRecords(outcome: RunOutcome, view: HistoryView): NewRecord[] {
  return outcome.models.map((result) => {
    const { prompts, metrics } = analyzeModel(
      {
        ...result,
        window: outcome.config.window,
        specOf: outcome.specOf,
        seed: `${outcome.run.id}/${result.model.id}`,
      },
      view,
    );
    const record = buildRecord(
      {
        run: outcome.run,
        finishedAt: outcome.finishedAt,
        model: result.model,
        served: result.metrics.servedModels,
        systemFingerprints: result.metrics.systemFingerprints,
        samples: outcome.config.samples,
        prompts,
        metrics,
      },
      view,
    );
    view.add(record);
    return record;
  });
}
