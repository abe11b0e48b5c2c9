import { getOctokit } from '@actions/github';
import { withoutTrailingSlash } from './context.js';
import { DEFAULT_LIMITS, limitedRequest, type ApiLimits } from './limits.js';

// Its own module so that only a run that comments loads Octokit (a large share of start-up).

export type GitHubOctokit = ReturnType<typeof getOctokit> & { limits: ApiLimits };

/**
 * An authenticated Octokit (REST methods + paginate) for `apiUrl` (GITHUB_API_URL; GHES
 * uses https://HOST/api/v3), every call within `limits`. `@actions/github` decides proxying
 * from the GITHUB_API_URL seen at import time; on a runner that is the same URL.
 */
export function createOctokit(token: string, apiUrl: string, limits: ApiLimits = DEFAULT_LIMITS): GitHubOctokit {
  const octokit = getOctokit(token, { baseUrl: withoutTrailingSlash(apiUrl) });
  octokit.hook.wrap('request', limitedRequest(limits));
  return Object.assign(octokit, { limits });
}
