import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runBundledAction } from '../support/action.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { primeTruth } from '../support/prime.js';
import { NASTY_OUTPUT, remoteWithConfig, startActionServer } from './fixtures.js';

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

function pullRequestEvent(fork = false) {
  const base = { full_name: 'acme/widgets', fork: false };
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: 'a'.repeat(40), repo: base },
      head: { ref: 'feature', sha: 'b'.repeat(40), repo: fork ? { full_name: 'someone/widgets', fork: true } : base },
    },
    repository: base,
  };
}

describe('the action in check mode (pull_request)', () => {
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
    expect(first.stdout).toMatch(
      /::error::thresholds failed:%0Agpt-4: \d+ prompt\(s\) went from pass to fail \(p < 0\.001 under no change\): llmdrift-prime\/prime-\d+(, llmdrift-prime\/prime-\d+){9} and \d+ more/,
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
    const row = body.split('\n').find((line) => line.includes(example))!;
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

  it('skips a fork pull request that has no key, and passes', async () => {
    api = await startGitHubApi({ token: 'test-token' });
    const remote = await remoteWithConfig('https://api.openai.com/v1');
    const run = await runBundledAction({
      workspace: (await remote.clone()).dir,
      eventName: 'pull_request',
      event: pullRequestEvent(true),
      env: { ...remote.env, GITHUB_API_URL: api.url },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::notice::Skipped: this pull request comes from a fork/);
    expect(run.summary).toMatch(/trackrecord skipped/);
    expect(api.requests).toEqual([]);
  });
});
