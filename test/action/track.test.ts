import { afterEach, describe, expect, it } from 'vitest';
import { verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { remoteHistory, remoteTips } from '../support/git.js';
import { remoteWithConfig, startActionServer } from './fixtures.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the action in track mode (schedule), in-process', () => {
  it('keeps every record when six runs push at once, with a linear history and no force push', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const start = (await remoteHistory(remote)).length;
    const workspaces = await Promise.all(Array.from({ length: 6 }, () => remote.clone()));

    const runs = await Promise.all(
      workspaces.map(({ dir }) => runAction({ workspace: dir, eventName: 'schedule', env: remote.env })),
    );
    for (const run of runs) expect(run.code, run.log + run.failure).toBe(0);
    // A run that lost a race records again within its one commit step: it runs the suites once.
    for (const run of runs) expect(run.groups).toEqual(['Run the suites', 'Commit the track record']);
    expect(server.stats().requests).toBe(6 * 101);

    const commits = await remoteHistory(remote);
    expect(commits).toHaveLength(start + 6);
    for (let i = 1; i < commits.length; i++) expect(commits[i]!.parents).toEqual([commits[i - 1]!.sha]);

    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    const verified = verifyHistory(history);
    expect(verified.ok).toBe(true);
    expect(new Set(verified.records.map((r) => r.run.id)).size).toBe(6);
    // Each run that lost a race compared itself with the history it landed on, not the one it
    // started from: only the first record starts the series.
    const comparable = verified.records.map((r) => r.metrics.comparable);
    expect(comparable[0]).toBe(0);
    for (const n of comparable.slice(1)) expect(n).toBeGreaterThan(0);

    // Every value main ever had is an ancestor of the final tip: nothing was overwritten.
    const tips = await remoteTips(remote);
    for (const tip of tips) await remote.remoteGit.run(['merge-base', '--is-ancestor', tip, 'main']);
  });
});
