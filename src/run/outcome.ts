import type { Config, ModelSpec, PromptSpec } from '../config/types.js';
import type { ModelEmbeddings } from './embeddings.js';
import type { RunInfo } from './run-info.js';
import type { RunMetrics } from './run-metrics.js';
import type { Observation } from './types.js';

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
