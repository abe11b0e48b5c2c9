import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { pullRequestEvent, remoteWithConfig, startActionServer } from './fixtures.js';

// The home of the check-mode tests: the basics here; check/edits.test.ts for what a pull request
// changed (edited prompts, a base without trackrecord), check/noise.test.ts for sampled models.

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

describe('the action in check mode (pull_request)', () => {
  it('skips a fork pull request that has no key, and passes', async () => {
    api = await startGitHubApi({ token: 'test-token' });
    const remote = await remoteWithConfig('https://api.openai.com/v1');
    const run = await runAction({
      workspace: (await remote.clone()).dir,
      eventName: 'pull_request',
      event: pullRequestEvent(true),
      env: { ...remote.env, GITHUB_API_URL: api.url },
    });
    expect(run.code).toBe(0);
    expect(run.annotations).toEqual([
      { level: 'notice', message: expect.stringMatching(/^Skipped: this pull request comes from a fork/) },
    ]);
    expect(run.summary).toMatch(/trackrecord skipped/);
    expect(api.requests).toEqual([]);
  });

  it('on a base with no history: passes, sets its outputs, and keeps one comment, created then updated', async () => {
    server = await startActionServer();
    api = await startGitHubApi({ token: 'test-token' });
    const remote = await remoteWithConfig(server.baseUrl);
    const workspace = (await remote.clone()).dir;
    const check = () =>
      runAction({
        workspace,
        eventName: 'pull_request',
        event: pullRequestEvent(),
        env: { ...remote.env, GITHUB_API_URL: api!.url },
      });
    const first = await check();
    expect(first.code, first.failure ?? first.log).toBe(0);
    expect(first.annotations).toEqual([]);
    // 84 of the 101 prompts pass on the March snapshot; with nothing to compare with, nothing drifted.
    expect({ ...first.outputs, report: undefined }).toEqual({
      reliability: String(84 / 101),
      drifted: '0',
      regressions: '0',
      report: undefined,
      history: '.trackrecord/history.jsonl',
    });
    expect(first.outputs['report']).toMatch(/\/trackrecord-report\.md$/);
    const created = api.comments('acme', 'widgets', 7);
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toContain(
      '| **gpt-4** | 83.2% (no base yet) | 83.2% (no base yet) | n/a | none | 0 | 0 |',
    );
    expect(created[0]!.body).toContain('No prompt, check or model setting differs from `main`.');
    // The 17 failing prompts are named with their answers: the first 10, then how many more.
    expect(created[0]!.body).toContain('**17 failing prompts** in the latest run:');
    expect(created[0]!.body).toContain('… and 7 more failing prompts, not shown here:');
    expect(created[0]!.body.match(/^\| `[a-z0-9-]+\/[\w-]+` \| .* \| .+ \|$/gm)).toHaveLength(10);

    const second = await check();
    expect(second.code, second.failure ?? second.log).toBe(0);
    const updated = api.comments('acme', 'widgets', 7);
    expect(updated.map((c) => c.id)).toEqual([created[0]!.id]);
    expect(api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'POST /repos/acme/widgets/issues/7/comments',
      'POST /graphql',
      `PATCH /repos/acme/widgets/issues/comments/${created[0]!.id}`,
    ]);
  }, 90_000);
});
