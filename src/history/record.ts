import type { RunInfo } from '../run/run-info.js';
import type { ErrorCategory } from '../run/types.js';

/**
 * One line of the history file: one (run, model). The layout is columnar so that a model
 * that behaves the same every night adds only a few kilobytes per run: the prompt list is
 * stored once (a catalog, by hash), texts are stored once per prompt (by hash), and every
 * per-prompt column is indexed like the catalog. `schema/record.schema.json` is the published
 * form of this type; docs/history.md explains how to read it without this project.
 */
export interface HistoryRecord {
  /** 1: texts in `texts`; 2: texts in `textsGz`; 3: version 2 with `truncated` (see schemaOf). */
  schema: RecordSchema;
  /** SHA-256 (hex) of the previous line's bytes, without its newline; GENESIS on line 1. */
  prev: string;
  run: RecordRun;
  model: RecordModel;
  /** Samples requested per prompt. */
  samples: number;
  /** Ref of this record's prompt catalog: the first 16 hex of SHA-256 of its canonical JSON. */
  catalog: string;
  /** Catalogs first used by this record, by ref. */
  catalogs?: Record<string, CatalogEntry[]>;
  /** Per prompt: ref of the modal answer; null when no sample produced an answer. */
  answers: Array<string | null>;
  /** Per prompt: one ref when every sample gave the same output, else one per sample (null for an error). */
  outputs: Array<string | Array<string | null> | null>;
  /** Per prompt: samples that passed their checks; null for prompts without `expect`. */
  passed: Array<number | null>;
  /** Sparse, by prompt index: the category of each sample that ended in an error. */
  errors: Record<string, ErrorCategory[]>;
  /**
   * Sparse, by prompt index: the samples (by index) whose output was cut, by the server
   * (`finish_reason: length`) or at `max-output-kb`. Absent when none was, and in older records.
   */
  truncated?: Record<string, number[]>;
  /** Per prompt: median latency of the samples that answered, in ms. */
  latencyMs: Array<number | null>;
  /** Per prompt: output tokens summed over samples, as the server reported them. */
  tokensOut: Array<number | null>;
  /** Version 1: texts first stored in this record, by prompt key (`suite/id`), then by ref. */
  texts?: TextTable;
  /** Version 2: the same table as JSON, gzip, base64 (read it with `storedTexts`). */
  textsGz?: string;
  metrics: RecordMetrics;
}

/** The newest version written; every version in READABLE_SCHEMAS is read and verified. */
export const RECORD_SCHEMA = 3 as const;
export const READABLE_SCHEMAS: readonly number[] = [1, 2, 3];
export type RecordSchema = 1 | 2 | 3;

/**
 * The version a new record is written as: the oldest that holds all of its fields. Version 3
 * only adds `truncated`, so a record without a cut sample stays version 2 and a reader of
 * version 2 reads it; one with a cut sample is version 3, which an older reader refuses by
 * version, not as a malformed line.
 */
export function schemaOf(record: { truncated?: unknown }): 2 | 3 {
  return record.truncated === undefined ? 2 : 3;
}

/** Texts by prompt key (`suite/id`), then by ref. */
export type TextTable = Record<string, Record<string, string>>;
export const GENESIS = '0'.repeat(64);

/** The run a record belongs to: where and why it ran, and when it finished. */
export interface RecordRun extends RunInfo {
  finishedAt: string;
}

export interface RecordModel {
  id: string;
  /** The name requested. */
  model: string;
  /** Host of the base URL only: paths and query strings can carry secrets. */
  host: string;
  params: Record<string, number>;
  /** Model names the server said answered. */
  served: string[];
  systemFingerprints: string[];
}

/** [suite, prompt id, prompt hash (16 hex), checks hash (16 hex)] */
export type CatalogEntry = [suite: string, id: string, promptHash: string, checksHash: string];

export interface RecordMetrics {
  prompts: number;
  checked: number;
  passed: number;
  passRate: number | null;
  agreement: number | null;
  rawAgreement: number | null;
  /** Prompts with an answer now and in an earlier record of the same series. */
  comparable: number;
  stable: number;
  stability: number | null;
  /** Prompt keys whose modal answer changed since the series' previous answer. */
  drifted: string[];
  /** The part of `drifted` that went back to an answer seen in the trailing window: noise, not a new behavior. */
  flapping: string[];
  regressions: string[];
  fixes: string[];
  /** Two-sided exact McNemar p-value of regressions vs fixes: how likely this many flips are with no real change. */
  flipsP: number | null;
  /** Prompt keys new to this model, or whose text, params or reading changed (a new series). */
  newSeries: string[];
  errors: ErrorCounts;
  /** Per category of this record's errors, the first one's message (keys redacted); absent without errors (and in older records). */
  errorMessages?: ErrorMessages;
  latencyMs: { p50: number | null; p95: number | null };
  /** `embedding`: tokens of the embeddings requests (absent when the run asked none). */
  tokens: { in: number; out: number; embedding?: number };
  /** USD for `tokens` at the model's `price`; absent without a price (and in older records). */
  cost?: number;
  /** Observations judged for reliability in this record, and how many behaved as recorded. */
  judged: number;
  behaved: number;
  /** Over the trailing window of this model's records, this one included. */
  reliability: number | null;
  reliabilityInterval: [number, number] | null;
  window: number;
  /** Records since the last one whose drift was significant; 0 when this one's was; null if never. */
  runsSinceDrift: number | null;
  /** Whether the answer distribution changed beyond noise; absent in records written before it existed. */
  drift?: DriftVerdict;
}

/** Errored samples by category; records written before `connection` existed lack it (and count it as `server`). */
export type ErrorCounts = Omit<Record<ErrorCategory, number>, 'connection'> & { connection?: number };

/** The first message of each category seen (what the server said, or why there was no answer). */
export type ErrorMessages = Partial<Record<ErrorCategory, string>>;

/** The model-level drift decision of one record (see src/analysis/drift.ts). */
export interface DriftVerdict {
  /** The suite-level permutation test's p-value is at most 0.05. */
  significant: boolean;
  /** Probability of a change at least this large if nothing changed; null when nothing was comparable. */
  p: number | null;
  /** Prompts named as changed, with the false discovery rate controlled at 0.05; empty unless significant. */
  prompts: string[];
  /** The shift of one prompt's answers its own test detects with 80% power (see README); null if none. */
  detectableShift: number | null;
}
