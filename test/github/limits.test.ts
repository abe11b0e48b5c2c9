import { afterEach, describe, expect, it } from 'vitest';
import { upsertStickyComment } from '../../src/github/comment.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startGitHubApi, type GitHubApi, type GitHubApiOptions } from '../support/github-api.js';

const TOKEN = 'ghs_test_token_123';
const LIMITS = { timeoutMs: 300, attempts: 3, backoffMs: 10, maxWaitMs: 2_000, maxPages: 5 };
const LIST = '/repos/acme/models/issues/42/comments';

let api: GitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function upsertWith(intercept: GitHubApiOptions['intercept']) {
  api = await startGitHubApi({ token: TOKEN, intercept });
  const octokit = createOctokit(TOKEN, api.url, LIMITS);
  return upsertStickyComment(octokit, { owner: 'acme', repo: 'models', issueNumber: 42, marker: 'm', body: 'hi' });
}

const calls = () => api!.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);

describe('GitHub API calls are bounded', () => {
  it('gives up on a listing that never answers, naming it', async () => {
    const started = Date.now();
    const error = await upsertWith((r) => (r.method === 'GET' ? 'hang' : undefined)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^the GitHub API did not answer GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/models\/issues\/42\/comments\?per_page=100 within 0\.3 s \(gave up after 3 attempts\)$/,
    );
    expect(calls()).toEqual([`GET ${LIST}`, `GET ${LIST}`, `GET ${LIST}`]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a 5xx, then goes on', async () => {
    const result = await upsertWith((r, n) =>
      n <= 2 ? { status: 502, body: { message: 'Server Error' } } : undefined,
    );
    expect(result.action).toBe('created');
    expect(calls()).toEqual([`GET ${LIST}`, `GET ${LIST}`, `GET ${LIST}`, `POST ${LIST}`]);
  });

  it('gives up on a 5xx that does not pass, saying how often it tried', async () => {
    const error = await upsertWith(() => ({ status: 503, body: { message: 'Unavailable' } })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Unavailable.*\(gave up after 3 attempts\)$/);
    expect(calls()).toHaveLength(3);
  });

  it('waits out a secondary rate limit as long as retry-after says', async () => {
    const started = Date.now();
    const result = await upsertWith((r) =>
      r.method === 'POST' && api!.requests.filter((q) => q.method === 'POST').length === 1
        ? {
            status: 403,
            headers: { 'retry-after': '1' },
            body: { message: 'You have exceeded a secondary rate limit.' },
          }
        : undefined,
    );
    expect(result.action).toBe('created');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls()).toEqual([`GET ${LIST}`, `POST ${LIST}`, `POST ${LIST}`]);
  });

  it('does not wait for a rate limit longer than it may, and says so', async () => {
    const error = await upsertWith(() => ({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /secondary rate limit.*\(GitHub asked to wait 3600 s, longer than the 2 s trackrecord waits\)$/,
    );
    expect(calls()).toHaveLength(1);
  });

  it('retries no other error: a 401 and a 403 without a rate limit are sent once', async () => {
    const bad = await upsertWith(() => ({ status: 401, body: { message: 'Bad credentials' } })).catch(
      (e: unknown) => e,
    );
    expect((bad as { status: number }).status).toBe(401);
    expect(calls()).toHaveLength(1);
    await api!.close();
    const forbidden = await upsertWith((r) =>
      r.method === 'POST' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : undefined,
    ).catch((e: unknown) => e);
    expect((forbidden as { status: number }).status).toBe(403);
    expect(calls()).toEqual([`GET ${LIST}`, `POST ${LIST}`]);
  });

  it('stops following a Link rel="next" that never ends', async () => {
    const error = await upsertWith((r) =>
      r.method === 'GET'
        ? { status: 200, body: [], headers: { link: `<${api!.url}${LIST}?per_page=100&page=2>; rel="next"` } }
        : undefined,
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'stopped listing the comments of #42 after 5 pages: the GitHub API kept linking a next page',
    );
    expect(calls().length).toBeLessThanOrEqual(6);
    expect(calls().every((c) => c === `GET ${LIST}`)).toBe(true);
  });
});
