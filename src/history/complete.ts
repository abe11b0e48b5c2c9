import { promptKey } from '../config/types.js';
import type { CatalogEntry, HistoryRecord, TextTable } from './record.js';
import { storedTexts, withTexts } from './texts.js';
import type { ChainVerifier } from './verify.js';

type NewRecord = Omit<HistoryRecord, 'prev'>;

/** Where the texts and catalogs that new records refer to can be found (the history's view). */
export interface RecordSource {
  text(key: string, ref: string): string | null;
  catalogEntries(ref: string): CatalogEntry[] | undefined;
}

/**
 * Records that store every catalog and text they refer to which `segment` (the file they are
 * appended to) does not hold, so that a segment is readable on its own. Records are built
 * against the history read, so they leave out what an earlier segment holds; this adds it back
 * from `source` (else from what the segment's verifier knows). What no one holds is left out,
 * for verification to report.
 *
 * With `staying`, the segment's last records that the next read of its last runs will include
 * (the oldest run read drops out as this one comes in), "holds" means "stored by those records":
 * the first new record also stores what they refer to and do not store themselves. The last
 * runs of a file then hold every text and catalog they refer to, and a nightly run reads no
 * further back (see tail.ts).
 */
export function completeRecords(
  records: readonly NewRecord[],
  segment: ChainVerifier,
  source: RecordSource | undefined,
  staying?: readonly HistoryRecord[],
): NewRecord[] {
  const held = staying ? heldBy(staying) : null;
  const holdsCatalog = (ref: string) => (held ? held.catalogs.has(ref) : segment.holdsCatalog(ref));
  const holdsText = (key: string, ref: string) =>
    held ? held.texts.get(key)?.has(ref) === true : segment.holdsText(key, ref);
  const catalogOf = (ref: string) => source?.catalogEntries(ref) ?? segment.catalogEntries(ref);
  const textOf = (key: string, ref: string) => source?.text(key, ref) ?? segment.text(key, ref);

  const batchCatalogs = new Map<string, CatalogEntry[]>();
  const batchTexts = new Map<string, Set<string>>();
  return records.map((record, index) => {
    const own = storedTexts(record);
    const ownCatalogs = record.catalogs ?? {};
    for (const [ref, entries] of Object.entries(ownCatalogs)) batchCatalogs.set(ref, entries);
    const catalogs: Record<string, CatalogEntry[]> = {};
    const added: TextTable = {};
    const needCatalog = (ref: string): CatalogEntry[] | undefined => {
      if (holdsCatalog(ref)) return segment.catalogEntries(ref);
      let entries = batchCatalogs.get(ref);
      if (!entries) {
        entries = catalogOf(ref);
        if (entries) {
          catalogs[ref] = entries;
          batchCatalogs.set(ref, entries);
        }
      }
      return entries;
    };
    const need = (key: string, ref: string | null) => {
      if (ref === null || holdsText(key, ref) || batchTexts.get(key)?.has(ref)) return;
      if (own[key] !== undefined && Object.hasOwn(own[key]!, ref)) return;
      if (added[key] !== undefined && Object.hasOwn(added[key]!, ref)) return;
      const text = textOf(key, ref);
      if (text !== null) (added[key] ??= {})[ref] = text;
    };
    const needAll = (r: Pick<HistoryRecord, 'catalog' | 'answers' | 'outputs'>) =>
      needCatalog(r.catalog)?.forEach(([suite, id], i) => {
        const key = promptKey(suite, id);
        need(key, r.answers[i] ?? null);
        const output = r.outputs[i];
        if (typeof output === 'string') need(key, output);
        else if (Array.isArray(output)) output.forEach((ref) => need(key, ref));
      });
    // The first record carries what the staying records refer to and do not store.
    if (index === 0) for (const r of staying ?? []) needAll(r);
    needAll(record);
    const merged: TextTable = { ...own };
    for (const [key, byRef] of Object.entries(added)) merged[key] = { ...merged[key], ...byRef };
    for (const [key, byRef] of Object.entries(merged)) {
      const set = batchTexts.get(key) ?? new Set<string>();
      for (const ref of Object.keys(byRef)) set.add(ref);
      batchTexts.set(key, set);
    }
    if (Object.keys(catalogs).length === 0 && Object.keys(added).length === 0) return record;
    const withCatalogs = { ...record, catalogs: { ...ownCatalogs, ...catalogs } };
    if (record.schema === 1) return { ...withCatalogs, texts: merged };
    const { textsGz: _old, ...rest } = withCatalogs;
    return withTexts(rest, merged);
  });
}

/** The texts and catalogs some records store. */
function heldBy(records: readonly HistoryRecord[]): { texts: Map<string, Set<string>>; catalogs: Set<string> } {
  const texts = new Map<string, Set<string>>();
  const catalogs = new Set<string>();
  for (const record of records) {
    for (const ref of Object.keys(record.catalogs ?? {})) catalogs.add(ref);
    for (const [key, byRef] of Object.entries(storedTexts(record))) {
      const set = texts.get(key) ?? new Set<string>();
      for (const ref of Object.keys(byRef)) set.add(ref);
      texts.set(key, set);
    }
  }
  return { texts, catalogs };
}

/**
 * The records of `records` (a file's, oldest first) that a read of its last `runs` runs will
 * still include once a new run is appended: all of them when they span fewer runs.
 */
export function stayingRecords(records: readonly HistoryRecord[], runs: number): readonly HistoryRecord[] {
  const ids = new Set<string>();
  for (let i = records.length - 1; i >= 0; i--) {
    const id = records[i]!.run.id;
    if (!ids.has(id) && ids.size === runs - 1) return records.slice(i + 1);
    ids.add(id);
  }
  return records;
}
