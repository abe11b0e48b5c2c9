/** Errors of git commands, with credentials removed from everything they show. */

/**
 * Removes credentials from text that may hold URLs or auth headers: `scheme://user:token@host`
 * and `scheme://token@host` become `scheme://***@host`, `Authorization: basic xyz` loses its value.
 */
export function hideCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"`]+@/gi, '$1***@')
    .replace(/\b(authorization:\s*(?:basic|bearer|token)\s+)\S+/gi, '$1***');
}

/** A git command that failed. Command, stderr and message are redacted. */
export class GitError extends Error {
  override readonly name = 'GitError';
  readonly command: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(
    args: readonly string[],
    exitCode: number | null,
    stderr: string,
    stdout = '',
    detail?: string,
    timedOutMs?: number,
  ) {
    const command = hideCredentials(['git', ...args].map(quoteArg).join(' '));
    const cleanErr = hideCredentials(stderr);
    const why =
      cleanErr.trim() || hideCredentials(detail ?? '').trim() || hideCredentials(stdout).trim() || 'no output';
    const status =
      timedOutMs !== undefined
        ? `timed out after ${seconds(timedOutMs)}, killed`
        : exitCode === null
          ? 'did not run'
          : `exit ${exitCode}`;
    super(`${command} failed (${status}): ${why}`);
    this.command = command;
    this.exitCode = exitCode;
    this.stdout = hideCredentials(stdout);
    this.stderr = cleanErr;
  }
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Number((ms / 60_000).toFixed(1))} min` : `${Number((ms / 1000).toFixed(1))} s`;
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./^~-]+$/.test(arg) ? arg : JSON.stringify(arg);
}
