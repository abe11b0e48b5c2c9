/**
 * Adaptive concurrency for a rate-limited provider: additive increase, multiplicative decrease
 * (AIMD, as TCP does for its congestion window). The history's `window` (records a score covers)
 * is another thing: here the span between two decreases is an epoch.
 *
 * The limit starts at the configured concurrency. A 429 halves it (never below `min`), at most
 * once per epoch: an epoch runs from one decrease to the next, and a call belongs to the
 * epoch it was admitted in. A 429 met by a call of an older epoch says the old limit was too
 * high, which is already acted on, so it changes nothing; only a 429 met by a call admitted
 * under the current limit lowers it again. After `limit` calls of the current epoch in a row
 * settle without any 429, the limit grows by one, up to `max`.
 *
 * One refinement, so a provider is used at its limit and not below it: a decrease never goes
 * below the number of requests the provider is serving at that moment (in flight and not
 * rate-limited), when the runner passes it. By Little's law that is the concurrency the
 * provider's rate sustains at its current latency; plain halving would drop a slow provider
 * (say 10 requests a second at 1 s each, 10 in flight) to half its rate and take many epochs
 * to climb back. A fast provider serves few at once, so for it this is plain halving.
 *
 * Pure bookkeeping, no timers and no I/O: the runner reads `epoch` when it admits a call,
 * reports what the call met with it, and applies the limit it is handed back.
 */
export interface AimdOptions {
  /** The configured concurrency: where the limit starts and the most it ever grows to. */
  max: number;
  /** The least it falls to (default 1). */
  min?: number;
  /** What a 429 multiplies the limit by (default 0.5). */
  decrease?: number;
}

export type LimitReason = 'rate-limited' | 'recovered';

export interface LimitChange {
  limit: number;
  previous: number;
  reason: LimitReason;
}

export class AimdLimit {
  readonly max: number;
  readonly min: number;
  private readonly factor: number;
  private current: number;
  /** Bumped on every decrease: calls admitted before it belong to an older epoch. */
  private admitting = 0;
  /** Calls of this epoch settled without a 429 since the limit last changed or a 429 was met. */
  private clean = 0;

  constructor(options: AimdOptions) {
    const { max, min = 1, decrease = 0.5 } = options;
    if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`max must be an integer >= 1, got ${max}`);
    if (!(Number.isInteger(min) && min >= 1 && min <= max))
      throw new RangeError(`min must be an integer in 1..${max}, got ${min}`);
    if (!(decrease > 0 && decrease < 1)) throw new RangeError(`decrease must be between 0 and 1, got ${decrease}`);
    this.max = max;
    this.min = min;
    this.factor = decrease;
    this.current = max;
  }

  /** The concurrency to run at now. */
  get limit(): number {
    return this.current;
  }

  /** The epoch a call admitted now belongs to: pass it back with what the call met. */
  get epoch(): number {
    return this.admitting;
  }

  /**
   * A call admitted in epoch `epoch` was answered 429 (retried or not), while the provider was
   * serving `serving` other requests (0 when unknown). Returns the change, or null when the
   * limit stays: already lowered since that call was admitted, or at `min`.
   */
  rateLimited(epoch: number, serving = 0): LimitChange | null {
    this.clean = 0;
    if (epoch !== this.admitting || this.current <= this.min) return null;
    const previous = this.current;
    const floor = Math.min(Math.max(0, Math.floor(serving)), previous - 1);
    this.current = Math.max(this.min, Math.floor(previous * this.factor), floor);
    this.admitting += 1;
    return { limit: this.current, previous, reason: 'rate-limited' };
  }

  /**
   * A call admitted in epoch `epoch` settled with an answer and no 429 on the way. Returns the
   * change, or null. Calls of an older epoch ran under a higher limit and count for nothing.
   */
  succeeded(epoch: number): LimitChange | null {
    if (epoch !== this.admitting) return null;
    this.clean += 1;
    if (this.clean < this.current || this.current >= this.max) return null;
    this.clean = 0;
    const previous = this.current;
    this.current += 1;
    return { limit: this.current, previous, reason: 'recovered' };
  }
}

/** A mutual-exclusion lock handed over in the order it was asked for. */
export class FifoLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  get locked(): boolean {
    return this.held;
  }

  /** How many are waiting for it. */
  get queued(): number {
    return this.waiting.length;
  }

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the lock to the longest waiter, or frees it. */
  release(): void {
    if (!this.held) throw new Error('FifoLock.release() without acquire()');
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}
