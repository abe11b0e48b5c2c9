import { randomBytes } from 'node:crypto';

/** Where and why a run happened; stored with every record so it can be traced back. */
export interface RunInfo {
  id: string;
  startedAt: string;
  /** The event that started it: schedule, push, pull_request, workflow_dispatch, or `cli`. */
  trigger: string;
  commit: string | null;
  /** The workflow run's page, when on GitHub Actions. */
  url: string | null;
}

export function describeRun(env: NodeJS.ProcessEnv, now: Date = new Date()): RunInfo {
  const onGitHub = env['GITHUB_ACTIONS'] === 'true' && !!env['GITHUB_RUN_ID'];
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const repo = env['GITHUB_REPOSITORY'];
  return {
    id: onGitHub ? `${env['GITHUB_RUN_ID']}-${env['GITHUB_RUN_ATTEMPT'] ?? '1'}` : localRunId(now),
    startedAt: now.toISOString(),
    trigger: env['GITHUB_EVENT_NAME'] ?? 'cli',
    commit: env['GITHUB_SHA'] ?? null,
    url: onGitHub && repo ? `${server}/${repo}/actions/runs/${env['GITHUB_RUN_ID']}` : null,
  };
}

/** Sortable and unique enough for runs on one machine: time plus a short random tail. */
function localRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
