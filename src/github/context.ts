/**
 * What the action needs to know about the workflow run it is in, read from an explicit
 * environment (not from `@actions/github`'s `context`, which reads process.env once at import
 * time), so tests and callers choose what it sees.
 */
import { readFile } from 'node:fs/promises';

export interface PullRequestInfo {
  number: number;
  baseRef: string;
  baseSha: string;
  headRef: string;
  headSha: string;
  /** `owner/repo` of the head branch's repository; null when that repository was deleted. */
  headRepoFullName: string | null;
  /** The head branch lives in another repository (or a deleted one): GITHUB_TOKEN is read-only there. */
  isFork: boolean;
}

export interface GitHubContext {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`, `push`, `schedule`; '' when unset. */
  eventName: string;
  /** From GITHUB_REPOSITORY, else the event payload's `repository`. */
  repo: { owner: string; repo: string };
  /** GITHUB_SHA (for pull_request events, the test merge commit, not the head); null when unset. */
  sha: string | null;
  /** GITHUB_REF, e.g. `refs/pull/7/merge`; null when unset. */
  ref: string | null;
  /** GITHUB_SERVER_URL without trailing slash (default https://github.com). */
  serverUrl: string;
  /** GITHUB_API_URL without trailing slash (default https://api.github.com). */
  apiUrl: string;
  /** GITHUB_RUN_ID; null when unset or not a number. */
  runId: number | null;
  /** GITHUB_RUN_ATTEMPT (default 1). */
  runAttempt: number;
  /** Link to this run (its attempt when > 1); null without a run id. */
  workflowRunUrl: string | null;
  /** For pull_request and pull_request_target events with a usable payload; else null. */
  pullRequest: PullRequestInfo | null;
  /** Why the event payload could not be used, when it could not (for logging, never fatal). */
  warnings: string[];
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

function nonEmpty(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function positiveInt(value: string | undefined): number | null {
  const text = value?.trim() ?? '';
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The event payload, or null with a warning when there is none or it is unreadable. */
async function readPayload(path: string | null, warnings: string[]): Promise<Record<string, unknown> | null> {
  if (!path) return null;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    warnings.push(`cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(error as Error).message}`);
    return null;
  }
  try {
    const payload = record(JSON.parse(text));
    if (!payload) warnings.push(`the event payload at ${path} is not a JSON object`);
    return payload;
  } catch (error) {
    warnings.push(`the event payload at ${path} is not valid JSON: ${(error as Error).message}`);
    return null;
  }
}

function parsePullRequest(payload: Record<string, unknown>): PullRequestInfo | string {
  const pr = record(payload.pull_request);
  if (!pr) return 'the event payload has no pull_request object';
  const number = pr.number;
  const base = record(pr.base);
  const head = record(pr.head);
  const baseRepo = record(base?.repo);
  const headRepo = record(head?.repo); // null when the fork was deleted
  const fields = {
    baseRef: str(base?.ref),
    baseSha: str(base?.sha),
    headRef: str(head?.ref),
    headSha: str(head?.sha),
  };
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) {
    return 'the event payload has no pull_request.number';
  }
  const missing = Object.entries(fields)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  if (missing.length > 0) return `the event payload's pull_request lacks ${missing.join(', ')}`;
  const baseRepoName = str(baseRepo?.full_name) ?? str(payload.repository && record(payload.repository)?.full_name);
  const headRepoFullName = str(headRepo?.full_name);
  const isFork =
    headRepoFullName === null ||
    (baseRepoName !== null ? headRepoFullName.toLowerCase() !== baseRepoName.toLowerCase() : headRepo?.fork === true);
  return {
    number,
    baseRef: fields.baseRef!,
    baseSha: fields.baseSha!,
    headRef: fields.headRef!,
    headSha: fields.headSha!,
    headRepoFullName,
    isFork,
  };
}

function parseRepo(value: string | null, payload: Record<string, unknown> | null): { owner: string; repo: string } {
  if (value) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
    if (!match)
      throw new Error(`trackrecord: GITHUB_REPOSITORY must look like owner/repo, got ${JSON.stringify(value)}`);
    return { owner: match[1]!, repo: match[2]! };
  }
  const repository = record(payload?.repository);
  const owner = str(record(repository?.owner)?.login);
  const repo = str(repository?.name);
  if (owner && repo) return { owner, repo };
  throw new Error('trackrecord: GITHUB_REPOSITORY is not set (owner/repo); is this running in GitHub Actions?');
}

/**
 * Reads the run's context from `env` (normally process.env) and the event payload file it
 * names. A missing, unreadable or malformed payload gives `pullRequest: null` and a warning,
 * never an error; only an unknown repository (no GITHUB_REPOSITORY nor payload) throws.
 */
export async function readGitHubContext(env: NodeJS.ProcessEnv): Promise<GitHubContext> {
  const warnings: string[] = [];
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME) ?? '';
  const payload = await readPayload(nonEmpty(env.GITHUB_EVENT_PATH), warnings);
  const repo = parseRepo(nonEmpty(env.GITHUB_REPOSITORY), payload);
  const serverUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com');
  const apiUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com');
  const runId = positiveInt(env.GITHUB_RUN_ID);
  const runAttempt = positiveInt(env.GITHUB_RUN_ATTEMPT) ?? 1;
  const workflowRunUrl =
    runId === null
      ? null
      : `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}` +
        (runAttempt > 1 ? `/attempts/${runAttempt}` : '');

  let pullRequest: PullRequestInfo | null = null;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    if (!payload) {
      if (!nonEmpty(env.GITHUB_EVENT_PATH)) warnings.push(`GITHUB_EVENT_PATH is not set for a ${eventName} event`);
    } else {
      const parsed = parsePullRequest(payload);
      if (typeof parsed === 'string') warnings.push(parsed);
      else pullRequest = parsed;
    }
  }

  return {
    eventName,
    repo,
    sha: nonEmpty(env.GITHUB_SHA),
    ref: nonEmpty(env.GITHUB_REF),
    serverUrl,
    apiUrl,
    runId,
    runAttempt,
    workflowRunUrl,
    pullRequest,
    warnings,
  };
}
