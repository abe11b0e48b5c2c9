import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError } from './git-error.js';

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

/** How long one git command may take before it is killed: a hung remote or credential helper must not hang the job. */
export const DEFAULT_GIT_TIMEOUT_MS = 5 * 60_000;

let noHooks: string | undefined;
/**
 * An empty folder for `core.hooksPath`: trackrecord's own commands run none of the repository's
 * hooks (a hook that hangs or fails must not cost the night). Made once per process.
 */
function emptyHooksDir(): string {
  if (noHooks === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'trackrecord-no-hooks-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    noHooks = dir;
  }
  return noHooks;
}

/** The result of one git command; `code` is null when git did not start or was killed. */
interface Exec {
  code: number | null;
  stdout: string;
  stderr: string;
  detail?: string;
  /** Set when the command ran out of time and was killed. */
  timedOutMs?: number;
}

/**
 * The `git` CLI for one working directory. Commands run without a shell, with
 * `GIT_TERMINAL_PROMPT=0` (fail instead of asking for credentials), `LC_ALL=C` (messages in
 * English, which `push` parses), none of the repository's hooks, and a time limit after which
 * git and everything it started are killed. `env` is merged over `process.env`; a key set to
 * undefined is unset.
 */
export class Git {
  readonly cwd: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;

  constructor(cwd: string, env?: NodeJS.ProcessEnv, options: { timeoutMs?: number } = {}) {
    this.cwd = cwd;
    this.env = { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  }

  /** The same git, with the same environment and time limit, in another working directory. */
  at(cwd: string): Git {
    return new Git(cwd, this.env, { timeoutMs: this.timeoutMs });
  }

  /** Runs `git ...args`; throws GitError when git exits non-zero, cannot start or runs out of time. */
  async run(args: string[]): Promise<{ stdout: string; stderr: string }> {
    const result = await this.exec(args);
    if (result.code !== 0) throw gitError(args, result);
    return { stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs `git ...args` and returns the exit code instead of throwing on a non-zero exit. */
  private exec(args: string[]): Promise<Exec> {
    // Hooks off for every command (post-checkout, reference-transaction...), not only commit and push.
    const full = ['-c', `core.hooksPath=${emptyHooksDir()}`, '-c', 'core.fsmonitor=false', ...args];
    // Its own process group on POSIX, so that a timeout kills what git started too (ssh, helpers).
    const group = process.platform !== 'win32';
    return new Promise((resolve) => {
      const child = spawn('git', full, {
        cwd: this.cwd,
        env: this.env,
        windowsHide: true,
        detached: group,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      let detail: string | undefined;
      let timedOutMs: number | undefined;
      const kill = (): void => {
        try {
          if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          // Already gone.
        }
      };
      const collect = (into: Buffer[]) => (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BUFFER) {
          detail ??= `output larger than ${MAX_BUFFER} bytes`;
          return kill();
        }
        into.push(chunk);
      };
      child.stdout.on('data', collect(out));
      child.stderr.on('data', collect(err));
      const timer = setTimeout(() => {
        timedOutMs = this.timeoutMs;
        kill();
      }, this.timeoutMs);
      const done = (code: number | null): void => {
        clearTimeout(timer);
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        if (timedOutMs !== undefined || detail !== undefined)
          return resolve({ code: null, stdout, stderr, detail, timedOutMs });
        resolve({ code, stdout, stderr });
      };
      // Could not start git (ENOENT, bad cwd): 'close' may not follow.
      child.on('error', (error) => {
        detail ??= error.message;
        done(null);
      });
      child.on('close', (code) => done(code));
    });
  }

  /** Runs a command whose exit code is an answer (0 or 1); other codes throw. */
  private async test(args: string[]): Promise<boolean> {
    const result = await this.exec(args);
    if (result.code === 0) return true;
    if (result.code === 1) return false;
    throw gitError(args, result);
  }

  /** The checked-out branch's short name, or null when HEAD is detached. */
  async currentBranch(): Promise<string | null> {
    const result = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    if (result.code === 0) return result.stdout.trim() || null;
    if (result.code === 1) return null;
    throw gitError(['symbolic-ref', '--quiet', '--short', 'HEAD'], result);
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

  /**
   * Stages exactly the paths (pathspecs relative to the cwd), including deletions, whatever
   * `.gitignore` says: they are files the caller wrote and means to commit.
   */
  async add(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.run(['add', '--all', '--force', '--', ...paths]);
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
      '--no-verify',
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
   * false for every other failure (auth, network, branch protection). With `dryRun` nothing is
   * updated: the remote is asked only (does it exist, may we push, did the branch move).
   */
  async push(remote: string, branch: string, options: { dryRun?: boolean } = {}): Promise<PushResult> {
    const dry = options.dryRun ? ['--dry-run'] : [];
    const args = ['push', '--porcelain', '--no-verify', ...dry, remote, `HEAD:refs/heads/${branch}`];
    const result = await this.exec(args);
    // --porcelain prints one status line per ref on stdout; '!' marks a refused update.
    const refused = result.stdout.split('\n').filter((line) => line.startsWith('!\t'));
    if (result.code === 0 && refused.length === 0) return { ok: true };
    const output = [...refused, result.stderr.trim()].filter(Boolean).join('\n');
    const message = gitError(args, { ...result, stderr: output }).message;
    return { ok: false, rejected: isMovedBranch(`${result.stdout}\n${result.stderr}`), message };
  }

  /** The text of `path` (relative to the repository root) at `ref`, or null when either is missing. */
  async show(ref: string, path: string): Promise<string | null> {
    const spec = `${ref}:${path.replace(/^\.\//, '')}`;
    const exists = await this.exec(['cat-file', '-e', spec]);
    if (exists.code !== 0) {
      if (exists.code === null) throw gitError(['cat-file', '-e', spec], exists);
      return null;
    }
    const { stdout } = await this.run(['cat-file', 'blob', spec]);
    return stdout;
  }

  /** Whether the repository has a remote of that name. */
  async hasRemote(name: string): Promise<boolean> {
    const args = ['remote', 'get-url', '--push', '--', name];
    const result = await this.exec(args);
    if (result.code === 0) return true;
    if (result.code === 2) return false; // "No such remote"
    throw gitError(args, result);
  }

  /** Whether the repository is a shallow clone. */
  async isShallow(): Promise<boolean> {
    const { stdout } = await this.run(['rev-parse', '--is-shallow-repository']);
    return stdout.trim() === 'true';
  }
}

function gitError(args: readonly string[], r: Exec): GitError {
  return new GitError(args, r.code, r.stderr, r.stdout, r.detail, r.timedOutMs);
}

/** Push output saying the remote branch is not where we thought it was. */
function isMovedBranch(output: string): boolean {
  if (/\[rejected\][^\n]*\((?:non-fast-forward|fetch first|stale info)\)/.test(output)) return true;
  // Two pushes racing on the same ref: the loser's ref update fails on the server.
  return /\[remote rejected\][^\n]*\((?:cannot lock ref|failed to update ref|incorrect old value)/.test(output);
}
