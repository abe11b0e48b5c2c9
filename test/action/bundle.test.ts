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
import { commitFiles, remoteHistory } from '../support/git.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { makeKey } from '../support/keys.js';
import { primeTruth } from '../support/prime.js';
import { NASTY_OUTPUT, pullRequestEvent, remoteWithConfig, startActionServer, TRACK_COMMIT_FILES } from './fixtures.js';

/*
 * The bundled action (dist/index.js) as a runner starts it: a fresh node process, inputs in
 * INPUT_*, outputs and the job summary in the runner's files, annotations and masking as
 * workflow commands on stdout. `npm run test:node24` runs this file on Node 24, the runtime
 * action.yml names. The other tests of the action run it in-process (support/action.ts).
 */

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

describe('the bundled action in track mode (schedule)', () => {
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
});

describe('the bundled action in check mode (pull_request)', () => {
  it('keeps one sticky comment with drift before and after, and renders hostile output inert', async () => {
    server = await startActionServer();
    api = await startGitHubApi({ token: 'test-token' });
    const remote = await remoteWithConfig(server.baseUrl);
    // Main's history: a nightly run while the provider served the March snapshot.
    const nightly = await runBundledAction({
      workspace: (await remote.clone()).dir,
      eventName: 'schedule',
      env: remote.env,
    });
    expect(nightly.code, nightly.stdout).toBe(0);

    server.setAliases({ 'gpt-4': 'gpt-4-0613' });
    const check = () =>
      runBundledAction({
        workspace: workspace!,
        eventName: 'pull_request',
        event: pullRequestEvent(),
        env: { ...remote.env, GITHUB_API_URL: api!.url },
      });
    const workspace: string | undefined = (await remote.clone()).dir;
    // June's regressions break `fail-on-regression` (on by default): the job fails, after commenting.
    const first = await check();
    expect(first.code, first.stdout).toBe(1);
    // The p is the drift test's, a permutation p-value seeded by the run id: at most 0.01, not a fixed figure.
    expect(first.stdout).toMatch(
      /::error::thresholds failed:%0Agpt-4: \d+ prompts went from pass to fail \(p [<=] 0\.0\d+ under no change\): llmdrift-prime\/prime-\d+(, llmdrift-prime\/prime-\d+){9} and \d+ more/,
    );
    expect(api.comments('acme', 'widgets', 7)).toHaveLength(1);
    const second = await check();
    expect(second.code, second.stdout).toBe(1);
    const comments = api.comments('acme', 'widgets', 7);
    expect(comments).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    const body = comments[0]!.body;
    // Drifted prompts, with the March answer before and the June answer after.
    const march = primeTruth('gpt-4-0314');
    const june = primeTruth('gpt-4-0613');
    const drifted = [...march.keys()].filter((id) => march.get(id)!.answer !== june.get(id)!.answer);
    expect(drifted.length).toBeGreaterThan(50);
    for (const id of drifted) expect(body).toContain(id);
    const example = drifted.find((id) => march.get(id)!.answer && june.get(id)!.answer)!;
    // Its row of the drifted prompts' table (a failing prompt is also listed above, with its answer alone).
    const driftPart = body.slice(body.indexOf('### Drifted prompts in the latest run'));
    const row = driftPart.split('\n').find((line) => line.includes(example))!;
    expect(row).toMatch(new RegExp(`${march.get(example)!.answer}.*${june.get(example)!.answer}`));
    expect(body).toContain('chat/weather');

    // The hostile answer is in the comment, but as inert text.
    expect(body).not.toContain(NASTY_OUTPUT);
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/(^|[\s(])@octocat/);
    expect(body).not.toContain('](https://evil.example');
    expect(body.match(/<!--/g)).toHaveLength(1); // only the sticky marker
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);

    expect(first.outputs['drifted']).toBe(String(drifted.length + 1));
    expect(Number(first.outputs['regressions'])).toBeGreaterThan(0);
    // A regression is a warning annotation on the prompt's line in its suite file.
    expect(first.stdout).toMatch(
      /::warning title=trackrecord regression,file=prompts\/prime\.yaml,line=\d+::llmdrift-prime\/prime-\d+ went from pass to fail on gpt-4/,
    );
  });
});

describe('the bundled action with a signing key', () => {
  it('fails the job on a bad key before any request', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir } = await remote.clone();
    const key = makeKey();
    const run = await runBundledAction({
      workspace: dir,
      eventName: 'schedule',
      env: { ...remote.env, TRACKRECORD_SIGNING_KEY: key.publicPem },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::TRACKRECORD_SIGNING_KEY holds not a private key');
    // Even a key that fails is registered with the runner for masking first.
    expect(run.stdout.split('\n')).toContain(`::add-mask::${key.publicPem.split('\n')[1]!}`);
    expect(server.stats().requests).toBe(0);
  });
});
