import { sha256 } from '../util/hash.js';
import type { HistoryRecord } from './record.js';

/** One history line: the record as single-line JSON, without the newline. */
export function serializeRecord(record: HistoryRecord): string {
  return JSON.stringify(record);
}

/** SHA-256 (hex) of a line's UTF-8 bytes, without its newline: the next line's `prev`. */
export function lineHash(line: string): string {
  return sha256(line);
}

/**
 * Serializes records as consecutive lines, each with `prev` set to the hash of the line
 * before it; the first one chains to `prevHash` (GENESIS, or the hash of the file's last line).
 */
export function chainRecords(records: ReadonlyArray<Omit<HistoryRecord, 'prev'>>, prevHash: string): string[] {
  const lines: string[] = [];
  let prev = prevHash;
  for (const record of records) {
    // A stray `prev` on the input (a record re-appended after a rebase) must not win over ours.
    const { schema, prev: _stale, ...rest } = record as HistoryRecord;
    const line = serializeRecord({ schema, prev, ...rest } as HistoryRecord);
    lines.push(line);
    prev = lineHash(line);
  }
  return lines;
}
