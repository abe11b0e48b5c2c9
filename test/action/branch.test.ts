import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Git } from '../../src/git/git.js';
import { ChainVerifier, verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { remoteHistory, type Remote } from '../support/git.js';
import { remoteWithConfig, startActionServer } from './fixtures.js';

const BRANCH = 'trackrecord-data';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The data branch's commits in the bare repository, oldest first, with their parents. */
async function dataCommits(remote: Remote): Promise<Array<{ sha: string; parents: string[] }>> {
  const { stdout } = await remote.remoteGit.run(['log', '--reverse', '--format=%H %P', BRANCH]);
  return stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [sha = '', ...parents] = line.trim().split(' ');
      return { sha, parents };
    });
}

/** What a later step of the job would see of the checkout: its branch, commit, status, worktrees and branches. */
async function checkoutState(git: Git): Promise<string[]> {
  return Promise.all([
    git.run(['symbolic-ref', 'HEAD']),
    git.run(['rev-parse', 'HEAD']),
    git.run(['status', '--porcelain', '--untracked-files=all', '--ignored']),
    git.run(['worktree', 'list', '--porcelain']),
    git.run(['branch', '--list']),
  ]).then((results) => results.map((r) => r.stdout));
}

describe('the action with input branch', () => {
  it('records on an orphan data branch, leaves the checkout as it was, and check mode reads from it', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const mainBefore = await remoteHistory(remote);

    for (let night = 1; night <= 2; night++) {
      const { dir, git } = await remote.clone();
      const before = await checkoutState(git);
      const run = await runAction({
        workspace: dir,
        eventName: 'schedule',
        env: remote.env,
        inputs: { branch: BRANCH },
      });
      expect(run.code, run.log + run.failure).toBe(0);
      expect(await checkoutState(git)).toEqual(before);
      expect(existsSync(join(dir, '.trackrecord'))).toBe(false);
      expect(run.outputs['report']).not.toContain(dir);
      expect(run.summary).toContain('gpt-4');
      // The history output is a file a later step can read: the history as committed to the branch.
      const named = run.outputs['history']!;
      expect(named).not.toContain(dir);
      expect(named.endsWith('/history.jsonl')).toBe(true);
      const committed = (await remote.remoteGit.run(['show', `${BRANCH}:.trackrecord/history.jsonl`])).stdout;
      expect(readFileSync(named, 'utf8')).toBe(committed);
      expect(committed.trimEnd().split('\n')).toHaveLength(night);
    }

    expect(await remoteHistory(remote)).toEqual(mainBefore);
    const commits = await dataCommits(remote);
    expect(commits).toHaveLength(2);
    expect(commits[0]!.parents).toEqual([]); // an orphan: nothing shared with main
    expect(commits[1]!.parents).toEqual([commits[0]!.sha]);
    const { stdout: files } = await remote.remoteGit.run(['ls-tree', '-r', '--name-only', BRANCH]);
    expect(files.trim().split('\n').sort()).toEqual([
      '.trackrecord/badge-gpt-4.svg',
      '.trackrecord/badge.json',
      '.trackrecord/badge.svg',
      '.trackrecord/history.jsonl',
      '.trackrecord/report.md',
    ]);
    const history = (await remote.remoteGit.run(['show', `${BRANCH}:.trackrecord/history.jsonl`])).stdout;
    expect(verifyHistory(history)).toMatchObject({ ok: true, records: [{}, {}] });

    // Check mode compares with the data branch's records.
    const { dir } = await remote.clone();
    const check = await runAction({
      workspace: dir,
      eventName: 'workflow_dispatch',
      env: remote.env,
      inputs: { mode: 'check', branch: BRANCH, comment: 'false' },
    });
    expect(check.code, check.log + check.failure).toBe(0);
    expect(check.log).toContain(`2 records on ${BRANCH}`);
    // Check mode keeps no history file: the output says none rather than a path that is not there.
    expect(check.outputs['history']).toBe('');
  });

  it('keeps every record when six runs create and push the data branch at once, never forcing', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const mainBefore = await remoteHistory(remote);
    const workspaces = await Promise.all(Array.from({ length: 6 }, () => remote.clone()));
    const runs = await Promise.all(
      workspaces.map(({ dir }) =>
        runAction({ workspace: dir, eventName: 'schedule', env: remote.env, inputs: { branch: BRANCH } }),
      ),
    );
    for (const run of runs) expect(run.code, run.log + run.failure).toBe(0);

    expect(await remoteHistory(remote)).toEqual(mainBefore);
    const commits = await dataCommits(remote);
    expect(commits).toHaveLength(6);
    expect(commits[0]!.parents).toEqual([]);
    for (let i = 1; i < commits.length; i++) expect(commits[i]!.parents).toEqual([commits[i - 1]!.sha]);
    const history = (await remote.remoteGit.run(['show', `${BRANCH}:.trackrecord/history.jsonl`])).stdout;
    const verified = verifyHistory(history, new ChainVerifier());
    expect(verified.ok).toBe(true);
    expect(new Set(verified.records.map((r) => r.run.id)).size).toBe(6);

    // Every value the data branch ever had is an ancestor of its final tip: nothing was overwritten.
    const { stdout } = await remote.remoteGit.run(['log', '-g', '--format=%H', `refs/heads/${BRANCH}`]);
    for (const tip of stdout.trim().split('\n'))
      await remote.remoteGit.run(['merge-base', '--is-ancestor', tip, BRANCH]);
  });
});
