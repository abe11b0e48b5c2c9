import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../../tools/replay/index.js';
import { runAction } from '../../support/action.js';
import { startGitHubApi, type GitHubApi, type GitHubApiOptions } from '../../support/github-api.js';
import { pullRequestEvent, remoteWithConfig, startActionServer } from '../fixtures.js';

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

/** A check of pull request #7 whose GitHub API answers through `intercept`, with `event` as the payload. */
async function check(intercept: GitHubApiOptions['intercept'], event: unknown = pullRequestEvent()) {
  server ??= await startActionServer();
  await api?.close();
  api = await startGitHubApi({ token: 'test-token', intercept });
  const remote = await remoteWithConfig(server.baseUrl);
  return runAction({
    workspace: (await remote.clone()).dir,
    eventName: 'pull_request',
    event,
    env: { ...remote.env, GITHUB_API_URL: api.url },
  });
}

const warnings = (run: Awaited<ReturnType<typeof check>>) =>
  run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

describe('the pull request comment, when it cannot be posted', () => {
  it('asks for pull-requests: write only when GitHub refuses the right (403, 404), not for a bad token', async () => {
    const refused = await check(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    expect(refused.code).toBe(0);
    expect(warnings(refused)).toEqual([
      'could not comment on the pull request: Resource not accessible by integration. ' +
        'Grant "permissions: pull-requests: write" (a fork\'s pull request gets a read-only token).',
    ]);
    const badToken = await check(() => ({ status: 401, body: { message: 'Bad credentials' } }));
    expect(warnings(badToken)).toEqual([
      expect.stringMatching(/^could not comment on the pull request: Bad credentials/),
    ]);
    expect(warnings(badToken)[0]).not.toContain('Grant');
  }, 120_000);

  it('says so when the event payload does not say which pull request it is', async () => {
    const event = { ...pullRequestEvent(), pull_request: { number: 7 } };
    const run = await check(undefined, event);
    expect(run.code, run.failure ?? '').toBe(0);
    expect(warnings(run)).toEqual([
      "the pull_request event does not say which pull request this is (the event payload's pull_request lacks " +
        'baseRef, baseSha, headRef, headSha): no comment was posted',
    ]);
    expect(api!.requests).toEqual([]);
  }, 120_000);
});
