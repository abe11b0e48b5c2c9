import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { brokenHint, HistoryError } from './errors.js';
import { historyExists, loadFile, namedAs, openFileVerifier, strictDecoder, syncDir } from './file.js';
import { withHistoryLock, type LockOptions } from './lock.js';
import type { ChainVerifier } from './verify.js';

/** What a repair removed: the last `removedBytes` bytes of the file, from byte `offset`. */
export interface Repair {
  /** The cut-short line (1-based). */
  line: number;
  offset: number;
  removedBytes: number;
  /** The removed bytes as text (invalid UTF-8 shown as U+FFFD). */
  removed: string;
  /** Whether the line began with a complete valid record, which was kept. */
  keptRecord: boolean;
}

/**
 * Removes the bytes that a crash left after the last complete record, when that is the only
 * problem: a last line cut short, or bytes appended to a complete last line that had no final
 * newline (the record is kept). Anything else (an intact file, any other failure) is refused
 * with a HistoryError and the file is left as is. The file is replaced atomically: written
 * beside it, synced, then renamed over it.
 */
export async function repairTruncated(path: string, lock: LockOptions = {}): Promise<Repair> {
  if (!(await historyExists(path))) throw new HistoryError(path, 0, 'the file does not exist: nothing to repair', null);
  return withHistoryLock(path, (real) => repairUnlocked(real).catch(namedAs(real, path)), lock);
}

async function repairUnlocked(path: string): Promise<Repair> {
  const verifier = await openFileVerifier(path);
  const { result, bytes } = await loadFile(path, verifier);
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
  const lineStart = bytes.lastIndexOf(0x0a) + 1;
  const record = leadingRecordBytes(bytes.subarray(lineStart), verifier);
  const offset = lineStart + record;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const { mode } = await stat(path);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes.subarray(0, offset));
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
  return {
    line: result.line,
    offset,
    removedBytes: bytes.length - offset,
    removed: bytes.subarray(offset).toString('utf8'),
    keptRecord: record > 0,
  };
}

/**
 * The length in bytes of the complete, valid next record that a cut-short last line starts
 * with (bytes appended to a line that lacked its newline), or 0 when it starts with none.
 */
function leadingRecordBytes(line: Buffer, verifier: ChainVerifier): number {
  const end = jsonObjectEnd(line);
  if (end === 0) return 0;
  let text: string;
  try {
    text = strictDecoder.decode(line.subarray(0, end));
  } catch {
    return 0;
  }
  return verifier.push(text) === null ? end : 0;
}

/** The byte length of the JSON object that `bytes` starts with (braces matched outside strings), or 0. */
function jsonObjectEnd(bytes: Buffer): number {
  if (bytes[0] !== 0x7b) return 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) depth++;
    else if ((b === 0x7d || b === 0x5d) && --depth === 0) return i + 1;
  }
  return 0;
}
