import type { ModelSpec } from '../config/types.js';
import type { RunInfo } from '../run/run-info.js';
import type { ErrorCategory } from '../run/types.js';
import type { CatalogEntry, HistoryRecord, RecordMetrics, RecordModel } from './record.js';
import { schemaOf } from './record.js';
import { catalogRef, textRef } from './refs.js';
import { withTexts } from './texts.js';
import type { HistoryView } from './view.js';

export type NewRecord = Omit<HistoryRecord, 'prev'>;

/** One prompt of a run as a record stores it: the observation as analysis reduced it. */
export interface RecordedPrompt {
  key: string;
  suite: string;
  id: string;
  /** Prompt and checks hashes, shortened as history catalogs store them. */
  promptHash: string;
  checksHash: string;
  /** The modal answer; null when none was extracted (or nothing answered). */
  answer: string | null;
  /** Samples that passed, or null when the prompt has no checks. */
  passed: number | null;
  errors: ErrorCategory[];
  /** The samples (by index) whose output was cut: not whole, judged as it came. */
  truncated: number[];
  /** Each sample's raw output; null for a sample that ended in an error. */
  outputs: Array<string | null>;
  /** Median latency of the samples that answered, in whole ms. */
  latencyMs: number | null;
  /** Output tokens summed over the samples that reported them. */
  tokensOut: number | null;
}

export interface RecordInput {
  run: RunInfo;
  finishedAt: string;
  model: ModelSpec;
  /** Model names and system fingerprints the server reported. */
  served: string[];
  systemFingerprints: string[];
  samples: number;
  prompts: readonly RecordedPrompt[];
  /** The record's metrics, computed by analysis against the same view. */
  metrics: RecordMetrics;
}

/**
 * One model's run as a history record: the prompts in columns, texts the view does not hold yet,
 * and the metrics as given. The caller adds the record to the view before building the next, so
 * texts are shared across models.
 */
export function buildRecord(input: RecordInput, view: HistoryView): NewRecord {
  const { prompts } = input;
  const catalog: CatalogEntry[] = prompts.map((r) => [r.suite, r.id, r.promptHash, r.checksHash]);
  const catalogId = catalogRef(catalog);
  const texts = new TextStore(view);

  const answers = prompts.map((r) => (r.answer === null ? null : texts.ref(r.key, r.answer)));
  const outputs = prompts.map((r) => {
    const refs = r.outputs.map((output) => (output === null ? null : texts.ref(r.key, output)));
    if (refs.every((ref) => ref === null)) return null;
    return refs.every((ref) => ref === refs[0]) ? refs[0]! : refs;
  });
  const errors: Record<string, NewRecord['errors'][string]> = {};
  const truncated: Record<string, number[]> = {};
  prompts.forEach((r, i) => {
    if (r.errors.length > 0) errors[String(i)] = r.errors;
    if (r.truncated.length > 0) truncated[String(i)] = r.truncated;
  });

  const cut = Object.keys(truncated).length > 0 ? { truncated } : {};
  const record: NewRecord = {
    schema: schemaOf(cut),
    run: { ...input.run, finishedAt: input.finishedAt },
    model: recordModel(input),
    samples: input.samples,
    catalog: catalogId,
    ...(view.hasCatalog(catalogId) ? {} : { catalogs: { [catalogId]: catalog } }),
    answers,
    outputs,
    passed: prompts.map((r) => r.passed),
    errors,
    ...cut,
    latencyMs: prompts.map((r) => r.latencyMs),
    tokensOut: prompts.map((r) => r.tokensOut),
    metrics: input.metrics,
  };
  return withTexts(record, texts.added);
}

function recordModel({ model, served, systemFingerprints }: RecordInput): RecordModel {
  const params: Record<string, number> = {};
  if (model.params.temperature !== undefined) params['temperature'] = model.params.temperature;
  if (model.params.topP !== undefined) params['top-p'] = model.params.topP;
  if (model.params.seed !== undefined) params['seed'] = model.params.seed;
  if (model.params.maxTokens !== undefined) params['max-tokens'] = model.params.maxTokens;
  return { id: model.id, model: model.model, host: new URL(model.baseUrl).host, params, served, systemFingerprints };
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
