import type { CatalogEntry, HistoryRecord } from './record.js';
import { promptKey } from './record.js';
import { storedTexts } from './texts.js';

/** One past observation of a prompt series, as far as comparisons need it. */
export interface SeriesPoint {
  /** Position of the record among this model's records. */
  run: number;
  /** Whether any sample produced an output (false: every sample ended in a provider error). */
  answered: boolean;
  answerRef: string | null;
  /** Majority verdict of the checked samples; null without checks. */
  status: boolean | null;
  checksHash: string;
}

/**
 * Read access to a verified history: texts by prompt, catalogs, each model's records, and a
 * model's prompt series. Records can be added as they are built, so several records of one run
 * share texts. Series are indexed per model on first use: a report over many models only pays
 * for the ones it looks at.
 */
export class HistoryView {
  private readonly textsByPrompt = new Map<string, Map<string, string>>();
  private readonly catalogsByRef = new Map<string, CatalogEntry[]>();
  private readonly byModel = new Map<string, HistoryRecord[]>();
  private readonly seriesCache = new Map<string, Map<string, SeriesPoint[]>>();
  private readonly keyHashes = new Map<string, Map<string, string>>();

  constructor(records: readonly HistoryRecord[] = []) {
    for (const record of records) this.add(record);
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

  /** This model's points for one prompt series, oldest first. */
  series(modelId: string, promptHash: string): readonly SeriesPoint[] {
    return this.seriesIndex(modelId).series.get(promptHash) ?? [];
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
      const errored = record.errors[String(i)]?.length ?? 0;
      const passed = record.passed[i] ?? null;
      const checked = record.samples - errored;
      const point: SeriesPoint = {
        run,
        answered: errored < record.samples,
        answerRef: record.answers[i] ?? null,
        status: passed === null || checked === 0 ? null : passed * 2 > checked,
        checksHash,
      };
      const list = series.get(hash);
      if (list) list.push(point);
      else series.set(hash, [point]);
      hashes.set(promptKey(suite, id), hash);
    });
  }
}
