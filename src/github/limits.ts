/**
 * Bounds on every GitHub API call: a deadline per attempt, a few retries of what GitHub says is
 * passing (5xx, a secondary rate limit with its wait), and no wait longer than a job can afford.
 * Octokit alone waits forever on a server that never answers and retries nothing.
 */
import { EXIT, TrackrecordError } from '../util/errors.js';

export interface ApiLimits {
  /** One attempt, headers and body. */
  timeoutMs: number;
  /** Attempts per call, the first included. */
  attempts: number;
  /** The first back-off after a 5xx or a timeout; doubled each time, with jitter. */
  backoffMs: number;
  /** The longest wait a rate limit may ask for and still be retried. */
  maxWaitMs: number;
  /** Pages of a listing read before giving up on it. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  timeoutMs: 30_000,
  attempts: 4,
  backoffMs: 1_000,
  maxWaitMs: 60_000,
  maxPages: 100,
};

interface HttpError {
  status?: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

interface RequestOptions {
  method?: string;
  url?: string;
  request?: object;
}

/** Wraps Octokit's request (REST and GraphQL alike) in the limits. */
export function limitedRequest(limits: ApiLimits) {
  return async <O extends RequestOptions, R>(request: (options: O) => R | Promise<R>, options: O): Promise<R> => {
    const what = `${options.method ?? 'GET'} ${String(options.url ?? '')}`;
    for (let attempt = 1; ; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
      let failure: unknown;
      try {
        // Set on the options themselves: each hook of the chain (the token's among them) is bound
        // to the options of the call, whatever the hook outside it passes on.
        options.request = { ...options.request, signal: controller.signal };
        return await request(options);
      } catch (error) {
        failure = controller.signal.aborted
          ? new ApiTimeout(`the GitHub API did not answer ${what} within ${limits.timeoutMs / 1000} s`)
          : error;
      } finally {
        clearTimeout(timer);
      }
      const wait = retryWait(failure, attempt, limits);
      if (typeof wait === 'string') {
        if (failure instanceof Error && wait !== '') failure.message += ` (${wait})`;
        throw failure;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
}

/** An attempt that passed its deadline; thrown as it is once the attempts are spent. */
class ApiTimeout extends TrackrecordError {
  readonly code = 'github-timeout';
  readonly exitStatus = EXIT.failed;
}

/** How long to wait before the next attempt, or why there is none ('' when it is not a passing failure). */
function retryWait(error: unknown, attempt: number, limits: ApiLimits): number | string {
  const status = (error as HttpError).status;
  const headers = (error as HttpError).response?.headers ?? {};
  const timedOut = error instanceof ApiTimeout;
  const rateLimited = (status === 403 || status === 429) && isRateLimit(error as HttpError, headers);
  if (!timedOut && !rateLimited && !(status !== undefined && status >= 500)) return '';
  if (attempt >= limits.attempts) return `gave up after ${attempt} attempts`;
  const asked = rateLimited ? askedWaitMs(headers) : null;
  if (asked !== null && asked > limits.maxWaitMs) {
    return `GitHub asked to wait ${Math.ceil(asked / 1000)} s, longer than the ${limits.maxWaitMs / 1000} s trackrecord waits`;
  }
  const backoff = limits.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
  return asked ?? (rateLimited ? limits.maxWaitMs : backoff);
}

/** A secondary rate limit (or a spent primary one): GitHub says so in the headers or the message. */
function isRateLimit(error: HttpError, headers: Record<string, string | number | undefined>): boolean {
  return (
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0' ||
    /rate limit/i.test(error.message)
  );
}

/** GitHub's own rule: `retry-after` seconds, else until `x-ratelimit-reset` when none are left; null when neither says. */
function askedWaitMs(headers: Record<string, string | number | undefined>): number | null {
  const after = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(after)) return Math.max(0, after * 1000);
  const reset = Number(headers['x-ratelimit-reset']);
  if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - Date.now());
  }
  return null;
}
