import { getOctokit } from '@actions/github';
import { withoutTrailingSlash } from './context.js';

// Its own module so that only a run that comments loads Octokit (a large share of start-up).

export type GitHubOctokit = ReturnType<typeof getOctokit>;

/**
 * An authenticated Octokit (REST methods + paginate) for `apiUrl` (GITHUB_API_URL; GHES
 * uses https://HOST/api/v3). `@actions/github` decides proxying from the GITHUB_API_URL seen
 * at import time; on a runner that is the same URL.
 */
export function createOctokit(token: string, apiUrl: string): GitHubOctokit {
  return getOctokit(token, { baseUrl: withoutTrailingSlash(apiUrl) });
}
