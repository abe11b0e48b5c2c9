import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { GitError } from './git-error.js';
import { Git } from './git.js';

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
 * Copies the history files of `ref` that a read of its last `runs` runs needs into a temporary
 * folder, to be read and verified like files on disk: the open file, and sealed segments newest
 * first until the files copied hold that many runs, then one more (its last line is what the
 * oldest of them chains to). Returns the copy's history path and the number of the oldest sealed
 * segment copied (the reader starts there), or null when `ref` has no history files.
 */
export async function historyFilesAt(
  git: Git,
  ref: string,
  history: string,
  parent: string,
  runs = Infinity,
): Promise<{ path: string; firstSealed: number; remove: () => Promise<void> } | null> {
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
  const ids = new Set<string>();
  const take = async (name: string): Promise<void> => {
    const text = await git.show(ref, dir === '.' ? name : `${dir}/${name}`);
    if (text === null) return;
    await writeFile(join(copy, name), text);
    for (const id of runIdsOf(text)) ids.add(id);
  };
  if (names.includes(`${stem}${ext}`)) await take(`${stem}${ext}`);
  const sealed = names
    .map((name) => ({ name, n: sealedNumber(name, stem, ext) }))
    .filter((s): s is { name: string; n: number } => s.n !== null)
    .sort((a, b) => b.n - a.n);
  let firstSealed = (sealed[0]?.n ?? 0) + 1;
  for (const { name, n } of sealed) {
    const enough = ids.size >= runs;
    await take(name);
    firstSealed = n;
    if (enough) break;
  }
  return {
    path: join(copy, `${stem}${ext}`),
    firstSealed,
    remove: () => rm(copy, { recursive: true, force: true }),
  };
}

/** The number of a sealed segment's name (`history-0003.jsonl`: 3), or null for another name. */
function sealedNumber(name: string, stem: string, ext: string): number | null {
  if (!name.startsWith(`${stem}-`) || !name.endsWith(ext)) return null;
  const digits = name.slice(stem.length + 1, name.length - ext.length);
  return /^\d{4,}$/.test(digits) && String(Number(digits)).padStart(4, '0') === digits ? Number(digits) : null;
}

/** The run ids of a history file's lines (lines that are not records are left to the reader to report). */
function runIdsOf(text: string): string[] {
  const ids: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const id = (JSON.parse(line) as { run?: { id?: unknown } }).run?.id;
      if (typeof id === 'string') ids.push(id);
    } catch {
      // Not a record: the reader reports it if it reads that far.
    }
  }
  return ids;
}
