import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { pullRequestEvent, remoteWithConfig } from './fixtures.js';

let api: GitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
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
});
