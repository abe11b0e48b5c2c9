import { compareWithHistory, type HistoryComparison } from '../analysis/compare.js';
import { promptResult } from '../analysis/prompt-result.js';
import type { RunMetrics } from '../analysis/run-metrics.js';
import { pooledReliability } from '../analysis/reliability.js';
import { percentile, share } from '../analysis/stats.js';
import type { ModelSpec, PromptSpec } from '../config/types.js';
import type { RunOutcome } from '../engine.js';
import type { RunInfo } from '../run/run-info.js';
import type { Observation } from '../run/types.js';
import type { CatalogEntry, HistoryRecord, RecordMetrics, RecordModel } from './record.js';
import { RECORD_SCHEMA } from './record.js';
import { catalogRef, textRef } from './refs.js';
import { withTexts } from './texts.js';
import type { HistoryView } from './view.js';

export type NewRecord = Omit<HistoryRecord, 'prev'>;

export interface RecordInput {
  run: RunInfo;
  finishedAt: string;
  model: ModelSpec;
  observations: readonly Observation[];
  metrics: RunMetrics;
  samples: number;
  window: number;
  /** The prompt spec behind an observation (for its checks and compare mode). */
  specOf: (o: Observation) => PromptSpec;
}

/** Every model's record of a run, in config order, each added to `view` as it is built. */
export function buildRecords(outcome: RunOutcome, view: HistoryView): NewRecord[] {
  return outcome.models.map((result) => {
    const record = buildRecord(
      {
        run: outcome.run,
        finishedAt: outcome.finishedAt,
        model: result.model,
        observations: result.observations,
        metrics: result.metrics,
        samples: outcome.config.samples,
        window: outcome.config.window,
        specOf: outcome.specOf,
      },
      view,
    );
    view.add(record);
    return record;
  });
}

/**
 * One model's run as a history record, compared with `view` (the history so far). The caller
 * adds the record to the view before building the next, so texts are shared across models.
 */
export function buildRecord(input: RecordInput, view: HistoryView): NewRecord {
  const { observations, model } = input;
  const results = observations.map((o) => promptResult(o, input.specOf(o)));
  const specs = new Map(observations.map((o, i) => [results[i]!.key, input.specOf(o)]));
  const comparison = compareWithHistory(model.id, results, view, (r) => specs.get(r.key)!.compare, input.window);

  const catalog: CatalogEntry[] = results.map((r) => [r.suite, r.id, r.promptHash, r.checksHash]);
  const catalogId = catalogRef(catalog);
  const texts = new TextStore(view);

  const answers = results.map((r) => (r.answer === null ? null : texts.ref(r.key, r.answer)));
  const outputs = observations.map((o, i) => {
    const refs = o.samples.map((s) => (s.output === null ? null : texts.ref(results[i]!.key, s.output)));
    if (refs.every((r) => r === null)) return null;
    return refs.every((r) => r === refs[0]) ? refs[0]! : refs;
  });
  const errors: Record<string, NewRecord['errors'][string]> = {};
  results.forEach((r, i) => {
    if (r.errors.length > 0) errors[String(i)] = r.errors;
  });

  const history = view.recordsOf(model.id);
  // The trailing window is this record plus the window - 1 records before it.
  const windowBefore = input.window > 1 ? history.slice(-(input.window - 1)) : [];
  const metrics = recordMetrics(input, comparison, windowBefore, history.at(-1));

  const record: NewRecord = {
    schema: RECORD_SCHEMA,
    run: { ...input.run, finishedAt: input.finishedAt },
    model: recordModel(model, input.metrics),
    samples: input.samples,
    catalog: catalogId,
    ...(view.hasCatalog(catalogId) ? {} : { catalogs: { [catalogId]: catalog } }),
    answers,
    outputs,
    passed: results.map((r) => r.passed),
    errors,
    latencyMs: observations.map((o) => {
      const p50 = percentile(
        o.samples.filter((s) => s.error === null).map((s) => s.latencyMs),
        50,
      );
      return p50 === null ? null : Math.round(p50);
    }),
    tokensOut: observations.map((o) => {
      const reported = o.samples.filter((s) => s.tokensOut !== null);
      return reported.length === 0 ? null : reported.reduce((n, s) => n + s.tokensOut!, 0);
    }),
    metrics,
  };
  return withTexts(record, texts.added);
}

function recordMetrics(
  input: RecordInput,
  c: HistoryComparison,
  windowBefore: readonly HistoryRecord[],
  previous: HistoryRecord | undefined,
): RecordMetrics {
  const m = input.metrics;
  const pooled = pooledReliability([...windowBefore.map((r) => r.metrics), c]);
  const realDrift = c.drifted.some((key) => !c.flapping.includes(key));
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
    latencyMs: m.latencyMs,
    tokens: m.tokens,
    judged: c.judged,
    behaved: c.behaved,
    reliability: pooled.reliability,
    reliabilityInterval: pooled.reliabilityInterval,
    window: input.window,
    runsSinceDrift: realDrift ? 0 : last === null ? null : last + 1,
  };
}

function recordModel(model: ModelSpec, metrics: RunMetrics): RecordModel {
  const params: Record<string, number> = {};
  if (model.params.temperature !== undefined) params['temperature'] = model.params.temperature;
  if (model.params.topP !== undefined) params['top-p'] = model.params.topP;
  if (model.params.seed !== undefined) params['seed'] = model.params.seed;
  if (model.params.maxTokens !== undefined) params['max-tokens'] = model.params.maxTokens;
  return {
    id: model.id,
    model: model.model,
    host: new URL(model.baseUrl).host,
    params,
    served: metrics.servedModels,
    systemFingerprints: metrics.systemFingerprints,
  };
}

/** Texts this record must store: those its prompts' tables in the history do not hold yet. */
class TextStore {
  readonly added: Record<string, Record<string, string>> = {};

  constructor(private readonly view: HistoryView) {}

  ref(key: string, text: string): string {
    const known = this.view.textsOf(key);
    const own = this.added[key];
    const ref = textRef(text, { get: (r) => own?.[r] ?? known.get(r) });
    if (!known.has(ref) && own?.[ref] === undefined) (this.added[key] ??= {})[ref] = text;
    return ref;
  }
}
