/**
 * The replay server's request rate limit: one token bucket per server, like a provider's
 * requests-per-minute limit. The bucket holds `burst` tokens and refills continuously at
 * `perMinute / 60` tokens a second; a request takes one token or is refused with the time
 * until the next token is there (what the server sends as `retry-after`).
 */
import { performance } from 'node:perf_hooks';

export interface RateLimit {
  /** Requests allowed a minute, refilled continuously (600 = one every 100 ms). */
  perMinute: number;
  /** Requests that may arrive at once after a quiet spell: the bucket's size (default 1, no burst). */
  burst?: number;
}

export function validateRateLimit(limit: RateLimit | undefined): void {
  if (!limit) return;
  if (!(Number.isFinite(limit.perMinute) && limit.perMinute > 0)) {
    throw new Error(`rateLimit.perMinute must be a positive number, got ${limit.perMinute}`);
  }
  if (limit.burst !== undefined && !(Number.isInteger(limit.burst) && limit.burst >= 1)) {
    throw new Error(`rateLimit.burst must be an integer >= 1, got ${limit.burst}`);
  }
}

/** Floating-point slack, so a request timed to the refill instant is not refused for 1e-12 of a token. */
const EPSILON = 1e-9;

export class TokenBucket {
  readonly capacity: number;
  /** Tokens added a millisecond. */
  private readonly perMs: number;
  private tokens: number;
  private last: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    validateRateLimit(limit);
    this.capacity = limit.burst ?? 1;
    this.perMs = limit.perMinute / 60_000;
    this.tokens = this.capacity; // a fresh bucket is full
    this.last = now();
  }

  /**
   * Takes a token and returns 0, or takes none and returns the milliseconds until a token is
   * there (> 0, rounded up to a whole millisecond so a client that waits that long finds one).
   */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens >= 1 - EPSILON) {
      this.tokens = Math.max(0, this.tokens - 1);
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perMs));
  }
}
