import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Git, GitError } from './git.js';

// A data branch keeps the track record off the branch people work on. The action checks it out
// in a worktree of its own, in a temporary folder: the checkout the job's later steps see, its
// branch and its files, are never touched. The branch is created as an orphan (no history shared
// with the code) the first time.

export interface DataCheckout {
  /** The worktree's folder: the history, badges and report paths of the config are relative to it. */
  dir: string;
  /** Whether the branch did not exist on the remote yet (an orphan, created on the first push). */
  created: boolean;
  /** Removes the worktree (the branch on the remote is what remains). */
  remove(): Promise<void>;
}

/** Whether `name` is a valid branch name, as git itself judges. */
export async function isBranchName(git: Git, name: string): Promise<boolean> {
  try {
    await git.run(['check-ref-format', '--branch', name]);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/**
 * Checks `branch` of `remote` out in a new worktree under `parent`, on a local branch of that name
 * so that commits and pushes go to it; an orphan branch when the remote has none.
 */
export async function checkoutDataBranch(
  git: Git,
  remote: string,
  branch: string,
  parent: string,
): Promise<DataCheckout> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, 'trackrecord-data-'));
  const created = !(await fetchIfPresent(git, remote, branch));
  if (created) {
    await git.run(['worktree', 'add', '--quiet', '--detach', '--no-checkout', dir]);
    await git.at(dir).run(['checkout', '--quiet', '--orphan', branch]);
  } else {
    await git.run(['worktree', 'add', '--quiet', '-B', branch, dir, `refs/remotes/${remote}/${branch}`]);
  }
  return {
    dir,
    created,
    remove: async () => {
      await git.run(['worktree', 'remove', '--force', dir]).catch(() => rm(dir, { recursive: true, force: true }));
      await git.run(['worktree', 'prune']);
      // The local branch only served the worktree; what counts is on the remote.
      await git.run(['branch', '--quiet', '-D', branch]).catch(() => undefined);
    },
  };
}

/** Fetches `branch` into its remote-tracking ref; false when the remote has no such branch. */
export async function fetchIfPresent(git: Git, remote: string, branch: string): Promise<boolean> {
  const { stdout } = await git.run(['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
  if (stdout.trim() === '') return false;
  await git.fetch(remote, branch);
  return true;
}

/**
 * Copies the history files (the open one and its sealed segments) of `ref` into a temporary
 * folder, to be read and verified like files on disk. Returns the copy's history path, or null
 * when `ref` has no history files.
 */
export async function historyFilesAt(
  git: Git,
  ref: string,
  history: string,
  parent: string,
): Promise<{ path: string; remove: () => Promise<void> } | null> {
  const file = history.replace(/\\/g, '/').replace(/^\.\//, '');
  const dir = posix.dirname(file);
  const ext = posix.extname(file);
  const stem = posix.basename(file, ext);
  const { stdout } = await git.run(['ls-tree', '--name-only', ref, '--', `${dir === '.' ? '' : `${dir}/`}`]);
  const names = stdout
    .split('\n')
    .map((p) => posix.basename(p))
    .filter((name) => name === `${stem}${ext}` || (name.startsWith(`${stem}-`) && name.endsWith(ext)));
  if (names.length === 0) return null;
  await mkdir(parent, { recursive: true });
  const copy = await mkdtemp(join(parent, 'trackrecord-base-'));
  for (const name of names) {
    const text = await git.show(ref, dir === '.' ? name : `${dir}/${name}`);
    if (text !== null) await writeFile(join(copy, name), text);
  }
  return { path: join(copy, `${stem}${ext}`), remove: () => rm(copy, { recursive: true, force: true }) };
}
