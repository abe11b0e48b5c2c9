import { createRequire as __trackrecordCreateRequire } from 'node:module';
const require = __trackrecordCreateRequire(import.meta.url);

// src/github/context.ts
import { readFile } from "node:fs/promises";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function nonEmpty(value) {
  const text = value?.trim();
  return text ? text : null;
}
function withoutTrailingSlash(url) {
  return url.replace(/\/+$/, "");
}
function positiveInt(value) {
  const text = value?.trim() ?? "";
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}
function str(value) {
  return typeof value === "string" && value !== "" ? value : null;
}
async function readPayload(path, warnings) {
  if (!path) return null;
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    warnings.push(`cannot read the event payload GITHUB_EVENT_PATH=${path}: ${error.message}`);
    return null;
  }
  try {
    const payload = record(JSON.parse(text));
    if (!payload) warnings.push(`the event payload at ${path} is not a JSON object`);
    return payload;
  } catch (error) {
    warnings.push(`the event payload at ${path} is not valid JSON: ${error.message}`);
    return null;
  }
}
function parsePullRequest(payload) {
  const pr = record(payload.pull_request);
  if (!pr) return "the event payload has no pull_request object";
  const number = pr.number;
  const base = record(pr.base);
  const head = record(pr.head);
  const baseRepo = record(base?.repo);
  const headRepo = record(head?.repo);
  const fields = {
    baseRef: str(base?.ref),
    baseSha: str(base?.sha),
    headRef: str(head?.ref),
    headSha: str(head?.sha)
  };
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number <= 0) {
    return "the event payload has no pull_request.number";
  }
  const missing = Object.entries(fields).filter(([, v]) => v === null).map(([k]) => k);
  if (missing.length > 0) return `the event payload's pull_request lacks ${missing.join(", ")}`;
  const baseRepoName = str(baseRepo?.full_name) ?? str(payload.repository && record(payload.repository)?.full_name);
  const headRepoFullName = str(headRepo?.full_name);
  const isFork = headRepoFullName === null || (baseRepoName !== null ? headRepoFullName.toLowerCase() !== baseRepoName.toLowerCase() : headRepo?.fork === true);
  return {
    number,
    baseRef: fields.baseRef,
    baseSha: fields.baseSha,
    headRef: fields.headRef,
    headSha: fields.headSha,
    headRepoFullName,
    isFork
  };
}
function parseRepo(value, payload) {
  if (value) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
    if (!match)
      throw new Error(`trackrecord: GITHUB_REPOSITORY must look like owner/repo, got ${JSON.stringify(value)}`);
    return { owner: match[1], repo: match[2] };
  }
  const repository = record(payload?.repository);
  const owner = str(record(repository?.owner)?.login);
  const repo = str(repository?.name);
  if (owner && repo) return { owner, repo };
  throw new Error("trackrecord: GITHUB_REPOSITORY is not set (owner/repo); is this running in GitHub Actions?");
}
async function readGitHubContext(env) {
  const warnings = [];
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME) ?? "";
  const payload = await readPayload(nonEmpty(env.GITHUB_EVENT_PATH), warnings);
  const repo = parseRepo(nonEmpty(env.GITHUB_REPOSITORY), payload);
  const serverUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_SERVER_URL) ?? "https://github.com");
  const apiUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_API_URL) ?? "https://api.github.com");
  const runId = positiveInt(env.GITHUB_RUN_ID);
  const runAttempt = positiveInt(env.GITHUB_RUN_ATTEMPT) ?? 1;
  const workflowRunUrl = runId === null ? null : `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}` + (runAttempt > 1 ? `/attempts/${runAttempt}` : "");
  let pullRequest = null;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    if (!payload) {
      if (!nonEmpty(env.GITHUB_EVENT_PATH)) warnings.push(`GITHUB_EVENT_PATH is not set for a ${eventName} event`);
    } else {
      const parsed = parsePullRequest(payload);
      if (typeof parsed === "string") warnings.push(parsed);
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
    warnings
  };
}

// src/util/errors.ts
var EXIT = { ok: 0, failed: 1, invalid: 2 };
var TrackrecordError = class extends Error {
  /** `program`: `trackrecord: ...`, for problems not of one command's making (config, history). */
  scope = "command";
  /** Words the CLI puts before the message, naming what failed. */
  lead = "";
  /** Whether the CLI follows the message with the command's help (a bad command line). */
  showsHelp = false;
};

export {
  EXIT,
  TrackrecordError,
  withoutTrailingSlash,
  readGitHubContext
};
