import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeMessage } from '../../src/badge/index.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { actionNode, runBundledAction } from '../support/action.js';
import { commitFiles, remoteHistory, remoteTips } from '../support/git.js';
import { remoteWithConfig, startActionServer, TRACK_COMMIT_FILES } from './fixtures.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the action in track mode (schedule)', () => {
  it('commits history, badges and report in one commit and sets outputs and the job summary', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const before = await remoteHistory(remote);
    const { dir } = await remote.clone();

    const run = await runBundledAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The Node that ran it: this one, or Node 24 under `npm run test:node24`.
    const node = execFileSync(actionNode(), ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    expect(run.stdout).toContain(`trackrecord: track mode (schedule), on Node ${node}`);

    const after = await remoteHistory(remote);
    expect(after).toHaveLength(before.length + 1);
    const commit = after.at(-1)!;
    expect(commit.subject).toMatch(/^trackrecord: record run \d+-1$/);
    expect(commit.parents).toEqual([before.at(-1)!.sha]);
    expect(await commitFiles(remote, commit.sha)).toEqual(TRACK_COMMIT_FILES);

    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    const verified = verifyHistory(history);
    expect(verified.ok).toBe(true);
    const [record] = verified.records as HistoryRecord[];
    expect(record!.metrics.prompts).toBe(101);

    expect(run.outputs).toEqual({
      reliability: String(record!.metrics.reliability),
      drifted: '0',
      regressions: '0',
      report: join(dir, '.trackrecord/report.md'),
      history: '.trackrecord/history.jsonl',
      statement: expect.stringMatching(/trackrecord-statement\.json$/),
      predicate: expect.stringMatching(/trackrecord-predicate\.json$/),
    });
    expect(run.summary).toContain('gpt-4');
    expect(run.summary.trimEnd()).toBe(readFileSync(join(dir, '.trackrecord/report.md'), 'utf8').trimEnd());

    const badge = (await remote.remoteGit.run(['show', 'main:.trackrecord/badge.svg'])).stdout;
    expect(XMLValidator.validate(badge)).toBe(true);
    expect(badge).toContain(`>${badgeMessage(record!.metrics.reliability)}<`);
    expect(JSON.parse((await remote.remoteGit.run(['show', 'main:.trackrecord/badge.json'])).stdout)).toMatchObject({
      schemaVersion: 1,
      message: badgeMessage(record!.metrics.reliability),
    });
  });

  it('keeps every record when six runs push at once, with a linear history and no force push', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const start = (await remoteHistory(remote)).length;
    const workspaces = await Promise.all(Array.from({ length: 6 }, () => remote.clone()));

    const runs = await Promise.all(
      workspaces.map(({ dir }) => runBundledAction({ workspace: dir, eventName: 'schedule', env: remote.env })),
    );
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);

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
