import type { ErrorObject } from 'ajv';
import { lineHash } from './codec.js';
import { promptKey } from '../config/types.js';
import { GENESIS, READABLE_SCHEMAS, type CatalogEntry, type HistoryRecord } from './record.js';
import { record as validateRecord } from './record-validator.generated.js';
import { catalogRef, isRefOf } from './refs.js';
import { storedTexts, TextBlockError } from './texts.js';
import { isObject } from '../util/values.js';

/** Why a line that ends in CR is refused, in the history and in its attestations alike. */
export const CRLF_LINE =
  'line ends with "\\r": the file has CRLF line endings (git autocrlf?); lines must end with "\\n" only';

export type VerifyResult =
  | { ok: true; records: HistoryRecord[]; lines: string[]; endsWithNewline: boolean }
  | {
      ok: false;
      /** 1-based: the first bad line. */
      line: number;
      reason: string;
      /** The bad line is the last one, is not valid JSON and has no newline: a write cut short. */
      truncated: boolean;
      /** The valid prefix. */
      records: HistoryRecord[];
      lines: string[];
    };

/** Why a line is bad; `json` when it is not valid JSON at all. */
export interface LineProblem {
  reason: string;
  json: boolean;
}

/**
 * Catalogs and texts of lines before the ones a verifier checks (a tail read starts mid-file):
 * refs may resolve to them. Each was checked against its ref when it was taken.
 */
export interface HistoryContext {
  texts: Map<string, Map<string, string>>;
  catalogs: Map<string, CatalogEntry[]>;
  /** The history holds records before the ones read (a read of its last runs). */
  partial?: boolean;
}

export function emptyContext(): HistoryContext {
  return { texts: new Map(), catalogs: new Map() };
}

/** Columns indexed like the catalog. */
const COLUMNS = ['answers', 'outputs', 'passed', 'latencyMs', 'tokensOut'] as const;

/**
 * Checks a history file's text: the chain, the schema of every line, and that every catalog
 * and text ref resolves to what it hashes to. Stops at the first bad line. Pass a fresh
 * `verifier` to keep checking lines after the text (appending) with its state.
 */
export function verifyHistory(text: string | Buffer, verifier: ChainVerifier = new ChainVerifier()): VerifyResult {
  const length = text.length;
  const endsWithNewline = length > 0 && (typeof text === 'string' ? text.endsWith('\n') : text[length - 1] === 0x0a);
  // Line by line, each decoded on its own: a file past V8's string limit (about 512 MB) never becomes one string.
  for (let start = 0, i = 0; start < length; i++) {
    const newline = typeof text === 'string' ? text.indexOf('\n', start) : text.indexOf(0x0a, start);
    const end = newline === -1 ? length : newline;
    const line = typeof text === 'string' ? text.slice(start, end) : text.toString('utf8', start, end);
    const problem = i === 0 && line.startsWith('\uFEFF') ? bom() : verifier.push(line);
    if (problem) {
      const last = end + 1 >= length;
      return {
        ok: false,
        line: i + 1,
        reason: problem.reason,
        truncated: problem.json && last && !endsWithNewline,
        records: verifier.records,
        lines: verifier.lines,
      };
    }
    start = end + 1;
  }
  return { ok: true, records: verifier.records, lines: verifier.lines, endsWithNewline };
}

function bom(): LineProblem {
  return { reason: 'the file starts with a byte order mark (BOM); history files are UTF-8 without one', json: false };
}

/**
 * Verifies lines one at a time, keeping what later lines may refer to (catalogs, texts and
 * the hash of the last line) in maps, so each line costs only its own size.
 */
export class ChainVerifier {
  readonly records: HistoryRecord[] = [];
  readonly lines: string[] = [];
  private head: string;
  /** What line 1 chains to. */
  readonly chainStart: string;
  /** What line 1 chains to, for messages: null for the genesis value. */
  private readonly after: string | null;
  private readonly catalogs = new Map<string, CatalogEntry[]>();
  private readonly texts = new Map<string, Map<string, string>>();
  private readonly keysByCatalog = new Map<string, string[]>();
  /** The number of the first line this verifier checks. */
  readonly firstLine: number;
  private readonly context: HistoryContext;

  /**
   * A verifier for one file (a segment): catalogs and texts resolve within it. `head` is what its
   * first line must chain to: GENESIS for line 1 of the first segment, the hash of the previous
   * segment's last line (which `after` names: "the last line of history-0001.jsonl"), or, for a
   * verifier that starts at line `firstLine` > 1, the hash of the line before. Refs may also
   * resolve to `context`, what earlier lines hold.
   */
  constructor(
    head: string = GENESIS,
    after: string | null = null,
    start: { firstLine?: number; context?: HistoryContext } = {},
  ) {
    this.head = head;
    this.chainStart = head;
    this.after = head === GENESIS ? null : after;
    this.firstLine = start.firstLine ?? 1;
    this.context = start.context ?? emptyContext();
  }

  /** The number the next line will have in the file. */
  get nextLine(): number {
    return this.firstLine + this.lines.length;
  }

  /** The text a ref of a prompt resolves to in this file so far (lines checked, or their context). */
  text(key: string, ref: string): string | null {
    return this.texts.get(key)?.get(ref) ?? this.context.texts.get(key)?.get(ref) ?? null;
  }

  /** A catalog defined in this file so far (lines checked, or their context). */
  catalogEntries(ref: string): CatalogEntry[] | undefined {
    return this.catalogs.get(ref) ?? this.context.catalogs.get(ref);
  }

  /**
   * Whether a line this verifier checked stores the text. A new record stores again what is only
   * in the context, so that a read of the file's last runs finds its texts without going further back.
   */
  holdsText(key: string, ref: string): boolean {
    return this.texts.get(key)?.has(ref) === true;
  }

  /** Whether a line this verifier checked defines the catalog (see holdsText). */
  holdsCatalog(ref: string): boolean {
    return this.catalogs.has(ref);
  }

  /** The hash the next line's `prev` must hold: GENESIS, or the SHA-256 of the last line. */
  get prevHash(): string {
    return this.head;
  }

  /**
   * Checks the next line: null (and the line is added) when it is valid, else why not. `parsed`
   * is the line's JSON when the caller parsed it already.
   */
  push(line: string, parsed?: unknown): LineProblem | null {
    const number = this.nextLine;
    if (line.length === 0) return bad('blank line');
    if (line.endsWith('\r')) return bad(CRLF_LINE);
    let data: unknown = parsed;
    if (data === undefined) {
      try {
        data = JSON.parse(line);
      } catch (e) {
        return { reason: `not valid JSON (${(e as Error).message})`, json: true };
      }
    }
    if (
      isObject(data) &&
      'schema' in data &&
      typeof data['schema'] === 'number' &&
      !READABLE_SCHEMAS.includes(data['schema'])
    ) {
      return bad(
        `record schema version ${data['schema']} is not supported (this trackrecord reads versions ${READABLE_SCHEMAS.join(', ')}; a newer trackrecord wrote it?)`,
      );
    }
    if (!validateRecord(data)) return bad(schemaReason(validateRecord.errors?.[0]));
    const record = data;
    if (record.schema === 1 && record.textsGz !== undefined)
      return bad('textsGz is a version 2 field: a version 1 record keeps its texts in texts');
    if (record.schema >= 2 && record.texts !== undefined)
      return bad(`texts is a version 1 field: a version ${record.schema} record keeps its texts in textsGz`);
    if (record.schema < 3 && record.truncated !== undefined)
      return bad(`truncated is a version 3 field: a version ${record.schema} record has no truncated samples`);

    if (record.prev !== this.head) {
      return bad(
        number > 1
          ? `prev does not match the SHA-256 of line ${number - 1} (a line was changed, removed or reordered)`
          : this.after === null
            ? 'prev of line 1 is not the genesis value (64 zeros): earlier lines were removed or lines reordered'
            : `prev of line 1 does not match the SHA-256 of ${this.after} (a segment was changed, removed or reordered)`,
      );
    }

    const defined = record.catalogs ?? {};
    for (const [ref, entries] of Object.entries(defined)) {
      if (catalogRef(entries) !== ref) return bad(`catalogs/${ref} does not hash to its ref (the catalog was changed)`);
    }
    const catalog =
      this.catalogEntries(record.catalog) ??
      (Object.hasOwn(defined, record.catalog) ? defined[record.catalog] : undefined);
    if (!catalog) return bad(`catalog ${record.catalog} is not defined in this or an earlier line`);
    const size = catalog.length;
    for (const column of COLUMNS) {
      const length = record[column].length;
      if (length !== size)
        return bad(`${column} has ${length} entries but catalog ${record.catalog} has ${size} prompts`);
    }
    for (const index of Object.keys(record.errors)) {
      if (String(Number(index)) !== index || Number(index) >= size) {
        return bad(`errors/${index} is not a prompt index: catalog ${record.catalog} has ${size} prompts`);
      }
    }
    for (const [index, samples] of Object.entries(record.truncated ?? {})) {
      if (String(Number(index)) !== index || Number(index) >= size) {
        return bad(`truncated/${index} is not a prompt index: catalog ${record.catalog} has ${size} prompts`);
      }
      if (samples.some((k) => k >= record.samples)) {
        return bad(`truncated/${index} names a sample past the record's ${record.samples} samples`);
      }
    }

    let stored: Record<string, Record<string, string>>;
    try {
      stored = storedTexts(record);
    } catch (e) {
      if (e instanceof TextBlockError) return bad(e.message);
      throw e;
    }
    for (const [key, byRef] of Object.entries(stored)) {
      for (const [ref, text] of Object.entries(byRef)) {
        if (!isRefOf(ref, text))
          return bad(`texts/${key}/${ref}: the text does not hash to its ref (the text was changed)`);
        const earlier = this.text(key, ref) ?? undefined;
        if (earlier !== undefined && earlier !== text) {
          return bad(`texts/${key}/${ref} differs from the text stored under that ref on ${this.lineOfText(key, ref)}`);
        }
      }
    }
    const keys = this.keysOf(record.catalog, catalog);
    for (let i = 0; i < size; i++) {
      const key = keys[i]!;
      const known = this.texts.get(key);
      const context = this.context.texts.get(key);
      const own = Object.hasOwn(stored, key) ? stored[key] : undefined;
      const answer = record.answers[i];
      if (typeof answer === 'string' && !resolves(known, context, own, answer))
        return bad(unresolved(`answers/${i}`, answer, key));
      const output = record.outputs[i];
      if (typeof output === 'string') {
        if (!resolves(known, context, own, output)) return bad(unresolved(`outputs/${i}`, output, key));
      } else if (Array.isArray(output)) {
        for (let s = 0; s < output.length; s++) {
          const ref = output[s];
          if (typeof ref === 'string' && !resolves(known, context, own, ref))
            return bad(unresolved(`outputs/${i}/${s}`, ref, key));
        }
      }
    }

    // The line is good: keep what later lines may refer to.
    for (const [ref, entries] of Object.entries(defined)) this.catalogs.set(ref, entries);
    for (const [key, byRef] of Object.entries(stored)) {
      let known = this.texts.get(key);
      if (!known) {
        known = new Map();
        this.texts.set(key, known);
      }
      for (const [ref, text] of Object.entries(byRef)) known.set(ref, text);
    }
    this.records.push(record);
    this.lines.push(line);
    this.head = lineHash(line);
    return null;
  }

  /** The prompt keys of a catalog, in column order (made once per catalog). */
  private keysOf(ref: string, catalog: readonly CatalogEntry[]): string[] {
    let keys = this.keysByCatalog.get(ref);
    if (!keys) {
      keys = catalog.map(([suite, id]) => promptKey(suite, id));
      this.keysByCatalog.set(ref, keys);
    }
    return keys;
  }

  /** The line that first stored a text (only looked up to word an error). */
  private lineOfText(key: string, ref: string): string {
    const index = this.records.findIndex((r) => {
      const texts = storedTexts(r);
      return Object.hasOwn(texts, key) && Object.hasOwn(texts[key]!, ref);
    });
    return index === -1 ? `a line before ${this.firstLine}` : `line ${this.firstLine + index}`;
  }
}

/** Whether a text ref is known from earlier lines (checked, or their context) or stored by this one. */
function resolves(
  known: Map<string, string> | undefined,
  context: Map<string, string> | undefined,
  own: Record<string, string> | undefined,
  ref: string,
): boolean {
  return known?.has(ref) === true || context?.has(ref) === true || (own !== undefined && Object.hasOwn(own, ref));
}

function bad(reason: string): LineProblem {
  return { reason, json: false };
}

function unresolved(path: string, ref: string, key: string): string {
  return `${path}: ref ${ref} is not a text of ${key} stored in this or an earlier line`;
}

/** `/metrics/passRate must be number,null`: the JSON path and what is wrong there. */
function schemaReason(error: ErrorObject | undefined): string {
  if (!error) return 'does not match the record schema';
  const path = error.instancePath || 'record';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${path}: key ${JSON.stringify(params['additionalProperty'])} is not allowed`;
    case 'const':
      return `${path} must be ${JSON.stringify(params['allowedValue'])}`;
    case 'enum':
      return `${path} must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${path} ${error.message ?? `fails ${error.keyword}`}`;
  }
}
