import { basename } from 'node:path';
import { lineHash } from './codec.js';
import { HistoryError } from './errors.js';
import { failure, loadFile } from './file.js';
import type { HistoryRecord } from './record.js';
import { lastLine, sealedSegments } from './segments.js';
import { ChainVerifier } from './verify.js';

/** A history as read and verified: all of it, or its latest segments. */
export interface HistoryRead {
  /** The records read, oldest first. */
  records: HistoryRecord[];
  /** Their lines, as in the files (all files read, one after the other). */
  lines: string[];
  /** The files read (whole and verified), oldest first: how many records each holds, and its lines. */
  files: Array<{ path: string; records: number; lines: string[] }>;
  /** Sealed segments in the history, read or not. */
  sealed: number;
  /** Whether every segment was read. */
  complete: boolean;
  /** The open file as read: an append reuses its verification while the file is unchanged. */
  open: OpenSnapshot;
}

/** The open file's bytes as verified, and the verifier holding its state after the last line. */
export interface OpenSnapshot {
  path: string;
  bytes: Buffer;
  exists: boolean;
  verifier: ChainVerifier;
  endsWithNewline: boolean;
}

/** The whole history, every segment verified in order; a HistoryError naming file and line when any is not intact. */
export async function readHistory(path: string): Promise<HistoryRead> {
  return read(path, Infinity);
}

/**
 * The open file and, newest first, as many sealed segments as it takes to hold the last `runs`
 * runs: what a run compares with and a report shows, at a cost that does not grow with the
 * history's age. Every file read is verified whole; the first one read is checked to chain to
 * the last line of the segment before it, read alone from the end of that file.
 */
export async function readRecent(path: string, runs: number): Promise<HistoryRead> {
  return read(path, runs);
}

async function read(path: string, runs: number): Promise<HistoryRead> {
  const sealed = await sealedSegments(path);
  const files = [...sealed, path];
  const read: Array<{ path: string; records: HistoryRecord[]; lines: string[] }> = [];
  let open: OpenSnapshot | undefined;
  const verifyFile = async (i: number, verifier: ChainVerifier): Promise<void> => {
    const file = files[i]!;
    const isOpen = i === files.length - 1;
    const { result, bytes, exists } = await loadFile(file, verifier);
    if (!result.ok) throw failure(file, result, !isOpen);
    if (!isOpen && (result.lines.length === 0 || !result.endsWithNewline)) {
      throw new HistoryError(file, result.lines.length, 'a sealed segment must hold complete lines', null);
    }
    if (isOpen) open = { path: file, bytes, exists, verifier, endsWithNewline: result.endsWithNewline };
    read.push({ path: file, records: result.records, lines: result.lines });
  };

  if (runs === Infinity) {
    // Everything, oldest first, so the first bad line reported is the first bad line.
    let verifier = new ChainVerifier();
    for (let i = 0; i < files.length; i++) {
      if (i > 0) verifier = new ChainVerifier(verifier.prevHash, `the last line of ${basename(files[i - 1]!)}`);
      await verifyFile(i, verifier);
    }
  } else {
    // Newest first, each file verified whole, chained to the last line of the file before it
    // (read alone from its end), until the files read span `runs` runs.
    const runIds = new Set<string>();
    for (let i = files.length - 1; i >= 0; i--) {
      await verifyFile(i, await chainedTo(files, i));
      for (const r of read.at(-1)!.records) runIds.add(r.run.id);
      if (runIds.size >= runs) break;
    }
    read.reverse();
  }
  return {
    records: read.flatMap((f) => f.records),
    lines: read.flatMap((f) => f.lines),
    files: read.map((f) => ({ path: f.path, records: f.records.length, lines: f.lines })),
    sealed: sealed.length,
    complete: read.length === files.length,
    open: open!,
  };
}

/** A verifier for file `i`, chained to the last line of the file before it. */
async function chainedTo(files: readonly string[], i: number): Promise<ChainVerifier> {
  if (i === 0) return new ChainVerifier();
  const previous = files[i - 1]!;
  const line = await lastLine(previous);
  if (line === null) throw new HistoryError(previous, 0, 'a sealed segment must not be empty', null);
  return new ChainVerifier(lineHash(line), `the last line of ${basename(previous)}`);
}
