import { basename, dirname, join } from 'node:path';
import { EXIT, TrackrecordError } from '../util/errors.js';
/** Errors about a history file, and what to tell the user to do about them. */

/**
 * The history file is bad (or cannot be repaired): `file:line: reason`, then what to do.
 * `line` is 0 when the problem is not about one line.
 */
export class HistoryError extends TrackrecordError {
  override name = 'HistoryError';
  readonly code = 'history';
  readonly exitStatus = EXIT.failed;
  override readonly scope = 'program';
  override readonly lead = 'history does not verify: ';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    readonly hint: string | null,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${reason}${hint === null ? '' : `\n  ${hint}`}`);
  }

  /** The same error naming the file another way (as the user wrote it, rather than absolute). */
  relabel(file: string): HistoryError {
    const hint = this.hint === null ? null : this.hint.split(shellQuote(this.file)).join(shellQuote(file));
    return new HistoryError(file, this.line, this.reason, hint);
  }
}

export function brokenHint(file: string): string {
  return `the history was not modified. Restore it from git (git checkout -- ${shellQuote(file)}) or investigate.`;
}

export function truncatedHint(file: string): string {
  return `the last line was cut short (a crash during a write?). Run: trackrecord verify --history ${shellQuote(file)} --repair`;
}

/**
 * How to name `file` (the history at `path`, or a segment beside it) for a user who calls the
 * history `label`: the label, or the segment's name beside it.
 */
export function labelOf(file: string, path: string, label: string): string {
  if (file === path) return label;
  if (dirname(file) === dirname(path)) return join(dirname(label), basename(file));
  return file;
}

/** A path as it can be pasted into a POSIX shell. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
