import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { HistoryRecord, TextTable } from './record.js';

// Texts are the bulk of a history: a model answering in free text stores new, near-identical
// outputs every night. A record (version 2) keeps them as one gzip block, base64 encoded, of
// the same JSON table version 1 stores in `texts`: samples of one prompt sit next to each
// other in it, so their shared wording is stored about once. Any language reads it with its
// standard library (docs/history.md has a one-line Python reader).

type WithTexts = Pick<HistoryRecord, 'schema' | 'texts' | 'textsGz'>;

/** Tables already decoded (or encoded from), by record object: a record is decoded once. */
const tables = new WeakMap<object, TextTable>();

/** A text block that cannot be read; the message says why. */
export class TextBlockError extends Error {
  override name = 'TextBlockError';
}

/** The block a record stores: gzip (level 9) of the table's JSON, base64. */
export function encodeTexts(table: TextTable): string {
  return gzipSync(JSON.stringify(table), { level: constants.Z_BEST_COMPRESSION }).toString('base64');
}

/** The table a block holds; a TextBlockError when it is not base64 of gzip of a text table. */
export function decodeTexts(block: string): TextTable {
  let json: string;
  try {
    json = gunzipSync(Buffer.from(block, 'base64')).toString('utf8');
  } catch (e) {
    throw new TextBlockError(`textsGz is not base64 of a gzip stream (${(e as Error).message})`);
  }
  let table: unknown;
  try {
    table = JSON.parse(json);
  } catch (e) {
    throw new TextBlockError(`textsGz does not hold JSON (${(e as Error).message})`);
  }
  const problem = tableProblem(table);
  if (problem) throw new TextBlockError(`textsGz: ${problem}`);
  return table as TextTable;
}

/** The texts a record stores, whatever its version (decoded once per record object). */
export function storedTexts(record: WithTexts): TextTable {
  if (record.textsGz === undefined) return record.texts ?? {};
  let table = tables.get(record);
  if (!table) {
    table = decodeTexts(record.textsGz);
    tables.set(record, table);
  }
  return table;
}

/**
 * The texts stored by a parsed line that was not checked against the schema (a line read only
 * for its texts); a TextBlockError when they are not a text table.
 */
export function uncheckedTexts(data: object): TextTable {
  const { texts, textsGz } = data as { texts?: unknown; textsGz?: unknown };
  // Decoded through storedTexts on the same object, so a later check of the line reuses the table.
  if (textsGz !== undefined) {
    if (typeof textsGz !== 'string') throw new TextBlockError('textsGz is not a string');
    return storedTexts(data as WithTexts);
  }
  if (texts === undefined) return {};
  const problem = tableProblem(texts);
  if (problem) throw new TextBlockError(`texts: ${problem}`);
  return texts as TextTable;
}

/** The `textsGz` field for a table (none when it is empty); the record it goes in is known to hold `table`. */
export function withTexts<R extends object>(record: R, table: TextTable): R & { textsGz?: string } {
  if (Object.keys(table).length === 0) return record;
  const out = { ...record, textsGz: encodeTexts(table) };
  tables.set(out, table);
  return out;
}

const KEY = /^[^/]+\/.+$/;
const REF = /^[0-9a-f]{10,64}$/;

/** What is wrong with a decoded table, the same rules as the schema's `texts`; null when nothing. */
function tableProblem(table: unknown): string | null {
  if (!isPlainObject(table)) return 'the table is not a JSON object';
  for (const [key, byRef] of Object.entries(table)) {
    if (!KEY.test(key)) return `key ${JSON.stringify(key)} is not a prompt key (suite/id)`;
    if (!isPlainObject(byRef)) return `${key} is not an object of texts by ref`;
    for (const [ref, text] of Object.entries(byRef)) {
      if (!REF.test(ref)) return `${key}: ${JSON.stringify(ref)} is not a text ref (10 to 64 lowercase hex)`;
      if (typeof text !== 'string') return `${key}/${ref} is not a string`;
    }
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
