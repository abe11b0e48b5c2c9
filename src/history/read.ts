import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { lineHash } from './codec.js';
import { HistoryError } from './errors.js';
import { failure, loadFile, readIfExists } from './file.js';
import { BackwardLines, firstLine } from './lines.js';
import { realPathOf } from './lock.js';
import { GENESIS, type HistoryRecord } from './record.js';
import { lastLine, sealedSegments } from './segments.js';
import type { OpenSnapshot } from './snapshot.js';
import { chainsTo, readTail } from './tail.js';
import { ChainVerifier, emptyContext, type HistoryContext } from './verify.js';

/** A history as read and verified: all of it, or its latest runs. */
export interface HistoryRead {
  /** The records read, oldest first. */
  records: HistoryRecord[];
  /** Their lines, as in the files (all files read, one after the other). */
  lines: string[];
  /**
   * The files read, oldest first: how many records were read from each, their lines, and the
   * number of the first of them in that file (1 unless only the file's last runs were read; a
   * sealed segment's is then unknown: null).
   */
  files: Array<{ path: string; records: number; lines: string[]; firstLine: number | null }>;
  /** Sealed segments in the history, read or not. */
  sealed: number;
  /** Whether every line of every segment was read. */
  complete: boolean;
  /** Catalogs and texts of lines not read whole that the records read refer to. */
  context: HistoryContext;
  /** The open file as read: an append reuses its verification while the file is unchanged. */
  open: OpenSnapshot;
}

/** The whole history, every segment verified in order; a HistoryError naming file and line when any is not intact. */
export async function readHistory(path: string): Promise<HistoryRead> {
  return read(path, Infinity);
}

/**
 * The last `runs` runs of the history: what a run compares with and a report shows, at a cost
 * that does not grow with the history's age. The open file and, when it holds fewer runs, the
 * newest sealed segments are read from their end (see tail.ts): the lines of those runs are
 * checked like `verify` checks them, from the hash of the line before them; what they refer to
 * is looked up in the lines just before; and the first line of every file read is checked to
 * chain to the last line of the file before it. When anything there is off, that file is
 * verified whole, and the HistoryError names its first bad line.
 */
export async function readRecent(
  path: string,
  runs: number,
  options: { firstSealed?: number } = {},
): Promise<HistoryRead> {
  return read(path, runs, options.firstSealed ?? 1);
}

/**
 * Where line `index` (0-based) of `read.lines` sits: its file, and its 1-based number there
 * (segments are numbered each from 1); null when that file's numbering is unknown (a sealed
 * segment read only from its end).
 */
export function lineAt(read: Pick<HistoryRead, 'files'>, index: number): { path: string; line: number } | null {
  if (index < 0) return null;
  let at = index;
  for (const file of read.files) {
    if (at < file.lines.length) return file.firstLine === null ? null : { path: file.path, line: file.firstLine + at };
    at -= file.lines.length;
  }
  return null;
}

interface FileRead {
  path: string;
  verifier: ChainVerifier;
  context: HistoryContext;
  whole: boolean;
}

/**
 * `firstSealed`: the number of the oldest sealed segment at hand (a copy of the newest segments
 * only, see historyFilesAt): the segment before it is not, so the reader must not need its last line.
 */
async function read(given: string, runs: number, firstSealed = 1): Promise<HistoryRead> {
  // Segments sit beside the file itself, where appends seal it, not beside a link to it.
  const path = await realPathOf(given);
  const sealed = await sealedSegments(path, firstSealed);
  const files = [...sealed, path];
  const chainedTo = (i: number) => chainStartOf(files, i, firstSealed);
  const read: FileRead[] = [];
  let open: OpenSnapshot | undefined;

  if (runs === Infinity) {
    // Everything, oldest first, so the first bad line reported is the first bad line.
    for (let i = 0; i < files.length; i++) {
      const previous = read.at(-1)?.verifier;
      const start = previous
        ? new ChainVerifier(previous.prevHash, `the last line of ${basename(files[i - 1]!)}`)
        : new ChainVerifier();
      const whole = await verifyWhole(files[i]!, start, i === files.length - 1, runs);
      if (whole.open) open = whole.open;
      read.push(whole.file);
    }
  } else {
    // Newest first, until the files read span `runs` runs.
    const runIds = new Set<string>();
    for (let i = files.length - 1; i >= 0; i--) {
      const isOpen = i === files.length - 1;
      const part = isOpen
        ? await openTail(files, runs, runIds, chainedTo)
        : await sealedTail(files, i, runs, runIds, chainedTo);
      if (part.open) open = part.open;
      read.push(part.file);
      if (!part.file.whole || runIds.size >= runs) break;
    }
    read.reverse();
  }
  const context = emptyContext();
  for (const f of read) {
    for (const [ref, entries] of f.context.catalogs) context.catalogs.set(ref, entries);
    for (const [key, texts] of f.context.texts) {
      const known = context.texts.get(key) ?? new Map<string, string>();
      for (const [ref, text] of texts) known.set(ref, text);
      context.texts.set(key, known);
    }
  }
  const complete = read.length === files.length && read.every((f) => f.whole);
  return {
    records: read.flatMap((f) => f.verifier.records),
    lines: read.flatMap((f) => f.verifier.lines),
    files: read.map((f) => ({
      path: f.path,
      records: f.verifier.records.length,
      lines: f.verifier.lines,
      firstLine: f.whole ? 1 : f.path === path ? f.verifier.firstLine : null,
    })),
    sealed: sealed.length,
    complete,
    context: { ...context, partial: !complete },
    open: open!,
  };
}

interface Part {
  file: FileRead;
  open?: OpenSnapshot;
}

/** A file verified whole with `verifier` (which keeps its state); a HistoryError when it is not intact. */
async function verifyWhole(file: string, verifier: ChainVerifier, isOpen: boolean, runs: number): Promise<Part> {
  const { result, bytes, exists } = await loadFile(file, verifier);
  if (!result.ok) throw failure(file, result, !isOpen);
  if (!isOpen && (result.lines.length === 0 || !result.endsWithNewline)) {
    throw new HistoryError(file, result.lines.length, 'a sealed segment must hold complete lines', null);
  }
  return {
    file: { path: file, verifier, context: emptyContext(), whole: true },
    ...(isOpen
      ? {
          open: {
            path: file,
            bytes,
            exists,
            verifier,
            endsWithNewline: result.endsWithNewline,
            lineOneChainsTo: verifier.chainStart,
            runs,
          },
        }
      : {}),
  };
}

/** The open file's last runs (the file is read into memory: its lines are counted, and an append compares it). */
type ChainStart = (i: number) => Promise<{ hash: string; after: string | null }>;

async function openTail(
  files: readonly string[],
  runs: number,
  runIds: Set<string>,
  chainedTo: ChainStart,
): Promise<Part> {
  const path = files.at(-1)!;
  const bytes = await readIfExists(path);
  const start = once(() => chainedTo(files.length - 1));
  if (bytes === null) {
    const { hash, after } = await start();
    const verifier = new ChainVerifier(hash, after);
    return {
      file: { path, verifier, context: emptyContext(), whole: true },
      open: {
        path,
        bytes: Buffer.alloc(0),
        exists: false,
        verifier,
        endsWithNewline: false,
        lineOneChainsTo: hash,
        runs,
      },
    };
  }
  const lines = BackwardLines.ofBytes(bytes);
  const lineCount = countLines(bytes);
  const tail = await readTail({ lines, runs, runIds, chainStart: start, lineCount });
  const first = bytes.subarray(0, Math.max(0, bytes.indexOf(0x0a)));
  if (tail === null || (!tail.whole && !chainsTo(first, (await start()).hash))) {
    return wholeInstead(path, await start(), true, runs, runIds);
  }
  return {
    file: { path, verifier: tail.verifier, context: tail.context, whole: tail.whole },
    open: {
      path,
      bytes,
      exists: true,
      verifier: tail.verifier,
      endsWithNewline: lines.endsWithNewline,
      lineOneChainsTo: (await start()).hash,
      runs,
    },
  };
}

/** A sealed segment's last runs, read from its end: only as much of the file as they take. */
async function sealedTail(
  files: readonly string[],
  i: number,
  runs: number,
  runIds: Set<string>,
  chainedTo: ChainStart,
): Promise<Part> {
  const path = files[i]!;
  const start = once(() => chainedTo(i));
  const handle = await open(path, 'r');
  try {
    const lines = await BackwardLines.ofFile(handle);
    const tail = lines.endsWithNewline ? await readTail({ lines, runs, runIds, chainStart: start }) : null;
    if (tail !== null && (tail.whole || chainsTo((await firstLine(handle)) ?? Buffer.alloc(0), (await start()).hash))) {
      return { file: { path, verifier: tail.verifier, context: tail.context, whole: tail.whole } };
    }
  } finally {
    await handle.close();
  }
  return wholeInstead(path, await start(), false, runs, runIds);
}

/** When a file's tail does not check out: the whole file, verified (the error names its first bad line). */
async function wholeInstead(
  path: string,
  start: { hash: string; after: string | null },
  isOpen: boolean,
  runs: number,
  runIds: Set<string>,
): Promise<Part> {
  const part = await verifyWhole(path, new ChainVerifier(start.hash, start.after), isOpen, runs);
  for (const r of part.file.verifier.records) runIds.add(r.run.id);
  return part;
}

/** What line 1 of file `i` chains to: GENESIS, or the hash of the last line of the file before it, read alone from its end. */
async function chainStartOf(
  files: readonly string[],
  i: number,
  firstSealed: number,
): Promise<{ hash: string; after: string | null }> {
  if (i === 0 && firstSealed > 1) {
    throw new HistoryError(files[0]!, 1, `the segment before it is not at hand to check what line 1 chains to`, null);
  }
  if (i === 0) return { hash: GENESIS, after: null };
  const previous = files[i - 1]!;
  const line = await lastLine(previous);
  if (line === null) throw new HistoryError(previous, 0, 'a sealed segment must not be empty', null);
  return { hash: lineHash(line), after: `the last line of ${basename(previous)}` };
}

function countLines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? count + 1 : count;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
