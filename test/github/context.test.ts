import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGitHubContext } from '../../src/github/context.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { tempDir } from '../support/tmp.js';

const BASE_SHA = 'a'.repeat(40);
const HEAD_SHA = 'b'.repeat(40);
const MERGE_SHA = 'c'.repeat(40);

function repository(fullName: string, fork: boolean) {
  const [owner, name] = fullName.split('/');
  return { id: 1296269, name, full_name: fullName, fork, owner: { login: owner, type: 'Organization' } };
}

/** The parts of a real pull_request webhook payload the code may look at, plus some it must not need. */
function pullRequestPayload(headRepo: ReturnType<typeof repository> | null, action = 'synchronize') {
  const base = repository('acme/models', false);
  return {
    action,
    number: 7,
    pull_request: {
      id: 1,
      number: 7,
      state: 'open',
      title: 'Tune prompts',
      user: { login: 'alice', type: 'User' },
      head: { label: 'alice:tune', ref: 'tune', sha: HEAD_SHA, repo: headRepo },
      base: { label: 'acme:main', ref: 'main', sha: BASE_SHA, repo: base },
    },
    repository: base,
    sender: { login: 'alice', type: 'User' },
  };
}

function envFor(eventName: string, payload: unknown | undefined, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = tempDir(payload === undefined ? {} : { 'event.json': JSON.stringify(payload) });
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '1',
    ...extra,
  };
}

describe('readGitHubContext', () => {
  it('reads a same-repository pull_request', async () => {
    const ctx = await readGitHubContext(envFor('pull_request', pullRequestPayload(repository('acme/models', false))));
    expect(ctx).toEqual({
      eventName: 'pull_request',
      repo: { owner: 'acme', repo: 'models' },
      sha: MERGE_SHA,
      ref: 'refs/pull/7/merge',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runId: 9876543210,
      runAttempt: 1,
      workflowRunUrl: 'https://github.com/acme/models/actions/runs/9876543210',
      pullRequest: {
        number: 7,
        baseRef: 'main',
        baseSha: BASE_SHA,
        headRef: 'tune',
        headSha: HEAD_SHA,
        headRepoFullName: 'acme/models',
        isFork: false,
      },
      warnings: [],
    });
  });

  it('reads a pull_request from a fork', async () => {
    const ctx = await readGitHubContext(envFor('pull_request', pullRequestPayload(repository('alice/models', true))));
    expect(ctx.pullRequest).toMatchObject({
      number: 7,
      headRepoFullName: 'alice/models',
      isFork: true,
      headSha: HEAD_SHA,
    });
    expect(ctx.repo).toEqual({ owner: 'acme', repo: 'models' });
  });

  it('treats a pull_request_target whose fork was deleted (head.repo null) as a fork', async () => {
    const ctx = await readGitHubContext(envFor('pull_request_target', pullRequestPayload(null)));
    expect(ctx.eventName).toBe('pull_request_target');
    expect(ctx.pullRequest).toMatchObject({ number: 7, headRepoFullName: null, isFork: true });
  });

  it('gives no pull request for a schedule event', async () => {
    const payload = { schedule: '17 3 * * *', repository: repository('acme/models', false) };
    const ctx = await readGitHubContext(
      envFor('schedule', payload, { GITHUB_REF: 'refs/heads/main', GITHUB_RUN_ATTEMPT: '3' }),
    );
    expect(ctx.eventName).toBe('schedule');
    expect(ctx.pullRequest).toBeNull();
    expect(ctx.ref).toBe('refs/heads/main');
    expect(ctx.workflowRunUrl).toBe('https://github.com/acme/models/actions/runs/9876543210/attempts/3');
    expect(ctx.warnings).toEqual([]);
  });

  it('survives a missing event file: pullRequest null and a warning', async () => {
    const ctx = await readGitHubContext(envFor('pull_request', undefined));
    expect(ctx.pullRequest).toBeNull();
    expect(ctx.repo).toEqual({ owner: 'acme', repo: 'models' });
    expect(ctx.warnings.join('\n')).toMatch(/cannot read the event payload/);
  });

  it('survives an unset GITHUB_EVENT_PATH and a payload that is not JSON', async () => {
    const unset = await readGitHubContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'acme/models' });
    expect(unset.pullRequest).toBeNull();
    expect(unset.warnings).toEqual(['GITHUB_EVENT_PATH is not set for a pull_request event']);

    const dir = tempDir({ 'event.json': '{ not json' });
    const broken = await readGitHubContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'acme/models',
    });
    expect(broken.pullRequest).toBeNull();
    expect(broken.warnings.join('\n')).toMatch(/not valid JSON/);
  });

  it('gives no pull request when the payload lacks the fields it needs', async () => {
    const payload = pullRequestPayload(repository('acme/models', false));
    delete (payload.pull_request.head as { sha?: string }).sha;
    const ctx = await readGitHubContext(envFor('pull_request', payload));
    expect(ctx.pullRequest).toBeNull();
    expect(ctx.warnings).toEqual(["the event payload's pull_request lacks headSha"]);
  });

  it('uses defaults when the environment is sparse, and GHES URLs when set', async () => {
    const sparse = await readGitHubContext({ GITHUB_REPOSITORY: 'acme/models' });
    expect(sparse).toMatchObject({
      eventName: '',
      sha: null,
      ref: null,
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runId: null,
      runAttempt: 1,
      workflowRunUrl: null,
      pullRequest: null,
    });

    const ghes = await readGitHubContext({
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_RUN_ID: '5',
    });
    expect(ghes.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(ghes.workflowRunUrl).toBe('https://ghe.example.com/acme/models/actions/runs/5');
  });

  it('takes the repository from the payload when GITHUB_REPOSITORY is unset, and throws when nothing names it', async () => {
    const env = envFor('pull_request', pullRequestPayload(repository('acme/models', false)));
    delete env.GITHUB_REPOSITORY;
    expect((await readGitHubContext(env)).repo).toEqual({ owner: 'acme', repo: 'models' });

    await expect(readGitHubContext({})).rejects.toThrow(/GITHUB_REPOSITORY is not set/);
    await expect(readGitHubContext({ GITHUB_REPOSITORY: 'no-slash' })).rejects.toThrow(/owner\/repo/);
  });
});

describe('createOctokit', () => {
  let api: GitHubApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('talks to the given API URL (trailing slash tolerated) with the token', async () => {
    api = await startGitHubApi({ token: 'ghs_abc' });
    api.seed('acme', 'models', 1, 'hello');
    const octokit = createOctokit('ghs_abc', `${api.url}/`);
    const { data, status } = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'models', issue_number: 1 });
    expect(status).toBe(200);
    expect(data.map((c) => [c.body, c.user?.login, c.user?.type])).toEqual([['hello', 'octocat', 'User']]);
    expect(api.requests).toEqual([{ method: 'GET', path: '/repos/acme/models/issues/1/comments', body: null }]);
  });
});

describe('fake GitHub API', () => {
  let api: GitHubApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  const call = (path: string, init: RequestInit = {}, token: string | null = 'ghs_abc') =>
    fetch(`${api!.url}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    });

  it('paginates like GitHub: per_page default 30, max 100, Link with next/last (and prev/first later)', async () => {
    api = await startGitHubApi({ token: 'ghs_abc' });
    for (let i = 0; i < 250; i++) api.seed('acme', 'models', 3, `c${i}`);
    const first = await call('/repos/acme/models/issues/3/comments');
    expect(((await first.json()) as unknown[]).length).toBe(30);
    const link = first.headers.get('link')!;
    expect(link).toContain(`<${api.url}/repos/acme/models/issues/3/comments?page=2>; rel="next"`);
    expect(link).toContain(`<${api.url}/repos/acme/models/issues/3/comments?page=9>; rel="last"`);

    const big = await call('/repos/acme/models/issues/3/comments?per_page=500&page=3');
    const items = (await big.json()) as Array<{ body: string }>;
    expect(items.map((c) => c.body)).toEqual(Array.from({ length: 50 }, (_, i) => `c${200 + i}`));
    expect(big.headers.get('link')).toMatch(/rel="prev".*rel="first"/);
    expect(big.headers.get('link')).not.toContain('rel="next"');

    api.seed('acme', 'models', 4, 'only');
    expect((await call('/repos/acme/models/issues/4/comments')).headers.get('link')).toBeNull();
  });

  it("answers GitHub's errors: 401 bad credentials, 404 unknown route, 422 too-long body", async () => {
    api = await startGitHubApi({ token: 'ghs_abc' });
    const unauthorized = await call('/repos/acme/models/issues/1/comments', {}, null);
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({
      message: 'Bad credentials',
      documentation_url: expect.any(String),
    });
    expect((await call('/repos/acme/models/issues/1/comments', {}, 'nope')).status).toBe(401);

    const unknown = await call('/repos/acme/models/pulls/1');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: 'Not Found' });
    expect(
      (await call('/repos/acme/models/issues/comments/123', { method: 'PATCH', body: '{"body":"x"}' })).status,
    ).toBe(404);

    const tooLong = await call('/repos/acme/models/issues/1/comments', {
      method: 'POST',
      body: JSON.stringify({ body: 'x'.repeat(65_537) }),
    });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.json()).toMatchObject({ message: 'Validation Failed' });

    const created = await call('/repos/acme/models/issues/1/comments', { method: 'POST', body: '{"body":"hi"}' });
    expect(created.status).toBe(201);
    const comment = (await created.json()) as Record<string, unknown>;
    expect(Object.keys(comment)).toEqual(
      expect.arrayContaining(['id', 'node_id', 'body', 'user', 'created_at', 'updated_at', 'html_url']),
    );
    expect(comment.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(api.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/repos/acme/models/issues/1/comments',
      body: { body: 'hi' },
    });
  });
});
