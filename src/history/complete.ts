import type { RecordSource } from './file.js';
import { promptKey } from '../config/types.js';
import type { CatalogEntry, HistoryRecord, TextTable } from './record.js';
import { storedTexts, withTexts } from './texts.js';
import type { ChainVerifier } from './verify.js';

type NewRecord = Omit<HistoryRecord, 'prev'>;

/**
 * Records that store every catalog and text they refer to which `segment` (the file they are
 * appended to) does not hold: a segment is readable on its own. Records are built against the
 * whole history read, so they leave out what an earlier segment holds; this adds it back from
 * `source`. What no one holds is left out, for verification to report.
 */
export function completeRecords(
  records: readonly NewRecord[],
  segment: ChainVerifier,
  source: RecordSource | undefined,
): NewRecord[] {
  const batchCatalogs = new Map<string, CatalogEntry[]>();
  const batchTexts = new Map<string, Set<string>>();
  return records.map((record) => {
    const own = storedTexts(record);
    const ownCatalogs = record.catalogs ?? {};
    for (const [ref, entries] of Object.entries(ownCatalogs)) batchCatalogs.set(ref, entries);
    const catalogs: Record<string, CatalogEntry[]> = {};
    let entries = segment.catalogEntries(record.catalog) ?? batchCatalogs.get(record.catalog);
    if (!entries) {
      entries = source?.catalogEntries(record.catalog);
      if (entries) {
        catalogs[record.catalog] = entries;
        batchCatalogs.set(record.catalog, entries);
      }
    }
    const added: TextTable = {};
    const need = (key: string, ref: string | null) => {
      if (ref === null || segment.text(key, ref) !== null || batchTexts.get(key)?.has(ref)) return;
      if (own[key] !== undefined && Object.hasOwn(own[key]!, ref)) return;
      const text = source?.text(key, ref) ?? null;
      if (text !== null) (added[key] ??= {})[ref] = text;
    };
    entries?.forEach(([suite, id], i) => {
      const key = promptKey(suite, id);
      need(key, record.answers[i] ?? null);
      const output = record.outputs[i];
      if (typeof output === 'string') need(key, output);
      else if (Array.isArray(output)) output.forEach((ref) => need(key, ref));
    });
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
