import type { ChatMessage, SamplingParams } from '../config/types.js';

/**
 * Why an observation has no output after every retry. Never counted as model behavior.
 * `server`: the server answered 5xx; `connection`: no answer at all (refused, DNS, TLS).
 */
export type ErrorCategory = 'rate-limited' | 'timeout' | 'server' | 'connection' | 'auth' | 'bad-response';

export const ERROR_CATEGORIES: readonly ErrorCategory[] = [
  'rate-limited',
  'timeout',
  'server',
  'connection',
  'auth',
  'bad-response',
];

export interface ProviderError {
  category: ErrorCategory;
  /** HTTP status when there was one. */
  status: number | null;
  /** A short message safe to show: never a key, never a request body. */
  message: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  params: SamplingParams;
}

export interface Completion {
  output: string;
  /** The model name the server says answered (may differ from the one asked for). */
  servedModel: string | null;
  systemFingerprint: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /**
   * The output is not whole: the server ended it for length (`finish_reason: length`), or it
   * passed `max-output-kb` and was cut here. Not an error: the sample is judged, and marked.
   */
  truncated?: boolean;
}

/**
 * What one request came to after retries: an output or a categorized error. `rateLimited`
 * counts the 429 answers among its attempts, including those a retry got past (absent when
 * the provider cannot tell).
 */
export type CallResult =
  | { ok: true; completion: Completion; latencyMs: number; attempts: number; rateLimited?: number }
  | { ok: false; error: ProviderError; latencyMs: number; attempts: number; rateLimited?: number };

/** What a provider can report while one request is under way, before it settles. */
export interface CallObserver {
  /** An attempt was answered 429, `roundTripMs` after it was sent (the provider may still retry it). */
  onRateLimited?: (attempt: { roundTripMs: number }) => void;
  /**
   * The provider is about to retry, its back-off already slept; the retry is sent when the
   * returned promise settles, and the wait counts against neither its timeout nor its retries.
   */
  beforeRetry?: () => Promise<void>;
}

/** One model's endpoint as the runner sees it. */
export interface ChatProvider {
  complete(request: ChatRequest, observer?: CallObserver): Promise<CallResult>;
}

/** One sample of one prompt: the call's result plus what the checks made of it. */
export interface Sample {
  output: string | null;
  /** The output after `extract` and `normalize`; null when there is no output or extract found nothing. */
  answer: string | null;
  /** null when the prompt has no `expect` or the sample has no output. */
  pass: boolean | null;
  /** Human-readable reasons for each failing check. */
  failures: string[];
  error: ProviderError | null;
  latencyMs: number;
  attempts: number;
  servedModel: string | null;
  systemFingerprint: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /** The output is not whole (see Completion); absent in samples of older partial files. */
  truncated?: boolean;
}

/** One (run, model, prompt): its samples in request order. */
export interface Observation {
  modelId: string;
  suite: string;
  promptId: string;
  /** Identifies the prompt's series: the conversation, model params, extract, normalize, compare. */
  promptHash: string;
  /** Identifies the checks: pass/fail flips only count between runs with the same checks. */
  checksHash: string;
  samples: Sample[];
}

/** What one embeddings request came to after retries: a vector per text, or a categorized error. */
export type EmbeddingResult =
  | { ok: true; vectors: Float32Array[]; tokens: number; attempts: number }
  | { ok: false; error: ProviderError; attempts: number };

/** One model's endpoint, asked for embeddings (`/embeddings`). */
export interface EmbeddingProvider {
  /** Embeds `texts` (none empty) with the embedding model `model`, in one request. */
  embed(model: string, texts: readonly string[]): Promise<EmbeddingResult>;
}
