import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Git } from '../../../src/git/git.js';
import { startReplayServer, type Recording, type ReplayServer } from '../../../tools/replay/index.js';
import { runAction } from '../../support/action.js';
import { makeRemote, type Remote } from '../../support/git.js';
import { EDITS_RECORDINGS, EDITS_SUITE, editsConfig, MARKUP, P7, P7_REWORDED } from '../../support/edits.js';
import { startGitHubApi, type GitHubApi } from '../../support/github-api.js';

const SAMPLES = 5;
let samples = SAMPLES;
const config = (baseUrl: string, system = '') => editsConfig(baseUrl, samples, system);
const SUITE = EDITS_SUITE;

const event = {
  action: 'synchronize',
  number: 9,
  pull_request: {
    number: 9,
    base: { ref: 'main', sha: 'a'.repeat(40), repo: { full_name: 'acme/widgets', fork: false } },
    head: { ref: 'edit', sha: 'b'.repeat(40), repo: { full_name: 'acme/widgets', fork: false } },
  },
  repository: { full_name: 'acme/widgets', fork: false },
};

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
  samples = SAMPLES;
});

/** A remote whose main holds the config and suite, with a nightly run's history on top. */
async function nightlyRemote(
  recordings: Recording[] = EDITS_RECORDINGS,
): Promise<{ remote: Remote; server: ReplayServer; api: GitHubApi }> {
  server = await startReplayServer({ recordings });
  api = await startGitHubApi({ token: 'test-token' });
  const remote = await makeRemote();
  const { dir, git } = await remote.clone();
  writeFiles(dir, { 'prompts/s.yaml': SUITE, '.github/trackrecord.yml': config(server.baseUrl) });
  await commit(git, 'add trackrecord');
  await git.run(['push', '--quiet', 'origin', 'HEAD:main']);
  const nightly = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
  expect(nightly.code, nightly.log).toBe(0);
  return { remote, server, api };
}

/** A pull request's checkout with `files` changed and committed, checked; requests counted at the server. */
async function checkPullRequest(
  files: (dir: string, baseUrl: string) => Record<string, string>,
  recordings?: Recording[],
) {
  const { remote, server, api } = await nightlyRemote(recordings);
  const { dir, git } = await remote.clone();
  writeFiles(dir, files(dir, server.baseUrl));
  await commit(git, 'the change');
  const before = server.stats().requests;
  const run = await runAction({
    workspace: dir,
    eventName: 'pull_request',
    event,
    env: { ...remote.env, GITHUB_API_URL: api.url },
  });
  const comments = api.comments('acme', 'widgets', 9);
  return { run, requests: server.stats().requests - before, body: comments.at(-1)?.body ?? '' };
}

describe('check mode: what the pull request changed', () => {
  it('shows a reworded prompt whose answer flips, with both answers and the regression, and fails', async () => {
    const { run, requests, body } = await checkPullRequest((dir) => ({
      'prompts/s.yaml': readFileSync(join(dir, 'prompts/s.yaml'), 'utf8').replace(P7, P7_REWORDED),
    }));
    expect(run.code, run.log).toBe(1);
    // Three prompts for this change, and the base version of the one edited prompt: same samples.
    expect(requests).toBe(3 * SAMPLES + 1 * SAMPLES);
    const [changed, drift] = body.split('## Drift since the last record');
    expect(changed).toContain('## What this PR changed');
    // The top table counts the PR's own regression, as the part below it does: never "0" above "1".
    const top = changed!.split('\n').find((line) => line.startsWith('| **m** |'))!;
    expect(top.split(' | ')[5]).toBe('1 (1 of this PR)');
    expect(changed).toContain(`**${SAMPLES} extra requests**`);
    const section = changed!.slice(changed!.indexOf('### s/p7: edited in this PR'));
    expect(section).toMatch(
      /\| prompt \| Is 7 prime\? Answer yes or no\. \| Is 7 a prime number\? Answer yes or no\. \|/,
    );
    // The base version answers yes (pass), this one no (fail), the last record said yes. Five
    // samples a side: Fisher's exact p = 2 / C(10, 5) = 1/126, beyond noise, the edit's regression.
    expect(section).toMatch(
      /\| m \| yes \| no \| changed \(p = 0\.0079\) \| pass → fail, \*\*regression of this PR\*\* \| yes \|/,
    );
    expect(drift).not.toContain('s/p7');
    expect(drift).toContain('No drift: all 2 comparable prompts kept their answer.');
    expect(run.failure).toMatch(
      /^thresholds failed:\nm: 1 prompt went from pass to fail because of this change's edits \(the base version passes in the same run\): s\/p7/,
    );
    // The annotation points at the edited line in the suite file: p7's `prompt:` (its `- id:` is line 7).
    expect(run.annotations).toContainEqual({
      level: 'warning',
      title: 'trackrecord regression',
      file: 'prompts/s.yaml',
      startLine: 8,
      message: "s/p7 went from pass to fail on m with this change's edit of prompt",
    });
    expect(run.annotations.filter((a) => a.title === 'trackrecord regression')).toHaveLength(1);
    expect(run.outputs['regressions']).toBe('1');
  }, 60_000);

  it("compares every prompt with the base version when only the model's system prompt changed, and keeps a hostile answer inert", async () => {
    const { run, requests, body } = await checkPullRequest((_dir, baseUrl) => ({
      '.github/trackrecord.yml': config(baseUrl, `    system: "${MARKUP}"\n`),
    }));
    // Every prompt of the model is edited: each runs in both versions, five samples each.
    expect(requests).toBe(3 * SAMPLES + 3 * SAMPLES);
    const changed = body.split('## Drift since the last record')[0]!;
    expect(changed).toContain(`**${3 * SAMPLES} extra requests**`);
    expect(changed).toContain('### Model m: settings edited in this PR');
    expect(changed).toMatch(/\| system \| _unset_ \| Answer in markup\. \|/);
    // 4 x5 against the markup x5: p = 1/126, a discovery at 5% over the 3 edits; the others kept their answers.
    expect(changed).toContain('answers changed on **1 of 3**, **1 regression of this PR**');
    const row = changed.split('\n').find((l) => l.startsWith('| s/add |'))!;
    expect(row).toMatch(
      /^\| s\/add \| 4 \| Four .* \| changed \(p = 0\.0079\) \| pass → fail, \*\*regression of this PR\*\* \| 4 \|$/,
    );
    expect(changed).not.toContain('s/capital');
    expect(changed).not.toContain('s/p7');
    expect(run.code, run.log).toBe(1);
    // On the edited line of the model: its `system:` (the model's `- id:` is line 2).
    expect(run.annotations).toContainEqual({
      level: 'warning',
      title: 'trackrecord regression',
      file: '.github/trackrecord.yml',
      startLine: 6,
      message: expect.stringMatching(/^m: the edit of system/),
    });
    // The answer's markup stays text: one marker (the comment's own), no tags, mention or link,
    // and its pipes add no cell to the row.
    expect(body.split('<!-- trackrecord:check -->')).toHaveLength(2);
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/(^|[\s(])@octocat/);
    expect(body).not.toContain('](https://evil.example');
    expect(row.split(' | ')).toHaveLength(6);
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(changed).toContain('<details><summary>Full answers: s/add on m</summary>');
  }, 60_000);

  it('with two samples, too few to tell noise from the edit, counts the flip as one sample would, and fails', async () => {
    samples = 2;
    const { run, requests, body } = await checkPullRequest((dir) => ({
      'prompts/s.yaml': readFileSync(join(dir, 'prompts/s.yaml'), 'utf8').replace(P7, P7_REWORDED),
    }));
    // yes/yes against no/no: no split of 2 + 2 samples is significant (1/3 at best), so the modal
    // answers are compared, as with one sample a version.
    expect(run.code, run.log).toBe(1);
    expect(requests).toBe(3 * 2 + 1 * 2);
    const changed = body.split('## Drift since the last record')[0]!;
    expect(changed).toContain('**2 extra requests**');
    expect(changed).toMatch(/\| m \| yes \| no \| changed \| pass → fail, \*\*regression of this PR\*\* \|/);
    expect(changed).toContain('**1 regression of this PR**');
    expect(run.outputs['regressions']).toBe('1');
  }, 60_000);

  it('with five samples whose majority flips by one sample each way, shows the flip within noise and passes', async () => {
    // Each batch of five requests for a prompt gets these five outputs: 3 yes and 2 no before the
    // edit, 2 yes and 3 no after it. The majority flips; the distributions do not differ (p = 1).
    const { run, body } = await checkPullRequest(
      (dir) => ({ 'prompts/s.yaml': readFileSync(join(dir, 'prompts/s.yaml'), 'utf8').replace(P7, P7_REWORDED) }),
      [
        ...EDITS_RECORDINGS.filter((r) => r.prompt !== P7 && r.prompt !== P7_REWORDED),
        ...['Yes.', 'Yes.', 'Yes.', 'No.', 'No.'].map((output) => ({ model: 'tiny-1', prompt: P7, output })),
        ...['No.', 'No.', 'No.', 'Yes.', 'Yes.'].map((output) => ({ model: 'tiny-1', prompt: P7_REWORDED, output })),
      ],
    );
    expect(run.code, run.log).toBe(0);
    const changed = body.split('## Drift since the last record')[0]!;
    expect(changed).toMatch(/\| m \| yes \| no \| differs, within noise \(p = 1\) \| pass → fail, within noise \|/);
    expect(changed).not.toContain('regression of this PR');
    expect(run.annotations.filter((a) => a.title === 'trackrecord regression')).toEqual([]);
    expect(run.outputs['regressions']).toBe('0');
  }, 60_000);

  it('shows no edits for a change that leaves every definition as it was, and runs nothing twice', async () => {
    // Outside the suites, and only the form of the suite and config: a comment, a run setting.
    const { run, requests, body } = await checkPullRequest((dir, baseUrl) => ({
      'README.md': '# changed\n',
      'prompts/s.yaml': `# reviewed\n${readFileSync(join(dir, 'prompts/s.yaml'), 'utf8')}`,
      '.github/trackrecord.yml': `${config(baseUrl)}concurrency: 2\n`,
    }));
    expect(run.code, run.log).toBe(0);
    expect(requests).toBe(3 * SAMPLES);
    expect(body).toContain('No prompt, check or model setting differs from `main`.');
    expect(body).toContain('No drift: all 3 comparable prompts kept their answer.');
  }, 60_000);
});

describe('check mode on a base without trackrecord', () => {
  it('lists every prompt and model of the pull request that adds it as new, with verdicts, and runs nothing twice', async () => {
    server = await startReplayServer({ recordings: EDITS_RECORDINGS });
    api = await startGitHubApi({ token: 'test-token' });
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    writeFiles(dir, { 'README.md': '# widgets\n' });
    await commit(git, 'start');
    await git.run(['push', '--quiet', 'origin', 'HEAD:main']);
    writeFiles(dir, { 'prompts/s.yaml': SUITE, '.github/trackrecord.yml': config(server.baseUrl) });
    await commit(git, 'add trackrecord');
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      event,
      env: { ...remote.env, GITHUB_API_URL: api.url },
    });
    expect(run.code, run.log).toBe(0);
    expect(server.stats().requests).toBe(3 * SAMPLES);
    const body = api.comments('acme', 'widgets', 9).at(-1)!.body;
    const changed = body.split('## Drift since the last record')[0]!;
    expect(changed).toContain(
      'Nothing of `main` was edited, only added or removed: nothing ran twice, **0 extra requests**.',
    );
    expect(changed).toContain('**New model** (not on `main`): m.');
    expect(changed).toContain(
      '**New** (no counterpart on `main`): s/capital on m: pass; s/p7 on m: pass; s/add on m: pass.',
    );
  }, 60_000);
});

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

async function commit(git: Git, message: string): Promise<void> {
  await git.run(['add', '.']);
  await git.run(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m', message]);
}
