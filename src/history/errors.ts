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

/** For CRLF line endings: `git checkout` would convert the file again, so check it out byte-exact. */
export function crlfHint(file: string): string {
  const f = shellQuote(file);
  return (
    'git converted its line endings on checkout (core.autocrlf=true, the default of Git for Windows), and checking it ' +
    `out again would convert it again. Keep it byte-exact: add the line "/${file} -text" to the .gitattributes at the ` +
    `repository's top (the action's track mode writes it), or run git config --global core.autocrlf false before the checkout; ` +
    `then check it out again: git rm --cached --quiet -- ${f} && git checkout -- ${f}`
  );
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

/**
 * The history no longer holds a line a run read and verified before (the last, which it recorded onto): it was cut back or
 * rewritten meanwhile (a force push while the run was in flight). Appending would make the
 * rewrite look like a normal night, so nothing is appended.
 */
export class HistoryRewrittenError extends TrackrecordError {
  override name = 'HistoryRewrittenError';
  readonly code = 'history-rewritten';
  readonly exitStatus = EXIT.failed;
  override readonly scope = 'program';
  override readonly lead = 'refusing to append: ';

  constructor(
    /** The file that held the line, as the config names it (or a segment beside it). */
    readonly file: string,
    readonly line: number | null,
    /** The SHA-256 of the line. */
    readonly hash: string,
  ) {
    super(
      `${file}: ${describeLine(line, hash)}, which this run read and verified before, is no longer in the ` +
        'history: it was cut back or rewritten since. Nothing was appended.',
    );
  }
}

/** "line 3 (SHA-256 0123456789abcdef...)", or "the line with SHA-256 ..." when its number is unknown. */
export function describeLine(line: number | null, hash: string): string {
  return line === null
    ? `the line with SHA-256 ${hash.slice(0, 16)}...`
    : `line ${line} (SHA-256 ${hash.slice(0, 16)}...)`;
}
