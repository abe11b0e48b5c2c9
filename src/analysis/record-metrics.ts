import type { ModelSpec, PromptSpec } from '../config/types.js';
import type { DriftVerdict, HistoryRecord, RecordMetrics } from '../history/record.js';
import type { HistoryView } from '../history/view.js';
import { compareModel, similarModel, vectorsOf, type ModelEmbeddings } from '../run/embeddings.js';
import { tokenCost } from '../run/estimate.js';
import type { Observation } from '../run/types.js';
import { compareWithHistory, type HistoryComparison } from './compare.js';
import { assessDrift } from './drift.js';
import { promptResult, type PromptResult } from './prompt-result.js';
import type { RunMetrics } from '../run/run-metrics.js';
import { pooledReliability } from './reliability.js';
import { share } from '../util/stats.js';

/** One model's part of a run, as analysis needs it. */
export interface ModelRun {
  model: ModelSpec;
  observations: readonly Observation[];
  metrics: RunMetrics;
  /** Records the reliability score covers, this one included (the config's `window`). */
  window: number;
  /** The prompt spec behind an observation (for its checks and compare mode). */
  specOf: (o: Observation) => PromptSpec;
  /** Seeds the drift test's permutations (the run id and model id), so a run's verdict is reproducible. */
  seed?: string;
  /** The run's embeddings of this model (history's fetched too): vectors and tokens. */
  embeddings?: ModelEmbeddings;
}

export interface ModelAnalysis {
  /** Each observation reduced to what is compared and stored, in observation order. */
  prompts: PromptResult[];
  /** The metrics of the model's new record. */
  metrics: RecordMetrics;
}

/**
 * One model's run against its history in `view`: the prompt results, the comparison with each
 * prompt's series, and the headline metrics (reliability over the trailing window with its
 * Wilson interval, runs since drift). This is where a record's metrics are computed.
 */
export function analyzeModel(input: ModelRun, view: HistoryView): ModelAnalysis {
  const { observations, model } = input;
  const prompts = observations.map((o) => promptResult(o, input.specOf(o)));
  const specs = new Map(observations.map((o, i) => [prompts[i]!.key, input.specOf(o)]));
  const drift = assessDrift({
    modelId: model.id,
    results: prompts,
    observations,
    specOf: input.specOf,
    view,
    window: input.window,
    seed: input.seed ?? model.id,
    vectorsOf: (o) => vectorsOf(input.embeddings, similarModel(model, input.specOf(o))),
  });
  const comparison = compareWithHistory(
    model.id,
    prompts,
    view,
    (r) => specs.get(r.key)!.compare,
    input.window,
    new Set(drift.prompts),
    (r) => vectorsOf(input.embeddings, compareModel(model, specs.get(r.key)!.compare)),
  );
  const history = view.recordsOf(model.id);
  // The trailing window is this record plus the window - 1 records before it.
  const windowBefore = input.window > 1 ? history.slice(-(input.window - 1)) : [];
  return { prompts, metrics: recordMetrics(input, comparison, drift, windowBefore, history.at(-1)) };
}

/** The drifted prompts that did not flap back to an answer seen in the window: drift that counts. */
export function realDrift(m: Pick<RecordMetrics, 'drifted' | 'flapping'>): string[] {
  return m.drifted.filter((key) => !m.flapping.includes(key));
}

/** The lowest non-null reliability, or null when no model has one. */
export function lowestReliability(models: ReadonlyArray<{ reliability: number | null }>): number | null {
  let lowest: number | null = null;
  for (const { reliability } of models) {
    if (reliability !== null && (lowest === null || reliability < lowest)) lowest = reliability;
  }
  return lowest;
}

/** Errored samples of all categories. */
export function totalErrors(errors: Readonly<Record<string, number>>): number {
  return Object.values(errors).reduce((sum, count) => sum + count, 0);
}

function recordMetrics(
  input: ModelRun,
  c: HistoryComparison,
  drift: DriftVerdict,
  windowBefore: readonly HistoryRecord[],
  previous: HistoryRecord | undefined,
): RecordMetrics {
  const m = input.metrics;
  // Embedding tokens: the run's and those spent on history's answers, as the server reported them.
  const tokens = input.embeddings ? { ...m.tokens, embedding: input.embeddings.tokens } : m.tokens;
  const pooled = pooledReliability([...windowBefore.map((r) => r.metrics), c]);
  const last = previous?.metrics.runsSinceDrift ?? null;
  return {
    prompts: m.prompts,
    checked: m.checked,
    passed: m.passed,
    passRate: m.passRate,
    agreement: m.agreement,
    rawAgreement: m.rawAgreement,
    comparable: c.comparable,
    stable: c.stable,
    stability: share(c.stable, c.comparable),
    drifted: c.drifted,
    flapping: c.flapping,
    regressions: c.regressions,
    fixes: c.fixes,
    flipsP: c.flipsP,
    newSeries: c.newSeries,
    errors: m.errors,
    ...(Object.keys(m.errorMessages).length > 0 ? { errorMessages: m.errorMessages } : {}),
    latencyMs: m.latencyMs,
    tokens,
    ...(input.model.price ? { cost: tokenCost(tokens, input.model.price) } : {}),
    judged: c.judged,
    behaved: c.behaved,
    reliability: pooled.reliability,
    reliabilityInterval: pooled.reliabilityInterval,
    window: input.window,
    runsSinceDrift: drift.significant ? 0 : last === null ? null : last + 1,
    drift,
  };
}
