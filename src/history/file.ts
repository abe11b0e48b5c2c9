import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { chainRecords } from './codec.js';
import { brokenHint, HistoryError, truncatedHint } from './errors.js';
import { withHistoryLock, type LockOptions } from './lock.js';
import type { HistoryRecord } from './record.js';
import { ChainVerifier, verifyHistory, type VerifyResult } from './verify.js';

export interface LoadedHistory {
  records: HistoryRecord[];
  lines: string[];
  endsWithNewline: boolean;
}

export async function historyExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if (isMissing(e)) return false;
    throw e;
  }
}

/** The verified history; empty when the file does not exist. Throws HistoryError when it is not intact. */
export async function readHistory(path: string): Promise<LoadedHistory> {
  const { result } = await load(path);
  if (!result.ok) throw failure(path, result);
  return { records: result.records, lines: result.lines, endsWithNewline: result.endsWithNewline };
}

export interface AppendOptions extends LockOptions {
  /**
   * Runs after the lines are written, still under the lock, with the lines and the 1-based line
   * number of the first: what must stay in step with the history (signed envelopes) goes here.
   */
  afterAppend?: (lines: string[], firstLine: number) => Promise<void>;
}

/**
 * Appends records, chained to the file's last line, after verifying the whole file (a bad
 * history is never appended to) and checking the new lines the same way. All lines go out in
 * one write, then the file is synced; the history's lock is held throughout, so concurrent
 * writers chain one after the other. Returns the lines written.
 */
export async function appendRecords(
  path: string,
  records: ReadonlyArray<Omit<HistoryRecord, 'prev'>>,
  options: AppendOptions = {},
): Promise<string[]> {
  await mkdir(dirname(path), { recursive: true });
  return withHistoryLock(
    path,
    async () => {
      const { lines, firstLine } = await appendUnlocked(path, records);
      if (options.afterAppend && lines.length > 0) await options.afterAppend(lines, firstLine);
      return lines;
    },
    options,
  );
}

async function appendUnlocked(
  path: string,
  records: ReadonlyArray<Omit<HistoryRecord, 'prev'>>,
): Promise<{ lines: string[]; firstLine: number }> {
  const verifier = new ChainVerifier();
  const { result, exists } = await load(path, verifier);
  if (!result.ok) throw failure(path, result);
  const lines = chainRecords(records, verifier.prevHash);
  const firstLine = verifier.lines.length + 1;
  for (const [i, line] of lines.entries()) {
    const problem = verifier.push(line);
    if (problem) {
      throw new Error(
        `refusing to append to ${path}: new record ${i + 1} of ${lines.length} would be an invalid line ` +
          `${verifier.lines.length + 1}: ${problem.reason} (the history was not modified)`,
      );
    }
  }
  if (lines.length === 0) return { lines, firstLine };

  const separator = result.lines.length > 0 && !result.endsWithNewline ? '\n' : '';
  const data = `${separator}${lines.map((l) => `${l}\n`).join('')}`;
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (!exists) await syncDir(dirname(path));
  return { lines, firstLine };
}

/**
 * Removes a last line that a crash cut short, when that is the only problem. Anything else
 * (an intact file, any other failure) is refused with a HistoryError and the file is left as is.
 * The file is replaced atomically: written beside it, synced, then renamed over it.
 */
export async function repairTruncated(
  path: string,
  lock: LockOptions = {},
): Promise<{ removedBytes: number; line: number }> {
  if (!(await historyExists(path))) throw new HistoryError(path, 0, 'the file does not exist: nothing to repair', null);
  return withHistoryLock(path, () => repairUnlocked(path), lock);
}

async function repairUnlocked(path: string): Promise<{ removedBytes: number; line: number }> {
  const { result, bytes } = await load(path);
  if (result.ok)
    throw new HistoryError(path, 0, `nothing to repair: ${result.records.length} records, chain intact`, null);
  if (!result.truncated) {
    throw new HistoryError(
      path,
      result.line,
      result.reason,
      `only a cut-short last line can be repaired. ${brokenHint(path)}`,
    );
  }
  const keep = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const { mode } = await stat(path);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(keep);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncDir(dirname(path));
  return { removedBytes: bytes.length - keep.length, line: result.line };
}

async function load(
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
  const result = verifyHistory(bytes.toString('utf8'), verifier);
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

function failure(path: string, result: Extract<VerifyResult, { ok: false }>): HistoryError {
  return new HistoryError(path, result.line, result.reason, result.truncated ? truncatedHint(path) : brokenHint(path));
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** 1-based number of the first line that is not valid UTF-8, or null. */
function firstInvalidUtf8Line(bytes: Buffer): number | null {
  try {
    strictDecoder.decode(bytes);
    return null;
  } catch {
    // Rare: find the line.
  }
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
async function syncDir(dir: string): Promise<void> {
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
