import { BOT_IDENTITY, type Git, type Identity } from './git.js';
import { errorMessage } from '../util/values.js';
import { EXIT, TrackrecordError } from '../util/errors.js';

export interface PublishOptions {
  git: Git;
  remote?: string; // default 'origin'
  branch: string; // the checked-out branch to push to
  message: string; // commit message
  /** Applies this run's changes on top of the current working tree (called once per attempt, after the tree was reset to the remote tip), returns the paths it changed (relative to the repo root). */
  apply: () => Promise<string[]>;
  /**
   * How long to keep retrying a rejected push, from the first attempt (default 10 minutes). A
   * time, not a count: with N runs finishing together the last may lose N-1 races.
   */
  retryForMs?: number;
  backoff?: { baseMs: number; maxMs: number }; // default 500 / 8000; full jitter
  sleep?: (ms: number) => Promise<void>; // injectable for tests
  /** The clock the retry time is measured on, in ms; default Date.now (injectable for tests). */
  now?: () => number;
  log?: (line: string) => void;
  /** Commit author and committer; default the github-actions[bot] identity. */
  author?: Identity;
  /** Source of randomness for the jitter, in [0, 1); default Math.random. */
  random?: () => number;
}

/** Publishing failed in a way retrying will not fix; the message says what to check. */
export class PublishError extends TrackrecordError {
  override readonly name = 'PublishError';
  readonly code = 'publish';
  readonly exitStatus = EXIT.failed;
}

export const DEFAULT_BACKOFF = { baseMs: 500, maxMs: 8000 } as const;

/** How long a rejected push is retried by default: 10 minutes. */
export const DEFAULT_RETRY_MS = 10 * 60_000;

/** Full-jitter exponential backoff before retry `retry` (1 = first retry): uniform in [0, min(max, base * 2^(retry-1))). */
export function backoffDelay(
  retry: number,
  backoff: { baseMs: number; maxMs: number } = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What to check for a push that failed for another reason than a moved branch. */
function pushHint(branch: string): string {
  return (
    'Check that the workflow grants `permissions: contents: write`, that actions/checkout kept its credentials ' +
    `(persist-credentials), and that no branch protection rule or ruleset blocks pushes to ${branch} ` +
    'from github-actions[bot].'
  );
}

/**
 * What can be known before a run spends its requests: the checkout is on `branch` (not a
 * detached HEAD), the remote exists, and (when HEAD has a commit) a dry-run push is not refused,
 * which on GitHub also tells whether the token may push. Throws PublishError saying what to do.
 */
export async function checkPublishable(git: Git, branch: string | null, remote = 'origin'): Promise<string> {
  const target = await checkBranch(git, branch, remote);
  if (!(await git.hasRemote(remote))) {
    throw new PublishError(
      `cannot publish to ${remote}/${target}: the checkout in ${git.cwd} has no remote "${remote}". ` +
        'Check it out with actions/checkout, or add the remote (git remote add origin <url>) before this step.',
    );
  }
  if ((await git.revParse('HEAD')) === null) return target; // an unborn branch: nothing to dry-run yet
  const pushed = await git.push(remote, target, { dryRun: true });
  if (!pushed.ok && !pushed.rejected) {
    throw new PublishError(
      `cannot push to ${remote}/${target} (checked before the run): ${pushed.message}\n${pushHint(target)}`,
    );
  }
  return target;
}

/** The checked-out branch, when it is `branch` (or any, for null); PublishError for a detached HEAD or another branch. */
async function checkBranch(git: Git, branch: string | null, remote: string): Promise<string> {
  const current = await git.currentBranch();
  const target = branch ?? current ?? '';
  if (current === null) {
    throw new PublishError(
      `cannot publish to ${remote}${branch ? `/${branch}` : ''}: the checkout is on a detached HEAD. Track mode commits and pushes, ` +
        'so it needs a branch checkout: run it on schedule, workflow_dispatch or push events, or check out a branch ' +
        '(actions/checkout with `ref: <branch>`).',
    );
  }
  if (current !== target) {
    throw new PublishError(`cannot publish to ${remote}/${target}: the checked-out branch is ${current}.`);
  }
  return target;
}

/**
 * Commits this run's changes and pushes them to `branch`, without ever forcing. When the push is
 * rejected because the branch moved, fetches the branch, resets the checkout to the new remote tip
 * (dropping only our own commit, keeping uncommitted changes), waits, and calls `apply` again so the caller re-creates its
 * changes on top of what the other run pushed. Returns the pushed commit, or null when there was
 * nothing to commit.
 */
export async function publish(o: PublishOptions): Promise<{ commit: string | null; attempts: number }> {
  const { git, branch, message, apply } = o;
  const remote = o.remote ?? 'origin';
  const retryForMs = Math.max(0, o.retryForMs ?? DEFAULT_RETRY_MS);
  const now = o.now ?? Date.now;
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  const sleep = o.sleep ?? defaultSleep;
  const log = o.log ?? (() => {});
  const author = o.author ?? BOT_IDENTITY;
  const random = o.random ?? Math.random;
  const trackingRef = `refs/remotes/${remote}/${branch}`;

  await checkBranch(git, branch, remote);
  // What the checkout held before we touched it, to make sure a reset never drops commits of others.
  const startTip = await git.revParse('HEAD');
  const startRemoteTip = await git.revParse(trackingRef);

  const deadline = now() + retryForMs;
  for (let attempt = 1; ; attempt++) {
    const paths = (await apply()).map(topLevel);
    await git.add(paths);
    if (!(await git.commit(message, { author, paths }))) {
      log(`trackrecord: nothing to commit${attempt > 1 ? ` on top of ${remote}/${branch}` : ''}`);
      return { commit: null, attempts: attempt };
    }
    const commit = await git.headSha();
    const pushed = await git.push(remote, branch);
    if (pushed.ok) {
      log(
        `trackrecord: pushed ${commit.slice(0, 12)} to ${remote}/${branch}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
      );
      return { commit, attempts: attempt };
    }
    if (!pushed.rejected) {
      throw new PublishError(`pushing to ${remote}/${branch} failed: ${pushed.message}\n${pushHint(branch)}`);
    }
    const left = deadline - now();
    if (left <= 0) {
      throw new PublishError(
        `gave up pushing to ${remote}/${branch} after ${attempt} attempts in ${duration(retryForMs)}: the branch kept moving ` +
          '(other runs pushed first every time). Nothing was force-pushed; rerun the job, or keep runs that ' +
          'commit to this branch from overlapping (a workflow `concurrency` group).',
      );
    }
    // The last wait ends at the deadline: one more attempt then, rather than none.
    const wait = Math.min(backoffDelay(attempt, backoff, random), left);
    log(
      `trackrecord: push rejected, ${remote}/${branch} moved; retrying on top of the new tip in ${wait} ms (attempt ${attempt + 1}, retrying for ${duration(left)} more)`,
    );
    await sleep(wait);
    try {
      await git.fetch(remote, branch);
    } catch (error) {
      throw new PublishError(`fetching ${remote}/${branch} after a rejected push failed: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    const newTip = await git.revParse(trackingRef);
    if (newTip === null) throw new PublishError(`fetching ${remote}/${branch} did not produce ${trackingRef}`);
    if (attempt === 1 && startTip !== null && !(await keepsStartCommits(git, startTip, newTip, startRemoteTip))) {
      throw new PublishError(
        `cannot retry the push to ${remote}/${branch}: the checkout had commits that are not on ${remote}/${branch}, ` +
          'and resetting to the new remote tip would discard them. Push them before this step, or run trackrecord on a clean checkout.',
      );
    }
    // --keep, not --hard: earlier steps of the job may have left uncommitted changes; only our commit goes.
    try {
      await git.resetKeep(trackingRef);
    } catch (error) {
      throw new PublishError(
        `cannot retry the push to ${remote}/${branch}: the checkout has uncommitted changes to files that the new ` +
          `${remote}/${branch} also changed, and moving to it would overwrite them (${errorMessage(error)}). ` +
          'Commit or discard them before this step.',
        { cause: error },
      );
    }
  }
}

/**
 * Whether resetting to `newTip` loses nothing but our own commit: the checkout's starting commit is
 * on the new remote tip, or it was already on the remote before (then the remote itself dropped it).
 */
async function keepsStartCommits(
  git: Git,
  startTip: string,
  newTip: string,
  startRemoteTip: string | null,
): Promise<boolean> {
  if (await git.isAncestor(startTip, newTip)) return true;
  return startRemoteTip !== null && (await git.isAncestor(startTip, startRemoteTip));
}

/** "10 min", "1.5 min", "40 s". */
function duration(ms: number): string {
  return ms >= 60_000 ? `${Number((ms / 60_000).toFixed(1))} min` : `${Math.ceil(ms / 1000)} s`;
}

/** A literal pathspec from the repository root, whatever the cwd and whatever characters the path holds. */
function topLevel(path: string): string {
  return `:(top,literal)${path.replace(/\\/g, '/').replace(/^\.\//, '')}`;
}
