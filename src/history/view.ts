import type { CatalogEntry, HistoryRecord } from './record.js';
import { promptKey } from '../config/types.js';
import { storedTexts } from './texts.js';
import type { HistoryContext } from './verify.js';

/** One past observation of a prompt series, as far as comparisons need it. */
export interface SeriesPoint {
  /** Position of the record among this model's records. */
  run: number;
  /** The prompt key the point was recorded under: a renamed prompt with the same text continues its series. */
  key: string;
  /** Position of the prompt in the record's catalog. */
  index: number;
  /** Whether any sample produced an output (false: every sample ended in a provider error). */
  answered: boolean;
  answerRef: string | null;
  /** Samples that passed their checks (null without checks), and samples checked: those that answered. */
  passed: number | null;
  checked: number;
  checksHash: string;
}

/** An answered point of a series with its answer text (null when nothing was extracted). */
export interface AnsweredPoint extends SeriesPoint {
  answer: string | null;
}

/**
 * Read access to a verified history: texts by prompt, catalogs, each model's records, and a
 * model's prompt series. Records can be added as they are built, so several records of one run
 * share texts. Series are indexed per model on first use: a report over many models only pays
 * for the ones it looks at.
 *
 * A series is one model's points of one prompt hash (the conversation, params and how the answer
 * is read), whatever key the prompt had: renaming a prompt and keeping its text continues its
 * series. Where a record holds the hash under several keys, the point is the one under the key
 * asked for, else the first.
 */
export class HistoryView {
  private readonly textsByPrompt = new Map<string, Map<string, string>>();
  private readonly catalogsByRef = new Map<string, CatalogEntry[]>();
  private readonly byModel = new Map<string, HistoryRecord[]>();
  private readonly seriesCache = new Map<string, Map<string, SeriesPoint[]>>();
  private readonly keyHashes = new Map<string, Map<string, string>>();
  private readonly positionsByRef = new Map<string, Map<string, { i: number; key: string }>>();

  /**
   * `context`: catalogs and texts of earlier lines that the records refer to (a read of the
   * history's last runs, see read.ts), without those lines' records.
   */
  /** The history has records before the ones this view holds: counts of records are of those read. */
  readonly partial: boolean;

  constructor(records: ReadonlyArray<HistoryRecord | Omit<HistoryRecord, 'prev'>> = [], context?: HistoryContext) {
    this.partial = context?.partial === true;
    for (const [ref, catalog] of context?.catalogs ?? []) this.catalogsByRef.set(ref, catalog);
    for (const [key, texts] of context?.texts ?? []) {
      const known = this.textsOf(key);
      for (const [ref, text] of texts) known.set(ref, text);
    }
    for (const record of records) this.add(record);
  }

  /**
   * A view of the same history that records can be added to without changing this one. The
   * per-prompt text maps and per-model lists are copied; catalogs and their position indexes are
   * shared, since a catalog never changes once stored.
   */
  fork(): HistoryView {
    const copy = new HistoryView([], { partial: this.partial, catalogs: new Map(), texts: new Map() });
    for (const [ref, catalog] of this.catalogsByRef) copy.catalogsByRef.set(ref, catalog);
    for (const [key, texts] of this.textsByPrompt) copy.textsByPrompt.set(key, new Map(texts));
    for (const [id, records] of this.byModel) copy.byModel.set(id, [...records]);
    for (const [ref, positions] of this.positionsByRef) copy.positionsByRef.set(ref, positions);
    return copy;
  }

  add(record: HistoryRecord | Omit<HistoryRecord, 'prev'>): void {
    for (const [ref, catalog] of Object.entries(record.catalogs ?? {})) this.catalogsByRef.set(ref, catalog);
    for (const [key, texts] of Object.entries(storedTexts(record))) {
      const known = this.textsOf(key);
      for (const [ref, text] of Object.entries(texts)) known.set(ref, text);
    }
    const own = this.byModel.get(record.model.id) ?? [];
    own.push(record as HistoryRecord);
    this.byModel.set(record.model.id, own);
    // Keep cached indexes current rather than rebuilding them.
    const series = this.seriesCache.get(record.model.id);
    if (series) this.indexRecord(record, own.length - 1, series, this.keyHashes.get(record.model.id)!);
  }

  /** The texts stored so far for a prompt key, by ref (the live map: callers must not modify it). */
  textsOf(key: string): Map<string, string> {
    let texts = this.textsByPrompt.get(key);
    if (!texts) {
      texts = new Map();
      this.textsByPrompt.set(key, texts);
    }
    return texts;
  }

  text(key: string, ref: string | null): string | null {
    return ref === null ? null : (this.textsByPrompt.get(key)?.get(ref) ?? null);
  }

  hasCatalog(ref: string): boolean {
    return this.catalogsByRef.has(ref);
  }

  catalogEntries(ref: string): CatalogEntry[] | undefined {
    return this.catalogsByRef.get(ref);
  }

  catalog(ref: string): CatalogEntry[] {
    const catalog = this.catalogsByRef.get(ref);
    if (!catalog) throw new Error(`history: catalog ${ref} is not defined`);
    return catalog;
  }

  modelIds(): string[] {
    return [...this.byModel.keys()];
  }

  recordsOf(modelId: string): readonly HistoryRecord[] {
    return this.byModel.get(modelId) ?? [];
  }

  /**
   * This model's points for one prompt series, oldest first. With `key`, one point per record (see
   * the class comment); without, every prompt of every record that has the hash.
   */
  series(modelId: string, promptHash: string, key?: string): readonly SeriesPoint[] {
    const all = this.seriesIndex(modelId).series.get(promptHash) ?? [];
    if (key === undefined) return all;
    const out: SeriesPoint[] = [];
    for (const p of all) {
      const last = out.at(-1);
      if (last?.run !== p.run) out.push(p);
      else if (p.key === key && last.key !== key) out[out.length - 1] = p;
    }
    return out;
  }

  /**
   * The answered points among the last `window` points of a series, oldest first, with their
   * answers: what a new observation of the prompt is compared with.
   */
  recentAnswered(modelId: string, promptHash: string, key: string, window: number): AnsweredPoint[] {
    return this.series(modelId, promptHash, key)
      .slice(-window)
      .filter((p) => p.answered)
      .map((p) => ({ ...p, answer: this.text(p.key, p.answerRef) }));
  }

  /**
   * The last answered point of a series before record `before` (a position among the model's
   * records; default: after the last). Walks back from there, so it finds it in a record or two
   * without indexing the model's whole series.
   */
  previousAnswered(
    modelId: string,
    promptHash: string,
    key: string,
    before = Number.POSITIVE_INFINITY,
  ): AnsweredPoint | undefined {
    const records = this.recordsOf(modelId);
    for (let run = Math.min(before, records.length) - 1; run >= 0; run--) {
      const record = records[run]!;
      const at = this.positionIn(record.catalog, promptHash, key);
      if (at === undefined) continue;
      const point = pointOf(record, run, at.i, at.key, this.catalog(record.catalog)[at.i]![3]);
      if (point.answered) return { ...point, answer: this.text(point.key, point.answerRef) };
    }
    return undefined;
  }

  /** Where a series sits in a catalog: under `key`, else the first prompt with the hash. */
  private positionIn(ref: string, promptHash: string, key: string): { i: number; key: string } | undefined {
    let index = this.positionsByRef.get(ref);
    if (!index) {
      index = new Map();
      for (const [i, [suite, id, hash]] of this.catalog(ref).entries()) {
        const at = { i, key: promptKey(suite, id) };
        index.set(`${at.key}\u0000${hash}`, at);
        if (!index.has(hash)) index.set(hash, at);
      }
      this.positionsByRef.set(ref, index);
    }
    return index.get(`${key}\u0000${promptHash}`) ?? index.get(promptHash);
  }

  /**
   * The raw output of every sample of a series point that produced one, in sampling order: the
   * reference samples drift is judged against. (A record stores one ref when all samples agreed.)
   */
  sampleOutputs(modelId: string, point: SeriesPoint): string[] {
    const record = this.recordsOf(modelId)[point.run];
    const stored = record?.outputs[point.index] ?? null;
    if (!record || stored === null) return [];
    const refs =
      typeof stored === 'string'
        ? Array<string>(record.samples - (record.errors[String(point.index)]?.length ?? 0)).fill(stored)
        : stored.filter((r): r is string => r !== null);
    return refs.flatMap((ref) => {
      const text = this.text(point.key, ref);
      return text === null ? [] : [text];
    });
  }

  /** The prompt hash this model last ran a prompt key with, if it ever did. */
  lastHashOf(modelId: string, key: string): string | undefined {
    return this.seriesIndex(modelId).hashes.get(key);
  }

  private seriesIndex(modelId: string) {
    let series = this.seriesCache.get(modelId);
    let hashes = this.keyHashes.get(modelId);
    if (!series || !hashes) {
      series = new Map();
      hashes = new Map();
      this.seriesCache.set(modelId, series);
      this.keyHashes.set(modelId, hashes);
      this.recordsOf(modelId).forEach((r, i) => this.indexRecord(r, i, series!, hashes!));
    }
    return { series, hashes };
  }

  private indexRecord(
    record: HistoryRecord | Omit<HistoryRecord, 'prev'>,
    run: number,
    series: Map<string, SeriesPoint[]>,
    hashes: Map<string, string>,
  ): void {
    this.catalog(record.catalog).forEach(([suite, id, hash, checksHash], i) => {
      const key = promptKey(suite, id);
      const point = pointOf(record, run, i, key, checksHash);
      const list = series.get(hash);
      if (list) list.push(point);
      else series.set(hash, [point]);
      hashes.set(key, hash);
    });
  }
}

/** Prompt `i` of a record as a series point. */
function pointOf(
  record: HistoryRecord | Omit<HistoryRecord, 'prev'>,
  run: number,
  i: number,
  key: string,
  checksHash: string,
): SeriesPoint {
  const errored = record.errors[String(i)]?.length ?? 0;
  return {
    run,
    key,
    index: i,
    answered: errored < record.samples,
    answerRef: record.answers[i] ?? null,
    passed: record.passed[i] ?? null,
    checked: record.samples - errored,
    checksHash,
  };
}
