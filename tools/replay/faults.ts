/**
 * Deterministic fault injection for the replay server.
 *
 * Selection: for each fault kind, in the fixed order rateLimit, serverError, slow, stall,
 * malformed, endless, truncated, usage, the request gets a number u in [0, 1) from
 *   sha256(seed + NUL + kind + NUL + requested model + NUL + last user message)
 * (the first 52 bits of the digest divided by 2^52). The kind applies when u < share and
 * the attempt number (the `x-stainless-retry-count` header) is below its `attempts`; the
 * first kind that applies wins, so a request gets at most one fault.
 *
 * No randomness and no counters: the same logical request is selected on every run and
 * on every retry, which is what makes "fails once, then succeeds" reproducible. Identical
 * requests (one prompt sampled N times) count as one logical request and share their fate.
 */
import { createHash } from 'node:crypto';

export interface FaultSpec {
  /** Share of logical requests (0..1) selected for this fault. */
  share: number;
  /**
   * The fault applies only on attempts numbered below this (0 is the first try).
   * Default 1 for rateLimit, serverError and malformed (fail once, then succeed);
   * Infinity for slow, stall, endless, truncated and usage (every retry is slow too).
   */
  attempts?: number;
}

export interface FaultPlan {
  /** Default 'trackrecord'. */
  seed?: string;
  /** 429 with a `retry-after` header (seconds, default 1) and an OpenAI-style error body. */
  rateLimit?: FaultSpec & { retryAfterSeconds?: number };
  /** 500 with an OpenAI-style error body. */
  serverError?: FaultSpec;
  /** Waits delayMs before sending headers, so a client timeout fires first. */
  slow?: FaultSpec & { delayMs: number };
  /**
   * Sends the headers and half the body at once and the rest after delayMs: a response that
   * stalls after its headers, which only a deadline on the whole response catches.
   */
  stall?: FaultSpec & { delayMs: number };
  /** 200 with content-type application/json and a truncated, invalid JSON body. */
  malformed?: FaultSpec;
  /**
   * 200 whose JSON body opens the message content and never ends it: text sent as fast as the
   * client reads, until the client goes away. Only a cap on the bytes read (or a deadline) ends it.
   */
  endless?: FaultSpec;
  /**
   * 200 with `finish_reason: "length"` and the first half of the recorded output, as a server
   * answers when the output reached `max_tokens`.
   */
  truncated?: FaultSpec;
  /**
   * 200 whose `usage` has these values in place of (or beside) the counted ones, as a server with
   * a bug reports them: `{ completion_tokens: -1 }`, `{ prompt_tokens: 1.5 }`, `{ completion_tokens: 1e308 }`.
   */
  usage?: FaultSpec & { numbers: Record<string, unknown> };
}

export type FaultKind =
  'rateLimit' | 'serverError' | 'slow' | 'stall' | 'malformed' | 'endless' | 'truncated' | 'usage';

export const FAULT_ORDER: readonly FaultKind[] = [
  'rateLimit',
  'serverError',
  'slow',
  'stall',
  'malformed',
  'endless',
  'truncated',
  'usage',
];

export type Fault =
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverError' }
  | { kind: 'slow' | 'stall'; delayMs: number }
  | { kind: 'malformed' | 'endless' | 'truncated' }
  | { kind: 'usage'; numbers: Record<string, unknown> };

export const DEFAULT_SEED = 'trackrecord';

/** The uniform number in [0, 1) that decides whether `kind` hits this logical request. */
export function faultDraw(seed: string, kind: FaultKind, model: string, prompt: string): number {
  const digest = createHash('sha256').update([seed, kind, model, prompt].join('\u0000')).digest('hex');
  // 13 hex digits = 52 bits: exact in a double, so the division is exact too.
  return parseInt(digest.slice(0, 13), 16) / 2 ** 52;
}

function defaultAttempts(kind: FaultKind): number {
  return kind === 'rateLimit' || kind === 'serverError' || kind === 'malformed' ? 1 : Infinity;
}

/** The fault for this request, or null. `attempt` is 0 on the first try. */
export function pickFault(
  plan: FaultPlan | undefined,
  request: { model: string; prompt: string; attempt: number },
): Fault | null {
  if (!plan) return null;
  const seed = plan.seed ?? DEFAULT_SEED;
  for (const kind of FAULT_ORDER) {
    const spec = plan[kind];
    if (!spec || !(spec.share > 0)) continue;
    if (request.attempt >= (spec.attempts ?? defaultAttempts(kind))) continue;
    if (faultDraw(seed, kind, request.model, request.prompt) >= spec.share) continue;
    switch (kind) {
      case 'rateLimit':
        return { kind, retryAfterSeconds: plan.rateLimit?.retryAfterSeconds ?? 1 };
      case 'slow':
      case 'stall':
        return { kind, delayMs: plan[kind]?.delayMs ?? 0 };
      case 'usage':
        return { kind, numbers: { ...plan.usage?.numbers } };
      default:
        return { kind };
    }
  }
  return null;
}

/** Throws on a plan that would silently do nothing or something odd. */
export function validateFaultPlan(plan: FaultPlan | undefined): void {
  if (!plan) return;
  for (const kind of FAULT_ORDER) {
    const spec = plan[kind];
    if (!spec) continue;
    if (!(spec.share >= 0 && spec.share <= 1)) {
      throw new Error(`faults.${kind}.share must be between 0 and 1, got ${spec.share}`);
    }
    if (spec.attempts !== undefined && !(spec.attempts >= 0)) {
      throw new Error(`faults.${kind}.attempts must be >= 0, got ${spec.attempts}`);
    }
  }
  for (const kind of ['slow', 'stall'] as const) {
    const delayMs = plan[kind]?.delayMs;
    if (plan[kind] && !(delayMs! >= 0)) throw new Error(`faults.${kind}.delayMs must be >= 0, got ${delayMs}`);
  }
  const ra = plan.rateLimit?.retryAfterSeconds;
  if (ra !== undefined && !(ra >= 0)) {
    throw new Error(`faults.rateLimit.retryAfterSeconds must be >= 0, got ${ra}`);
  }
}
