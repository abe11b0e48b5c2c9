import { promptKey } from '../config/types.js';
import { isObject } from '../util/values.js';
import { lineHash } from './codec.js';
import type { BackwardLines, RawLine } from './lines.js';
import type { CatalogEntry, TextTable } from './record.js';
import { catalogRef, isRefOf } from './refs.js';
import { uncheckedTexts } from './texts.js';
import { ChainVerifier, emptyContext, type HistoryContext } from './verify.js';

// The last runs of a history file, checked without reading the lines before them: the cost of a
// nightly run does not grow with the file. The lines of those runs are checked as `verify` checks
// them (schema, chain, refs), starting from a checkpoint: the hash of the line just before them,
// which the first of them must hold as `prev`. The catalogs and texts they refer to that they do
// not store themselves are looked up in the lines before, newest first, each of those checked to
// chain to the next (its hash is the next one's `prev`) and every text taken checked against its
// ref. As runs store again what the runs they were compared with do not hold (completeRecords),
// that look-up stops within a few lines. Lines further back are not read: `verify` reads them.

export interface TailRequest {
  lines: BackwardLines;
  /** How many runs are wanted, and those already read from newer files (added to). */
  runs: number;
  runIds: Set<string>;
  /** What the file's line 1 chains to: GENESIS, or the hash of the previous segment's last line. */
  chainStart: () => Promise<{ hash: string; after: string | null }>;
  /** The number of lines in the file, when known: the verifier then numbers lines as the file does. */
  lineCount?: number;
}

export interface Tail {
  /** Holds the lines read for the runs (oldest first), their records, and the state after them. */
  verifier: ChainVerifier;
  /** What those lines refer to from the lines before them. */
  context: HistoryContext;
  /** Whether the runs read start at line 1 (the whole file was read). */
  whole: boolean;
}

interface Parsed {
  line: string;
  data: Record<string, unknown>;
}

/** A tail that does not check out: the caller verifies the whole file, to name the first bad line. */
class TailProblem extends Error {}

/**
 * The lines of the last `runs` runs (counting `runIds` from newer files), checked; null when
 * anything about them is off (the caller then verifies the whole file, which says what).
 */
export async function readTail(request: TailRequest): Promise<Tail | null> {
  try {
    return await tail(request);
  } catch (e) {
    if (e instanceof TailProblem) return null;
    throw e;
  }
}

async function tail({ lines, runs, runIds, chainStart, lineCount }: TailRequest): Promise<Tail> {
  const window: Parsed[] = [];
  let before: Parsed | null = null;
  for (let raw = await lines.previous(); raw !== null; raw = await lines.previous()) {
    const parsed = parse(raw);
    const run = parsed.data['run'];
    const id = isObject(run) && typeof run['id'] === 'string' ? run['id'] : null;
    if (id === null) throw new TailProblem();
    if (!runIds.has(id) && runIds.size >= runs) {
      before = parsed;
      break;
    }
    runIds.add(id);
    window.push(parsed);
  }
  window.reverse(); // oldest first

  const needs = new Needs(window);
  let link = before;
  if (link) needs.take(link.data);
  while (!needs.done()) {
    if (link === null) throw new TailProblem(); // refs that no earlier line resolves
    const raw = await lines.previous();
    if (raw === null) throw new TailProblem();
    const older = parse(raw);
    if (lineHash(older.line) !== link.data['prev']) throw new TailProblem();
    needs.take(older.data);
    link = older;
  }

  const start = before === null ? await chainStart() : { hash: lineHash(before.line), after: null };
  // A sealed segment's tail is only numbered when it fails, by a check of the whole file.
  const firstLine = lineCount !== undefined ? lineCount - window.length + 1 : before === null ? 1 : 2;
  const verifier = new ChainVerifier(start.hash, start.after, { firstLine, context: needs.context });
  for (const { line, data } of window) if (verifier.push(line, data) !== null) throw new TailProblem();
  return { verifier, context: needs.context, whole: before === null };
}

const strict = new TextDecoder('utf-8', { fatal: true });

function parse(raw: RawLine): Parsed {
  let line: string;
  let data: unknown;
  try {
    line = strict.decode(raw.bytes);
    data = JSON.parse(line);
  } catch {
    throw new TailProblem();
  }
  if (!isObject(data) || (raw.start === 0 && line.startsWith('\uFEFF'))) throw new TailProblem();
  return { line, data };
}

/** Whether the first line of a file, as bytes, chains to `hash`. */
export function chainsTo(first: Buffer, hash: string): boolean {
  try {
    const data: unknown = JSON.parse(strict.decode(first));
    return isObject(data) && data['prev'] === hash;
  } catch {
    return false;
  }
}

/**
 * The catalogs and texts the window's records refer to that the window does not store at or
 * before the record: into the context, from a later line of the window (a run stores again what
 * leaves the window, see completeRecords: a text is known by its hash wherever it is stored),
 * else from earlier lines, newest first.
 */
class Needs {
  readonly context = emptyContext();
  /** Each text and catalog the window stores, and where it is first stored. */
  private readonly texts = new Map<string, Map<string, { at: number; text: string }>>();
  private readonly catalogs = new Map<string, { at: number; entries: CatalogEntry[] }>();
  private readonly missingCatalogs = new Set<string>();
  private readonly waiting: Array<{ data: Record<string, unknown>; at: number }> = [];
  private readonly missing = new Map<string, Set<string>>();
  /** Texts of earlier lines, kept while a catalog is missing (its records' needs are not known yet). */
  private seen: TextTable[] = [];

  constructor(window: readonly Parsed[]) {
    window.forEach(({ data }, at) => {
      for (const [ref, entries] of Object.entries(catalogsOf(data)))
        if (!this.catalogs.has(ref)) this.catalogs.set(ref, { at, entries });
      for (const [key, byRef] of Object.entries(textsOf(data))) {
        const first = this.texts.get(key) ?? new Map<string, { at: number; text: string }>();
        for (const [ref, text] of Object.entries(byRef)) if (!first.has(ref)) first.set(ref, { at, text });
        this.texts.set(key, first);
      }
    });
    window.forEach(({ data }, at) => {
      const ref = data['catalog'];
      if (typeof ref !== 'string') throw new TailProblem();
      const held = this.catalogs.get(ref);
      if (held && held.at > at) this.addCatalog(ref, held.entries);
      if (held) this.want(data, at, held.entries);
      else if (this.context.catalogs.has(ref)) this.want(data, at, this.context.catalogs.get(ref)!);
      else {
        this.missingCatalogs.add(ref);
        this.waiting.push({ data, at });
      }
    });
  }

  done(): boolean {
    return this.missing.size === 0 && this.missingCatalogs.size === 0;
  }

  /** Takes what the window needs from an earlier line. */
  take(data: Record<string, unknown>): void {
    const texts = textsOf(data);
    if (this.missingCatalogs.size > 0) {
      this.seen.push(texts);
      const defined = catalogsOf(data);
      for (const ref of [...this.missingCatalogs]) {
        const entries = Object.hasOwn(defined, ref) ? defined[ref] : undefined;
        if (!entries) continue;
        this.addCatalog(ref, entries);
        this.missingCatalogs.delete(ref);
        for (const { data, at } of this.waiting) if (data['catalog'] === ref) this.want(data, at, entries);
      }
      if (this.missingCatalogs.size === 0) this.seen = [];
    }
    this.resolve(texts);
  }

  private addCatalog(ref: string, entries: CatalogEntry[]): void {
    if (catalogRef(entries) !== ref) throw new TailProblem();
    this.context.catalogs.set(ref, entries);
  }

  private addText(key: string, ref: string, text: string): void {
    if (!isRefOf(ref, text)) throw new TailProblem();
    const known = this.context.texts.get(key) ?? new Map<string, string>();
    known.set(ref, text);
    this.context.texts.set(key, known);
  }

  /**
   * The refs of the record at window position `at` that the window does not store by then: from
   * a later line of the window, else noted as missing and looked for in what was seen.
   */
  private want(record: Record<string, unknown>, at: number, entries: readonly CatalogEntry[]): void {
    const { answers, outputs } = record;
    if (!Array.isArray(answers) || !Array.isArray(outputs)) throw new TailProblem();
    entries.forEach(([suite, id], i) => {
      const key = promptKey(suite, id);
      for (const ref of [answers[i], ...[outputs[i] as unknown].flat()]) {
        if (typeof ref !== 'string' || this.context.texts.get(key)?.has(ref)) continue;
        const stored = this.texts.get(key)?.get(ref);
        if (stored !== undefined && stored.at <= at) continue;
        if (stored !== undefined) this.addText(key, ref, stored.text);
        else {
          const set = this.missing.get(key) ?? new Set<string>();
          set.add(ref);
          this.missing.set(key, set);
        }
      }
    });
    for (const texts of this.seen) this.resolve(texts);
  }

  private resolve(texts: TextTable): void {
    for (const [key, refs] of this.missing) {
      const byRef = Object.hasOwn(texts, key) ? texts[key]! : undefined;
      if (!byRef) continue;
      for (const ref of refs) {
        if (!Object.hasOwn(byRef, ref)) continue;
        this.addText(key, ref, byRef[ref]!);
        refs.delete(ref);
      }
      if (refs.size === 0) this.missing.delete(key);
    }
  }
}

function textsOf(data: Record<string, unknown>): TextTable {
  try {
    return uncheckedTexts(data);
  } catch {
    throw new TailProblem();
  }
}

/** The catalogs a line defines, each a list of 4 strings; a TailProblem when malformed. */
function catalogsOf(data: Record<string, unknown>): Record<string, CatalogEntry[]> {
  const catalogs = data['catalogs'];
  if (catalogs === undefined) return {};
  if (!isObject(catalogs)) throw new TailProblem();
  for (const entries of Object.values(catalogs)) {
    const ok =
      Array.isArray(entries) &&
      entries.every((e) => Array.isArray(e) && e.length === 4 && e.every((s) => typeof s === 'string'));
    if (!ok) throw new TailProblem();
  }
  return catalogs as Record<string, CatalogEntry[]>;
}
