import { lineHash } from './codec.js';
import { HistoryRewrittenError } from './errors.js';
import { lineAt, readHistory, type HistoryRead } from './read.js';

/** The last line of a history as a run verified it before it ran: a later history must still hold it. */
export interface VerifiedHead {
  /** SHA-256 of the line. */
  hash: string;
  /** The file that held it, and its 1-based number there (null when unknown). */
  path: string;
  line: number | null;
}

/** The last line of what was read, or null for an empty history (nothing to keep). */
export function headOf(read: HistoryRead): VerifiedHead | null {
  const last = read.lines.at(-1);
  if (last === undefined) return null;
  const at = lineAt(read, read.lines.length - 1);
  return { hash: lineHash(last), path: at?.path ?? read.open.path, line: at?.line ?? null };
}

/**
 * Throws HistoryRewrittenError when the history at `path`, as `read` (its last runs, verified)
 * holds it, no longer holds `head`: lines only ever go on after it. A head older than the lines
 * read (many runs landed since) is looked for in the whole history. `label` names the file that
 * held it as the user knows it.
 */
export async function refuseWithoutHead(
  path: string,
  read: HistoryRead,
  head: VerifiedHead,
  label: string,
): Promise<void> {
  if (holds(read, head)) return;
  if (!read.complete && holds(await readHistory(path), head)) return;
  throw new HistoryRewrittenError(label, head.line, head.hash);
}

/**
 * The same check under the history's lock, before an append (AppendOptions.beforeAppend): `lines`
 * are the open file's lines as verified there. Only when they do not hold `head` (the file was
 * sealed meanwhile, or cut) is the whole history read.
 */
export async function refuseWithoutHeadBefore(
  path: string,
  lines: readonly string[],
  head: VerifiedHead,
  label: string,
): Promise<void> {
  if (lines.some((line) => lineHash(line) === head.hash)) return;
  await refuseWithoutHead(path, await readHistory(path), head, label);
}

function holds(read: HistoryRead, head: VerifiedHead): boolean {
  return read.lines.some((line) => lineHash(line) === head.hash);
}
