import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { chainRecords, lineHash } from './codec.js';
import { completeRecords, stayingRecords, type RecordSource } from './complete.js';
import { brokenHint, crlfHint, HistoryError, truncatedHint } from './errors.js';
import { withHistoryLock, type LockOptions } from './lock.js';
import type { HistoryRecord } from './record.js';
import { lastLine, sealedSegments, segmentPath } from './segments.js';
import type { OpenSnapshot } from './snapshot.js';
import { ChainVerifier, CRLF_LINE, verifyHistory, type VerifyResult } from './verify.js';

/** Whether the history has any file: the open one, or a sealed segment (the open one may not be started yet). */
export async function historyExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if (isMissing(e)) return (await sealedSegments(path)).length > 0;
    throw e;
  }
}

export interface AppendOptions extends LockOptions {
  /** Seal the open file and start a new one when an append would take it past this many bytes. */
  maxBytes?: number;
  /** Texts and catalogs to store again when the records land in a segment that lacks them. */
  source?: RecordSource;
  /** The open file as read before the run: its verification is reused while the file is unchanged. */
  snapshot?: OpenSnapshot;
  /**
   * Runs under the lock once the open file verified, before anything is written, with the number
   * of lines it holds and the lines verified (all, or its last ones): a check that must see the
   * file as it is appended to (it throws to refuse).
   */
  beforeAppend?: (lineCount: number, lines: readonly string[]) => Promise<void>;
  /**
   * Runs after the lines are written, still under the lock, with the lines and the 1-based line
   * number of the first in the open file: what must stay in step with the history (signed
   * envelopes) goes here.
   */
  afterAppend?: (lines: string[], firstLine: number) => Promise<void>;
  /** Runs right after the open file was sealed (renamed to `sealed`), still under the lock: files kept per history file follow it. */
  onSeal?: (open: string, sealed: string) => Promise<void>;
}

export interface AppendResult {
  /** The lines written. */
  lines: string[];
  /** The sealed segment the open file became before the lines were written, if it was sealed. */
  sealed: string | null;
  /** The 1-based line number of the first line written, in the open file. */
  firstLine: number;
  /** The open file as it now is (when lines were written): the snapshot for a next append. */
  open?: OpenSnapshot;
}

/**
 * Appends records to the open file, chained to the history's last line, after verifying that
 * file (a bad history is never appended to) and checking the new lines the same way. When the
 * lines would take the file past `maxBytes`, it is sealed first (renamed to the next segment)
 * and the lines start a new one. Whatever segment they land in, records are made to store the
 * catalogs and texts they refer to that the segment does not hold. All lines go out in one
 * write, then the file is synced; the history's lock is held throughout, so concurrent writers
 * chain one after the other.
 */
export async function appendRecords(
  path: string,
  records: ReadonlyArray<Omit<HistoryRecord, 'prev'>>,
  options: AppendOptions = {},
): Promise<AppendResult> {
  await mkdir(dirname(path), { recursive: true });
  return withHistoryLock(
    path,
    async (real) => {
      const result = await appendUnlocked(real, records, options).catch(namedAs(real, path));
      if (options.afterAppend && result.lines.length > 0) await options.afterAppend(result.lines, result.firstLine);
      return result;
    },
    options,
  );
}

async function appendUnlocked(
  path: string,
  records: ReadonlyArray<Omit<HistoryRecord, 'prev'>>,
  options: AppendOptions,
): Promise<AppendResult> {
  let segment = await openSegment(path, options.snapshot);
  if (records.length === 0) return { lines: [], sealed: null, firstLine: segment.lines + 1 };
  await options.beforeAppend?.(segment.lines, segment.verifier.lines);
  const runs = options.snapshot?.runs ?? Infinity;
  const staying = runs === Infinity ? undefined : stayingRecords(segment.verifier.records, runs);
  let lines = chainRecords(
    completeRecords(records, segment.verifier, options.source, staying),
    segment.verifier.prevHash,
  );
  let sealed: string | null = null;
  const adding = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  if (options.maxBytes !== undefined && segment.lines > 0 && segment.size + adding > options.maxBytes) {
    sealed = segmentPath(path, (await sealedSegments(path)).length + 1);
    await rename(path, sealed);
    await options.onSeal?.(path, sealed);
    await syncDir(dirname(path));
    const previous = segment.verifier;
    segment = {
      verifier: new ChainVerifier(previous.prevHash, `the last line of ${basename(sealed)}`),
      bytes: Buffer.alloc(0),
      size: 0,
      lines: 0,
      separator: '',
      exists: false,
      lineOneChainsTo: previous.prevHash,
    };
    lines = chainRecords(
      completeRecords(records, segment.verifier, options.source ?? previous),
      segment.verifier.prevHash,
    );
  }
  const { verifier } = segment;
  const firstLine = verifier.nextLine;
  for (const [i, line] of lines.entries()) {
    const problem = verifier.push(line);
    if (problem) {
      throw new Error(
        `refusing to append to ${path}: new record ${i + 1} of ${lines.length} would be an invalid line ` +
          `${verifier.nextLine}: ${problem.reason} (the history was not modified)`,
      );
    }
  }
  const data = `${segment.separator}${lines.map((l) => `${l}\n`).join('')}`;
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (!segment.exists) await syncDir(dirname(path));
  const bytes = Buffer.concat([segment.bytes, Buffer.from(data, 'utf8')]);
  const lineOneChainsTo = sealed ? segment.verifier.chainStart : segment.lineOneChainsTo;
  return {
    lines,
    sealed,
    firstLine,
    open: { path, bytes, exists: true, verifier, endsWithNewline: true, lineOneChainsTo, runs },
  };
}

interface OpenSegmentState {
  /** Verifier state after the file's last line. */
  verifier: ChainVerifier;
  bytes: Buffer;
  size: number;
  lines: number;
  /** A newline to write first, when the last line lacks one. */
  separator: string;
  exists: boolean;
  /** What the file's line 1 chains to. */
  lineOneChainsTo: string;
}

/**
 * The open file verified, chained to the last sealed segment's last line. The verification of
 * `snapshot` (perhaps of the file's last runs only, see read.ts) is reused when the file holds
 * exactly the bytes it was made from and still chains to the same segment.
 */
async function openSegment(path: string, snapshot: OpenSnapshot | undefined): Promise<OpenSegmentState> {
  const verifier = await openFileVerifier(path);
  if (snapshot && snapshot.path === path && verifier.prevHash === snapshot.lineOneChainsTo) {
    const bytes = await readIfExists(path);
    if (bytes !== null && snapshot.exists && bytes.equals(snapshot.bytes))
      return stateOf(snapshot.verifier, bytes, snapshot.endsWithNewline, true, snapshot.lineOneChainsTo);
    if (bytes === null && !snapshot.exists)
      return stateOf(snapshot.verifier, Buffer.alloc(0), false, false, snapshot.lineOneChainsTo);
  }
  const { result, bytes, exists } = await loadFile(path, verifier);
  if (!result.ok) throw failure(path, result, false);
  return stateOf(verifier, bytes, result.endsWithNewline, exists, verifier.chainStart);
}

/** A verifier for the open file: chained to the last line of the last sealed segment, read from its end. */
export async function openFileVerifier(path: string): Promise<ChainVerifier> {
  const last = (await sealedSegments(path)).at(-1);
  if (last === undefined) return new ChainVerifier();
  const line = await lastLine(last);
  if (line === null) throw new HistoryError(last, 0, 'a sealed segment must not be empty', null);
  return new ChainVerifier(lineHash(line), `the last line of ${basename(last)}`);
}

function stateOf(
  verifier: ChainVerifier,
  bytes: Buffer,
  endsWithNewline: boolean,
  exists: boolean,
  lineOneChainsTo: string,
): OpenSegmentState {
  const lines = verifier.nextLine - 1;
  const separator = lines > 0 && !endsWithNewline ? '\n' : '';
  return { verifier, bytes, size: bytes.length, lines, separator, exists, lineOneChainsTo };
}

/** A file's bytes, or null when it does not exist. */
export async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/** Errors about the file a history links to, naming it as the caller did. */
export function namedAs(real: string, path: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof HistoryError && real !== path ? error.relabel(path) : error;
  };
}

/** A file's bytes, verified with `verifier` (which keeps its state); an empty result when it does not exist. */
export async function loadFile(
  path: string,
  verifier?: ChainVerifier,
): Promise<{ result: VerifyResult; bytes: Buffer; exists: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if (!isMissing(e)) throw e;
    return { result: verifyHistory('', verifier), bytes: Buffer.alloc(0), exists: false };
  }
  const result = verifyHistory(bytes, verifier);
  // Invalid UTF-8 decodes to U+FFFD, so the text no longer has the file's bytes: say so
  // precisely, unless an earlier line failed, or this one is the last line cut short (which
  // can split a character).
  const badUtf8 = firstInvalidUtf8Line(bytes);
  if (badUtf8 !== null && (result.ok || result.line > badUtf8 || (result.line === badUtf8 && !result.truncated))) {
    const before = result.lines.slice(0, badUtf8 - 1);
    return {
      result: {
        ok: false,
        line: badUtf8,
        reason: 'not valid UTF-8',
        truncated: false,
        records: result.records.slice(0, before.length),
        lines: before,
      },
      bytes,
      exists: true,
    };
  }
  return { result, bytes, exists: true };
}

/** The error for a file that does not verify; only the open file (not a sealed segment) can be repaired. */
export function failure(path: string, result: Extract<VerifyResult, { ok: false }>, sealed = false): HistoryError {
  return new HistoryError(
    path,
    result.line,
    result.reason,
    result.reason === CRLF_LINE ? crlfHint(path) : result.truncated && !sealed ? truncatedHint(path) : brokenHint(path),
  );
}

export const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** 1-based number of the first line that is not valid UTF-8, or null. */
function firstInvalidUtf8Line(bytes: Buffer): number | null {
  // Line by line: the whole file may be too big for one string.
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      strictDecoder.decode(slice);
    } catch {
      return line;
    }
    if (end === -1) return null;
    start = end + 1;
  }
}

/** Makes a new or renamed entry durable; not every platform can open a directory, so best effort. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems refuse; the data itself is already synced.
  }
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}
