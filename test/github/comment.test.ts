import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitCommentBody, GITHUB_COMMENT_LIMIT, markerTag, upsertStickyComment } from '../../src/github/comment.js';
import { createOctokit, type GitHubOctokit } from '../../src/github/octokit.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';

const TOKEN = 'ghs_test_token_123';
const OWNER = 'acme';
const REPO = 'models';
const PR = 42;
const MARKER = 'trackrecord:drift';
const TAG = `<!-- ${MARKER} -->`;

let api: GitHubApi;
let octokit: GitHubOctokit;

beforeEach(async () => {
  api = await startGitHubApi({ token: TOKEN });
  octokit = createOctokit(TOKEN, api.url);
});

afterEach(async () => {
  await api.close();
});

const upsert = (body: string, marker = MARKER) =>
  upsertStickyComment(octokit, { owner: OWNER, repo: REPO, issueNumber: PR, marker, body });

const withMarker = () => api.comments(OWNER, REPO, PR).filter((c) => c.body.includes(TAG));

describe('upsertStickyComment', () => {
  it('creates the comment on the first run, with the marker at the top', async () => {
    const result = await upsert('## Drift\nNo drift.');
    expect(result.action).toBe('created');
    const comments = api.comments(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toBe(`${TAG}\n## Drift\nNo drift.`);
    expect(comments[0]!.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(result.id).toBe(comments[0]!.id);
    expect(result.url).toBe(`https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${result.id}`);
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(api.requests[1]).toMatchObject({
      path: `/repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      body: { body: `${TAG}\n## Drift\nNo drift.` },
    });
  });

  it('updates the same comment on the next run (PATCH), never adding a second one', async () => {
    const first = await upsert('run 1');
    api.requests.length = 0;
    const second = await upsert('run 2');
    expect(second).toEqual({ id: first.id, url: first.url, action: 'updated' });
    const marked = withMarker();
    expect(marked).toHaveLength(1);
    expect(marked[0]!.body).toBe(`${TAG}\nrun 2`);
    expect(api.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      'POST /graphql',
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${first.id}`,
    ]);
    expect(api.requests.some((r) => r.method === 'POST' && r.path !== '/graphql')).toBe(false);
  });

  it('keeps a marker the body already has where it is', async () => {
    await upsert(`# Report\n${TAG}\ntext`);
    expect(api.comments(OWNER, REPO, PR)[0]!.body).toBe(`# Report\n${TAG}\ntext`);
  });

  it('finds the marker comment on page 2 behind 150 other comments', async () => {
    for (let i = 0; i < 150; i++) api.seed(OWNER, REPO, PR, `comment ${i}`, i % 2 ? 'alice' : 'dependabot[bot]');
    const sticky = api.seed(OWNER, REPO, PR, `${TAG}\nold report`, 'github-actions[bot]');
    api.seed(OWNER, REPO, PR, 'a later comment', 'bob');

    const result = await upsert('new report');
    expect(result).toMatchObject({ id: sticky.id, action: 'updated' });
    expect(withMarker()).toHaveLength(1);
    expect(withMarker()[0]!.body).toBe(`${TAG}\nnew report`);
    expect(api.comments(OWNER, REPO, PR)).toHaveLength(152);

    const gets = api.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.path, api.url).searchParams);
    expect(gets.map((p) => [p.get('per_page'), p.get('page')])).toEqual([
      ['100', null],
      ['100', '2'],
    ]);
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/graphql']);
  });

  it('prefers its own comment over an earlier human one quoting the marker', async () => {
    const human = api.seed(OWNER, REPO, PR, `> ${TAG}\n> old report\n\nWhy did this drift?`, 'alice');
    const bot = api.seed(OWNER, REPO, PR, `${TAG}\nold report`, 'github-actions[bot]');
    const result = await upsert('new report');
    expect(result).toMatchObject({ id: bot.id, action: 'updated' });
    const byId = new Map(api.comments(OWNER, REPO, PR).map((c) => [c.id, c]));
    expect(byId.get(human.id)!.body).toBe(human.body);
    expect(byId.get(bot.id)!.body).toBe(`${TAG}\nnew report`);
  });

  it('updates only the first of several of its own comments and leaves the others', async () => {
    const a = api.seed(OWNER, REPO, PR, `${TAG}\nA`, 'github-actions[bot]');
    const b = api.seed(OWNER, REPO, PR, `${TAG}\nB`, 'github-actions[bot]');
    const result = await upsert('C');
    expect(result.id).toBe(a.id);
    const bodies = api.comments(OWNER, REPO, PR).map((c) => c.body);
    expect(bodies).toEqual([`${TAG}\nC`, b.body]);
  });

  it.each([
    ['a person', 'mallory'],
    ['another app', 'evil-app[bot]'],
  ])('never takes over a marker comment written by %s: it writes its own', async (_, login) => {
    const planted = api.seed(OWNER, REPO, PR, `${TAG}\nplanted report`, login);
    const result = await upsert('real report');
    expect(result.action).toBe('created');
    const comments = api.comments(OWNER, REPO, PR);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      [login, planted.body],
      ['github-actions[bot]', `${TAG}\nreal report`],
    ]);
    // Asked who the token is, and never touched the planted comment.
    expect(api.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      'POST /graphql',
      `POST /repos/${OWNER}/${REPO}/issues/${PR}/comments`,
    ]);
  });

  it('updates the comment of the person a personal token writes as, and no one else’s', async () => {
    const pat = await startGitHubApi({ token: TOKEN, login: 'release-user' });
    try {
      pat.seed(OWNER, REPO, PR, `${TAG}\nplanted`, 'github-actions[bot]');
      const mine = pat.seed(OWNER, REPO, PR, `${TAG}\nold`, 'release-user');
      const result = await upsertStickyComment(createOctokit(TOKEN, pat.url), {
        owner: OWNER,
        repo: REPO,
        issueNumber: PR,
        marker: MARKER,
        body: 'new',
      });
      expect(result).toMatchObject({ id: mine.id, action: 'updated' });
      expect(pat.comments(OWNER, REPO, PR).map((c) => c.body)).toEqual([`${TAG}\nplanted`, `${TAG}\nnew`]);
    } finally {
      await pat.close();
    }
  });

  it('knows an app by its name when GraphQL leaves out "[bot]", but never a person of that name', async () => {
    const bare = await startGitHubApi({ token: TOKEN, viewerLogin: 'github-actions' });
    try {
      bare.seed(OWNER, REPO, PR, `${TAG}\nplanted`, 'github-actions');
      const bot = bare.seed(OWNER, REPO, PR, `${TAG}\nold`, 'github-actions[bot]');
      const client = createOctokit(TOKEN, bare.url);
      const result = await upsertStickyComment(client, {
        owner: OWNER,
        repo: REPO,
        issueNumber: PR,
        marker: MARKER,
        body: 'new',
      });
      expect(result).toMatchObject({ id: bot.id, action: 'updated' });
    } finally {
      await bare.close();
    }
  });

  it('ignores comments carrying a different marker', async () => {
    api.seed(OWNER, REPO, PR, '<!-- trackrecord:other -->\nother suite', 'github-actions[bot]');
    const result = await upsert('mine');
    expect(result.action).toBe('created');
    expect(api.comments(OWNER, REPO, PR)).toHaveLength(2);
  });

  it('propagates a bad token as a 401 RequestError', async () => {
    const bad = createOctokit('ghs_wrong', api.url);
    const error = await upsertStickyComment(bad, {
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      marker: MARKER,
      body: 'x',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    // Octokit's RequestError (name HttpError); @octokit/request-error is not a direct dependency.
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'HttpError', status: 401, response: { data: { message: 'Bad credentials' } } });
    expect(api.comments(OWNER, REPO, PR)).toHaveLength(0);
  });

  it('propagates a read-only token (fork PR) as a 403', async () => {
    const readOnly = await startGitHubApi({ token: TOKEN, readOnly: true });
    try {
      const client = createOctokit(TOKEN, readOnly.url);
      await expect(
        upsertStickyComment(client, { owner: OWNER, repo: REPO, issueNumber: PR, marker: MARKER, body: 'x' }),
      ).rejects.toMatchObject({ status: 403 });
    } finally {
      await readOnly.close();
    }
  });

  it('posts an oversized body cut to the limit, with the marker kept', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| prompt-${i} | pass | fail | ${'x'.repeat(10)} |`);
    const body = `## Drift\n<details><summary>All prompts</summary>\n\n${rows.join('\n')}\n\n</details>`;
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const result = await upsert(body);
    expect(result.action).toBe('created');
    const posted = api.comments(OWNER, REPO, PR)[0]!.body;
    expect(posted.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(posted.startsWith(TAG)).toBe(true);
    expect(posted).toContain('Truncated');
  });

  it('moves the marker to the top when truncation would cut it off', async () => {
    const body = `${'line\n'.repeat(20_000)}${TAG}\n`;
    await upsert(body);
    const posted = api.comments(OWNER, REPO, PR)[0]!.body;
    expect(posted.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(posted.startsWith(TAG)).toBe(true);
  });

  it('rejects a marker that would break out of the HTML comment', async () => {
    await expect(upsert('x', 'a --> b')).rejects.toThrow(/invalid sticky comment marker/);
    await expect(upsert('x', '  ')).rejects.toThrow(/invalid sticky comment marker/);
    expect(api.requests).toHaveLength(0);
    expect(markerTag(' trackrecord ')).toBe('<!-- trackrecord -->');
  });
});

function balancedDetails(text: string): boolean {
  let depth = 0;
  for (const m of text.matchAll(/<(\/?)details\b[^>]*>/gi)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function fenceCount(text: string): number {
  return text.split('\n').filter((l) => /^\s*```/.test(l)).length;
}

describe('fitCommentBody', () => {
  it('returns a body within the limit unchanged', () => {
    const body = `${TAG}\n<details>\n\nshort\n</details>`;
    expect(fitCommentBody(body)).toBe(body);
    expect(fitCommentBody('x'.repeat(GITHUB_COMMENT_LIMIT))).toHaveLength(GITHUB_COMMENT_LIMIT);
  });

  it('closes a <pre> block the cut fell inside, so the note shows after it', () => {
    const answer = (n: number) =>
      `<details><summary>Full answers: p${n}</summary>\n\nBefore:\n\n<pre>\n` +
      Array.from({ length: 20 }, (_, i) => `line ${i} ${'x'.repeat(300)}`).join('\n') +
      '\n</pre>\n\n</details>\n';
    const body = `${TAG}\n${Array.from({ length: 30 }, (_, n) => answer(n)).join('\n')}`;
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const out = fitCommentBody(body);
    expect(out.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(out.split('<pre>').length).toBe(out.split('</pre>').length);
    expect(balancedDetails(out)).toBe(true);
    const note = out.indexOf('**Truncated:**');
    expect(note).toBeGreaterThan(out.lastIndexOf('</pre>'));
    expect(note).toBeGreaterThan(out.lastIndexOf('</details>'));
  });

  it('keeps the marker, stays under the limit and closes nested <details>', () => {
    const section = (n: number) =>
      `<details><summary>Suite ${n}</summary>\n\n<details>\n<summary>prompts</summary>\n\n` +
      Array.from({ length: 400 }, (_, i) => `- prompt ${n}.${i}: changed`).join('\n') +
      '\n\n</details>\n</details>\n';
    const body = `${TAG}\n# Report\n\n${Array.from({ length: 20 }, (_, n) => section(n)).join('\n')}`;
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    expect(balancedDetails(body)).toBe(true);

    const out = fitCommentBody(body);
    expect(out.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(out.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 1000);
    expect(out.startsWith(`${TAG}\n# Report`)).toBe(true);
    expect(balancedDetails(out)).toBe(true);
    // The note comes after every </details>, so it is visible even with all sections collapsed.
    expect(out.lastIndexOf('</details>')).toBeLessThan(out.indexOf('**Truncated:**'));
    expect(out).toMatch(/limit of 65,536 characters/);
  });

  for (const limit of [500, 1000, 2345, 10_000]) {
    it(`cuts at a line boundary and closes an open code fence (limit ${limit})`, () => {
      const code = Array.from({ length: 2000 }, (_, i) => `const value${i} = ${i};`).join('\n');
      const body = `${TAG}\n<details>\n<summary>diff</summary>\n\n\`\`\`ts\n${code}\n\`\`\`\n\n</details>\n`;
      const out = fitCommentBody(body, limit);
      expect(out.length).toBeLessThanOrEqual(limit);
      expect(out.startsWith(TAG)).toBe(true);
      expect(balancedDetails(out)).toBe(true);
      expect(fenceCount(out) % 2).toBe(0);
      const head = out.slice(0, out.indexOf('\n```\n\n</details>'));
      // Every kept code line is whole.
      for (const line of head.split('\n').slice(5)) expect(line).toMatch(/^const value\d+ = \d+;$/);
    });
  }

  it('closes a longer or tilde fence with the same run, and ignores <details> inside code', () => {
    const body = `${TAG}\n~~~~md\n<details>\n${'text\n'.repeat(500)}~~~~\n`;
    const out = fitCommentBody(body, 1000);
    expect(out).toMatch(/\n~~~~\n\n---\n\*\*Truncated/);
    expect(out).not.toContain('</details>');
  });

  it('closes an HTML comment left open by the cut, so the note shows', () => {
    const body = `${TAG}\nvisible\n<!--\n${'hidden line\n'.repeat(500)}-->\n`;
    const out = fitCommentBody(body, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toMatch(/hidden line -->\n\n---\n\*\*Truncated/);
  });

  it('cuts one huge line without splitting a surrogate pair', () => {
    const body = '😀'.repeat(40_000); // 80,000 code units, no newline
    const out = fitCommentBody(body, 1001);
    expect(out.length).toBeLessThanOrEqual(1001);
    const head = out.slice(0, out.indexOf('\n\n---'));
    expect(head.length % 2).toBe(0);
    expect(head).toBe('😀'.repeat(head.length / 2));
  });

  it('refuses a limit too small for the note', () => {
    expect(() => fitCommentBody('x\n'.repeat(100), 50)).toThrow(RangeError);
  });
});
