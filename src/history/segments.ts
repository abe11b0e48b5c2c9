import { open, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { HistoryError } from './errors.js';

// A long history is split into segments so that no file grows without bound: the open file
// (`history.jsonl`, the configured path) takes new records, and when an append would take it past
// `history-max-mb` it is sealed, renamed `history-0001.jsonl`, `history-0002.jsonl`, ... in order.
// The chain runs through the segments: the first line of a segment holds the hash of the previous
// segment's last line. Each segment stores the catalogs and texts its records refer to.

/** The path of sealed segment `n` (1-based) of a history: `history.jsonl` -> `history-0001.jsonl`. */
export function segmentPath(historyPath: string, n: number): string {
  const ext = extname(historyPath);
  const stem = basename(historyPath, ext);
  return join(dirname(historyPath), `${stem}-${String(n).padStart(4, '0')}${ext}`);
}

/**
 * The sealed segments of a history, oldest first, from segment `first` (a copy of the newest
 * segments only starts later than 1). A gap in the numbering (a segment deleted or renamed) is
 * an error: the chain would be broken there.
 */
export async function sealedSegments(historyPath: string, first = 1): Promise<string[]> {
  const dir = dirname(historyPath);
  const ext = extname(historyPath);
  const stem = basename(historyPath, ext);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(\\d{4,})${escapeRegExp(ext)}$`);
  const numbers = names
    .map((name) => pattern.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && String(Number(m[1])).padStart(4, '0') === m[1])
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + first) {
      throw new HistoryError(
        segmentPath(historyPath, i + first),
        0,
        `sealed segment ${i + first} is missing (found ${basename(segmentPath(historyPath, n))}): the chain is broken there`,
        'the history was not modified. Restore the missing file from git.',
      );
    }
  });
  return numbers.map((n) => segmentPath(historyPath, n));
}

/**
 * The last line of a file (without its newline), read from the end: what the next segment
 * chains to, checked without reading the whole segment. Null for an empty file.
 */
export async function lastLine(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return null;
    const chunks: Buffer[] = [];
    let end = size;
    let skipNewline = true;
    while (end > 0) {
      const length = Math.min(64 * 1024, end);
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, end - length);
      end -= length;
      let part = chunk;
      if (skipNewline) {
        skipNewline = false;
        if (part[part.length - 1] !== 0x0a) {
          throw new HistoryError(path, 0, 'a sealed segment must end with a complete line', null);
        }
        part = part.subarray(0, part.length - 1);
      }
      const at = part.lastIndexOf(0x0a);
      if (at !== -1) {
        chunks.unshift(part.subarray(at + 1));
        return Buffer.concat(chunks).toString('utf8');
      }
      chunks.unshift(part);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
