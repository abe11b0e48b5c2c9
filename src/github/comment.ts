/**
 * The action's one sticky pull request comment: found again on every run by a hidden HTML
 * marker, updated in place, created only when none exists yet.
 */
import type { GitHubOctokit } from './octokit.js';
import { grouped } from '../util/numbers.js';

/** GitHub rejects comment bodies longer than this many characters (422 "body is too long"). */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface StickyCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Identifies the comment; written into the body as `<!-- ${marker} -->`. */
  marker: string;
  body: string;
}

export interface StickyCommentResult {
  id: number;
  /** The comment's html_url. */
  url: string;
  action: 'created' | 'updated';
}

/** The hidden HTML comment that identifies the sticky comment. */
export function markerTag(marker: string): string {
  const text = marker.trim();
  if (text === '' || text.includes('-->') || text.includes('--!>') || text.startsWith('>') || text.startsWith('->')) {
    throw new Error(
      `trackrecord: invalid sticky comment marker ${JSON.stringify(marker)}: it must be usable inside <!-- -->`,
    );
  }
  return `<!-- ${text} -->`;
}

interface ListedComment {
  id: number;
  html_url: string;
  body?: string | null;
  user: { login: string; type?: string } | null;
}

/** Who a token writes as. */
export interface TokenIdentity {
  login: string;
  bot: boolean;
}

/**
 * The token's own identity, from the GraphQL `viewer`: it answers for every kind of token, the
 * workflow's GITHUB_TOKEN (github-actions[bot]) and other GitHub App installation tokens
 * included, which REST `GET /user` refuses ("Resource not accessible by integration").
 */
export async function tokenIdentity(octokit: GitHubOctokit): Promise<TokenIdentity> {
  const { viewer } = await octokit.graphql<{ viewer: { __typename: string; login: string } }>(
    'query { viewer { __typename login } }',
  );
  return { login: viewer.login, bot: viewer.__typename === 'Bot' };
}

/**
 * Whether `user` is the token's identity. REST names an app's bot user `NAME[bot]`, and GraphQL
 * may name it `NAME`: compare without the suffix, but only a bot with a bot, so no person whose
 * login is an app's name can pass for the app.
 */
function isSelf(user: ListedComment['user'], self: TokenIdentity): boolean {
  if (!user) return false;
  const bare = (login: string): string => login.replace(/\[bot\]$/i, '').toLowerCase();
  return (user.type === 'Bot') === self.bot && bare(user.login) === bare(self.login);
}

/**
 * Creates or updates the issue/PR comment identified by `marker`. Pages through all of the
 * issue's comments and updates the oldest one carrying the marker that the token itself wrote:
 * anyone can post a comment with the marker, and such a comment is never edited or taken over
 * (a new one is created instead). The body gets the marker at the top when it lacks it, and is
 * cut to GitHub's limit by {@link fitCommentBody}. API errors (RequestError, with `.status`)
 * propagate, and so does a failure to learn the token's identity when a marked comment exists.
 */
export async function upsertStickyComment(
  octokit: GitHubOctokit,
  options: StickyCommentOptions,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber } = options;
  const tag = markerTag(options.marker);
  const body = stickyBody(options.body, tag);

  const comments: ListedComment[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  let read = 0;
  for await (const page of pages) {
    // A server whose `Link: rel="next"` never ends (or leads back) would be followed forever.
    if (++read > octokit.limits.maxPages) {
      throw new Error(
        `stopped listing the comments of #${issueNumber} after ${octokit.limits.maxPages} pages: ` +
          'the GitHub API kept linking a next page',
      );
    }
    comments.push(...page.data);
  }
  const marked = comments.filter((c) => (c.body ?? '').includes(tag));
  // Only a comment with the marker needs to know whose it is: the first run asks nothing more.
  const self = marked.length > 0 ? await tokenIdentity(octokit) : null;
  const existing = self && marked.find((c) => isSelf(c.user, self));
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { id: data.id, url: data.html_url, action: 'updated' };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { id: data.id, url: data.html_url, action: 'created' };
}

/** The body as posted: marker present (at the top when added), within the limit, marker kept. */
function stickyBody(body: string, tag: string, limit = GITHUB_COMMENT_LIMIT): string {
  const marked = body.includes(tag) ? body : `${tag}\n${body}`;
  const fitted = fitCommentBody(marked, limit);
  if (fitted.includes(tag)) return fitted;
  // The marker sat below the cut: move it to the top, where a cut cannot reach it.
  return fitCommentBody(`${tag}\n${marked.replace(tag, '')}`, limit);
}

interface OpenFence {
  /** What precedes the fence on its line (indentation, blockquote markers), reused to close it. */
  prefix: string;
  char: '`' | '~';
  length: number;
}

interface OpenState {
  fence: OpenFence | null;
  /** Inside an HTML comment (`<!--` without `-->` yet) outside code. */
  htmlComment: boolean;
  /** Unclosed `<details>` and `<pre>` elements outside code. */
  details: number;
  pre: number;
}

const FENCE_RE = /^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})(.*)$/;

/** Counts `<details>` opens/closes and HTML comment state over text that is not code. */
function scanHtml(text: string, state: OpenState): void {
  let rest = text;
  while (rest !== '') {
    if (state.htmlComment) {
      const end = rest.indexOf('-->');
      if (end < 0) return;
      state.htmlComment = false;
      rest = rest.slice(end + 3);
      continue;
    }
    const start = rest.indexOf('<!--');
    const visible = start < 0 ? rest : rest.slice(0, start);
    for (const match of visible.matchAll(/<(\/?)(details|pre)\b[^>]*>/gi)) {
      const element = match[2]!.toLowerCase() === 'pre' ? 'pre' : 'details';
      state[element] = match[1] === '/' ? Math.max(0, state[element] - 1) : state[element] + 1;
    }
    if (start < 0) return;
    state.htmlComment = true;
    rest = rest.slice(start + 4);
  }
}

/** What is left open at the end of `text` (Markdown that GitHub renders). */
function openState(text: string): OpenState {
  const state: OpenState = { fence: null, htmlComment: false, details: 0, pre: 0 };
  for (const line of text.split('\n')) {
    const fence = FENCE_RE.exec(line);
    if (state.fence) {
      const open = state.fence;
      if (fence && fence[2]![0] === open.char && fence[2]!.length >= open.length && fence[3]!.trim() === '') {
        state.fence = null;
      }
      continue;
    }
    if (!state.htmlComment && fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      state.fence = { prefix: fence[1]!, char: fence[2]![0] as '`' | '~', length: fence[2]!.length };
      continue;
    }
    scanHtml(line, state);
  }
  return state;
}

/** Text that closes whatever `state` says is open, so what follows renders as normal Markdown. */
function closers(state: OpenState): string {
  let out = '';
  if (state.fence) out += `\n${state.fence.prefix}${state.fence.char.repeat(state.fence.length)}`;
  if (state.htmlComment) out += ' -->';
  // A <pre> sits inside a <details>: close it first, or the note would show as preformatted text inside it.
  if (state.pre > 0) out += '\n</pre>'.repeat(state.pre);
  if (state.details > 0) out += '\n' + '\n</details>'.repeat(state.details);
  return out;
}

/** What a cut body says at its end: how much of it was left out. */
export type TruncationNote = (omitted: number, total: number) => string;

function commentNote(limit: number): TruncationNote {
  return (omitted, total) =>
    `\n\n---\n**Truncated:** this comment was cut to fit the comment size limit of ${grouped(limit)} ` +
    `characters; the last ${grouped(omitted)} of ${grouped(total)} characters were left out. ` +
    'The full report is in the workflow run.';
}

/**
 * `body` unchanged when it is at most `limit` characters (UTF-16 code units, which never
 * undercounts GitHub's count), else its head cut at a line boundary, with any open code fence,
 * HTML comment, `<pre>` and `<details>` elements closed, and a note saying it was truncated; the result
 * is at most `limit` characters. Throws RangeError when `limit` is too small to hold the note.
 */
export function fitCommentBody(body: string, limit: number = GITHUB_COMMENT_LIMIT): string {
  return fitMarkdown(body, limit, commentNote(limit));
}

/**
 * `body` cut as {@link fitCommentBody} cuts it, to at most `limit` by `size` (characters by
 * default; UTF-8 bytes for a job summary), ending in `note`.
 */
export function fitMarkdown(
  body: string,
  limit: number,
  note: TruncationNote,
  size: (text: string) => number = (text) => text.length,
): string {
  if (size(body) <= limit) return body;
  let budget = limit;
  for (;;) {
    // The note's digits can only shrink as the cut moves up, so measure it at its widest.
    let cut = budget - size(note(body.length, body.length));
    if (cut < 0) throw new RangeError(`fitMarkdown: limit ${limit} is too small for the truncation note`);
    cut = Math.min(cut, body.length);
    const newline = body.lastIndexOf('\n', cut);
    if (newline > 0) cut = newline;
    else if (cut > 0 && isHighSurrogate(body.charCodeAt(cut - 1))) cut -= 1; // no line to cut at: keep pairs whole
    const head = body.slice(0, cut).replace(/[ \t\r]+$/, '');
    const out = head + closers(openState(head)) + note(body.length - head.length, body.length);
    if (size(out) <= limit) return out;
    // The budget counts characters and `size` may count bytes: shrink it in proportion.
    budget = Math.min(budget - 1, Math.floor((budget * limit) / size(out)));
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
