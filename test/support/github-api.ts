/**
 * A small in-memory GitHub API server for tests: exactly the endpoints the action uses, the
 * three issue-comment endpoints and the GraphQL `viewer`, answered the way api.github.com
 * answers them (JSON shapes, pagination with `Link` headers, token auth, GitHub's error
 * bodies), so real Octokit can be pointed at it via GITHUB_API_URL / `baseUrl`.
 *
 *   GET   /repos/{owner}/{repo}/issues/{issue_number}/comments   (per_page default 30, max 100; page)
 *   POST  /repos/{owner}/{repo}/issues/{issue_number}/comments   body {body}
 *   PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}      body {body}
 *   POST  /graphql   body {query}: only `viewer { __typename login }` (the token's identity)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubUser {
  login: string;
  id: number;
  node_id: string;
  type: 'User' | 'Bot';
  site_admin: false;
}

export interface Comment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: GitHubUser;
  created_at: string;
  updated_at: string;
  author_association: string;
  performed_via_github_app: null;
}

export interface RequestLogEntry {
  method: string;
  /** Path with query string, as sent (e.g. `/repos/o/r/issues/1/comments?per_page=100&page=2`). */
  path: string;
  /** Parsed JSON body; null when there was none (or it was not JSON). */
  body: unknown;
}

export interface GitHubApiOptions {
  /** Requests must carry `authorization: token <token>` or `Bearer <token>`, else 401. */
  token: string;
  /** The token's identity: author of comments created through the API (default `github-actions[bot]`, a Bot). */
  login?: string;
  /** The login GraphQL's `viewer` gives for the token (default `login`; GraphQL may leave out a bot's `[bot]`). */
  viewerLogin?: string;
  /** Behave like a read-only GITHUB_TOKEN (fork PRs): POST/PATCH get 403. */
  readOnly?: boolean;
  /** Used in html_url (default https://github.com). */
  serverUrl?: string;
  /**
   * Answers a request in place of the API, when it returns something: `'hang'` never answers,
   * else the status, headers and JSON body given. `n` counts the requests so far, this one included.
   */
  intercept?: (request: RequestLogEntry, n: number) => 'hang' | Intercepted | undefined;
}

export interface Intercepted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GitHubApi {
  /** e.g. http://127.0.0.1:PORT, what goes in GITHUB_API_URL (no trailing slash). */
  url: string;
  /** The issue's comments in API order (oldest first); copies. */
  comments(owner: string, repo: string, issue: number): Comment[];
  /** Adds a comment directly (no request logged); `login` defaults to a human, `octocat`. */
  seed(owner: string, repo: string, issue: number, body: string, login?: string): Comment;
  /** Every request received, in order. */
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const DOCS_LIST = 'https://docs.github.com/rest/issues/comments#list-issue-comments';
const DOCS_CREATE = 'https://docs.github.com/rest/issues/comments#create-an-issue-comment';
const DOCS_UPDATE = 'https://docs.github.com/rest/issues/comments#update-an-issue-comment';
/** GitHub's limit on a comment body, in characters. */
const MAX_BODY = 65_536;

const LIST_RE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/;
const UPDATE_RE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/;

interface Stored {
  comment: Comment;
  /** Lowercased owner/repo: GitHub treats names case-insensitively. */
  repoKey: string;
  issue: number;
}

function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function errorJson(message: string, status: number, documentationUrl = DOCS, extra: Record<string, unknown> = {}) {
  return { message, ...extra, documentation_url: documentationUrl, status: String(status) };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'x-github-media-type': 'github.v3; format=json',
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A positive integer query parameter, or the fallback when absent or not one. */
function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 ? n : fallback;
}

export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApi> {
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const apiLogin = options.login ?? 'github-actions[bot]';
  const stored: Stored[] = [];
  const requests: RequestLogEntry[] = [];
  const users = new Map<string, GitHubUser>();
  let nextCommentId = 1_900_000_001;
  let nextUserId = 41_898_282; // github-actions[bot]'s real id comes first
  let url = '';

  const userFor = (login: string): GitHubUser => {
    let user = users.get(login);
    if (!user) {
      const id = nextUserId++;
      const type = login.endsWith('[bot]') ? 'Bot' : 'User';
      const node_id = `${type === 'Bot' ? 'BOT' : 'U'}_kgDO${Buffer.from(String(id)).toString('base64url')}`;
      user = { login, id, node_id, type, site_admin: false };
      users.set(login, user);
    }
    return user;
  };
  userFor('github-actions[bot]');

  const addComment = (owner: string, repo: string, issue: number, body: string, login: string): Comment => {
    const id = nextCommentId++;
    const now = isoNow();
    const comment: Comment = {
      id,
      node_id: `IC_kwDO${Buffer.from(`comment:${id}`).toString('base64url')}`,
      url: `${url}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `${serverUrl}/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${url}/repos/${owner}/${repo}/issues/${issue}`,
      body,
      user: userFor(login),
      created_at: now,
      updated_at: now,
      author_association: login.endsWith('[bot]') ? 'NONE' : 'MEMBER',
      performed_via_github_app: null,
    };
    stored.push({ comment, repoKey: `${owner}/${repo}`.toLowerCase(), issue });
    return comment;
  };

  const issueComments = (owner: string, repo: string, issue: number): Comment[] => {
    const key = `${owner}/${repo}`.toLowerCase();
    return stored.filter((s) => s.repoKey === key && s.issue === issue).map((s) => s.comment);
  };

  const authorized = (req: IncomingMessage): boolean => {
    const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    return match?.[1] === options.token;
  };

  /** A body with a string `body` field, or the error response to send. */
  const parseCommentBody = (raw: string, docs: string): { body: string } | { status: number; json: unknown } => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { status: 400, json: errorJson('Problems parsing JSON', 400, docs) };
    }
    const body = (parsed as { body?: unknown } | null)?.body;
    if (typeof body !== 'string') {
      const json = errorJson('Invalid request.\n\n"body" wasn\'t supplied.', 422, docs);
      return { status: 422, json };
    }
    if (body.length > MAX_BODY) {
      const errors = [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_BODY} characters)`,
        },
      ];
      return { status: 422, json: errorJson('Validation Failed', 422, docs, { errors }) };
    }
    return { body };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const raw = await readBody(req);
    let logged: unknown = null;
    if (raw !== '') {
      try {
        logged = JSON.parse(raw);
      } catch {
        logged = null;
      }
    }
    requests.push({ method, path, body: logged });
    const intercepted = options.intercept?.(requests[requests.length - 1]!, requests.length);
    if (intercepted === 'hang') return;
    if (intercepted) {
      sendJson(res, intercepted.status, intercepted.body ?? {}, intercepted.headers);
      return;
    }

    if (!authorized(req)) {
      sendJson(res, 401, errorJson('Bad credentials', 401));
      return;
    }
    const parsedUrl = new URL(path, 'http://localhost');
    const pathname = parsedUrl.pathname.replace(/\/+$/, '');

    const list = LIST_RE.exec(pathname);
    if (list && method === 'GET') {
      const [, owner = '', repo = '', issueText = ''] = list;
      const all = issueComments(owner, repo, Number(issueText));
      const perPage = Math.min(intParam(parsedUrl.searchParams, 'per_page', 30), 100);
      const page = intParam(parsedUrl.searchParams, 'page', 1);
      const lastPage = Math.max(1, Math.ceil(all.length / perPage));
      const items = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (lastPage > 1 || page > 1) {
        const pageUrl = (n: number): string => {
          const params = new URLSearchParams(parsedUrl.searchParams);
          params.set('page', String(n));
          return `${url}${parsedUrl.pathname}?${params.toString()}`;
        };
        const links: string[] = [];
        if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
        if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
        if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
        headers.link = links.join(', ');
      }
      sendJson(res, 200, items, headers);
      return;
    }
    if (list && method === 'POST') {
      const [, owner = '', repo = '', issueText = ''] = list;
      if (options.readOnly) {
        sendJson(res, 403, errorJson('Resource not accessible by integration', 403, DOCS_CREATE));
        return;
      }
      const parsed = parseCommentBody(raw, DOCS_CREATE);
      if ('status' in parsed) {
        sendJson(res, parsed.status, parsed.json);
        return;
      }
      const comment = addComment(owner, repo, Number(issueText), parsed.body, apiLogin);
      sendJson(res, 201, comment, { location: comment.url });
      return;
    }
    if (pathname === '/graphql' && method === 'POST') {
      const query = String((logged as { query?: unknown } | null)?.query ?? '');
      if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*__typename\s+login\s*\}\s*\}\s*$/.test(query)) {
        sendJson(res, 200, { errors: [{ message: `this test server only answers the viewer query, not: ${query}` }] });
        return;
      }
      const viewer = { __typename: userFor(apiLogin).type, login: options.viewerLogin ?? apiLogin };
      sendJson(res, 200, { data: { viewer } });
      return;
    }
    const update = UPDATE_RE.exec(pathname);
    if (update && method === 'PATCH') {
      const [, owner = '', repo = '', idText = ''] = update;
      const key = `${owner}/${repo}`.toLowerCase();
      const target = stored.find((s) => s.repoKey === key && s.comment.id === Number(idText));
      if (!target) {
        sendJson(res, 404, errorJson('Not Found', 404, DOCS_UPDATE));
        return;
      }
      if (options.readOnly) {
        sendJson(res, 403, errorJson('Resource not accessible by integration', 403, DOCS_UPDATE));
        return;
      }
      const parsed = parseCommentBody(raw, DOCS_UPDATE);
      if ('status' in parsed) {
        sendJson(res, parsed.status, parsed.json);
        return;
      }
      target.comment.body = parsed.body;
      target.comment.updated_at = isoNow();
      sendJson(res, 200, target.comment);
      return;
    }
    sendJson(res, 404, errorJson('Not Found', 404, list ? DOCS_LIST : DOCS));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorJson(`fake GitHub API failure: ${String(error)}`, 500));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    comments: (owner, repo, issue) => issueComments(owner, repo, issue).map((c) => structuredClone(c)),
    seed: (owner, repo, issue, body, login = 'octocat') => structuredClone(addComment(owner, repo, issue, body, login)),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
