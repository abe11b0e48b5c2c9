import { execFile } from 'node:child_process';

/** A commit identity, passed per command with `-c user.name=... -c user.email=...`. */
export interface Identity {
  name: string;
  email: string;
}

/** The identity GitHub shows as the Actions bot; used when the caller gives none. */
export const BOT_IDENTITY: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

export type PushResult = { ok: true } | { ok: false; rejected: boolean; message: string };

const MAX_BUFFER = 256 * 1024 * 1024;

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

  constructor(args: readonly string[], exitCode: number | null, stderr: string, stdout = '', detail?: string) {
    const command = hideCredentials(['git', ...args].map(quoteArg).join(' '));
    const cleanErr = hideCredentials(stderr);
    const why =
      cleanErr.trim() || hideCredentials(detail ?? '').trim() || hideCredentials(stdout).trim() || 'no output';
    super(`${command} failed (${exitCode === null ? 'did not run' : `exit ${exitCode}`}): ${why}`);
    this.command = command;
    this.exitCode = exitCode;
    this.stdout = hideCredentials(stdout);
    this.stderr = cleanErr;
  }
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./^~-]+$/.test(arg) ? arg : JSON.stringify(arg);
}

/**
 * The `git` CLI for one working directory. Commands run through execFile (no shell) with
 * `GIT_TERMINAL_PROMPT=0` (fail instead of asking for credentials) and `LC_ALL=C` (messages in
 * English, which `push` parses). `env` is merged over `process.env`; a key set to undefined is unset.
 */
export class Git {
  readonly cwd: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(cwd: string, env?: NodeJS.ProcessEnv) {
    this.cwd = cwd;
    this.env = { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  }

  /** The same git, with the same environment, in another working directory. */
  at(cwd: string): Git {
    return new Git(cwd, this.env);
  }

  /** Runs `git ...args`; throws GitError when git exits non-zero or cannot start. */
  async run(args: string[]): Promise<{ stdout: string; stderr: string }> {
    const result = await this.exec(args);
    if (result.code !== 0) throw new GitError(args, result.code, result.stderr, result.stdout, result.detail);
    return { stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs `git ...args` and returns the exit code instead of throwing on a non-zero exit. */
  private exec(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; detail?: string }> {
    return new Promise((resolve) => {
      execFile(
        'git',
        args,
        { cwd: this.cwd, env: this.env, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true },
        (error, stdout, stderr) => {
          if (error === null) return resolve({ code: 0, stdout, stderr });
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'number') return resolve({ code, stdout, stderr });
          // Could not start git (ENOENT, bad cwd) or the output overflowed maxBuffer.
          resolve({ code: null, stdout, stderr, detail: error.message });
        },
      );
    });
  }

  /** Runs a command whose exit code is an answer (0 or 1); other codes throw. */
  private async test(args: string[]): Promise<boolean> {
    const result = await this.exec(args);
    if (result.code === 0) return true;
    if (result.code === 1) return false;
    throw new GitError(args, result.code, result.stderr, result.stdout, result.detail);
  }

  /** The checked-out branch's short name, or null when HEAD is detached. */
  async currentBranch(): Promise<string | null> {
    const result = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    if (result.code === 0) return result.stdout.trim() || null;
    if (result.code === 1) return null;
    throw new GitError(
      ['symbolic-ref', '--quiet', '--short', 'HEAD'],
      result.code,
      result.stderr,
      result.stdout,
      result.detail,
    );
  }

  /** The commit HEAD points to; throws when there is none (unborn branch). */
  async headSha(): Promise<string> {
    const sha = await this.revParse('HEAD');
    if (sha === null) throw new GitError(['rev-parse', 'HEAD'], 1, 'HEAD does not point to a commit');
    return sha;
  }

  /** The commit a ref names, or null when it names none. */
  async revParse(ref: string): Promise<string | null> {
    const result = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    if (result.code === 0) return result.stdout.trim();
    return null;
  }

  /** Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.test(['merge-base', '--is-ancestor', ancestor, descendant]);
  }

  /** Fetches one branch into its remote-tracking ref `refs/remotes/<remote>/<branch>` (no tags). */
  async fetch(remote: string, branch: string): Promise<void> {
    await this.run(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
  }

  /**
   * Moves the branch to `ref` and updates the files that differ, keeping uncommitted changes
   * (`reset --keep`): a GitError instead when a file with uncommitted changes differs too.
   */
  async resetKeep(ref: string): Promise<void> {
    await this.run(['reset', '--quiet', '--keep', ref]);
  }

  /** Stages the paths (pathspecs relative to the cwd), including deletions. */
  async add(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.run(['add', '--all', '--', ...paths]);
  }

  /**
   * Commits what is staged (only `paths` when given) as `author` (default the Actions bot),
   * without reading or writing any git config. Returns false when there is nothing to commit.
   */
  async commit(message: string, options: { author?: Identity; paths?: string[] } = {}): Promise<boolean> {
    const { author = BOT_IDENTITY, paths } = options;
    if (paths !== undefined && paths.length === 0) return false;
    const scope = paths === undefined ? [] : ['--', ...paths];
    if (await this.test(['diff', '--cached', '--quiet', ...scope])) return false;
    await this.run([
      '-c',
      `user.name=${author.name}`,
      '-c',
      `user.email=${author.email}`,
      '-c',
      'commit.gpgsign=false',
      'commit',
      '--quiet',
      '--cleanup=whitespace',
      '-m',
      message,
      ...(paths === undefined ? [] : ['--only', ...scope]),
    ]);
    return true;
  }

  /**
   * Pushes HEAD to `refs/heads/<branch>` on the remote, never forced. `rejected` is true when the
   * branch moved (non-fast-forward, fetch first, stale info, or the ref changed during the push);
   * false for every other failure (auth, network, hooks, branch protection).
   */
  async push(remote: string, branch: string): Promise<PushResult> {
    const args = ['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`];
    const result = await this.exec(args);
    // --porcelain prints one status line per ref on stdout; '!' marks a refused update.
    const refused = result.stdout.split('\n').filter((line) => line.startsWith('!\t'));
    if (result.code === 0 && refused.length === 0) return { ok: true };
    const output = [...refused, result.stderr.trim()].filter(Boolean).join('\n');
    const message = new GitError(args, result.code, output, result.stdout, result.detail).message;
    return { ok: false, rejected: isMovedBranch(`${result.stdout}\n${result.stderr}`), message };
  }

  /** The text of `path` (relative to the repository root) at `ref`, or null when either is missing. */
  async show(ref: string, path: string): Promise<string | null> {
    const spec = `${ref}:${path.replace(/^\.\//, '')}`;
    const exists = await this.exec(['cat-file', '-e', spec]);
    if (exists.code !== 0) {
      if (exists.code === null)
        throw new GitError(['cat-file', '-e', spec], null, exists.stderr, exists.stdout, exists.detail);
      return null;
    }
    const { stdout } = await this.run(['cat-file', 'blob', spec]);
    return stdout;
  }

  /** Whether the repository is a shallow clone. */
  async isShallow(): Promise<boolean> {
    const { stdout } = await this.run(['rev-parse', '--is-shallow-repository']);
    return stdout.trim() === 'true';
  }
}

/** Push output saying the remote branch is not where we thought it was. */
function isMovedBranch(output: string): boolean {
  if (/\[rejected\][^\n]*\((?:non-fast-forward|fetch first|stale info)\)/.test(output)) return true;
  // Two pushes racing on the same ref: the loser's ref update fails on the server.
  return /\[remote rejected\][^\n]*\((?:cannot lock ref|failed to update ref|incorrect old value)/.test(output);
}
