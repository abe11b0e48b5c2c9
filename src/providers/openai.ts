import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import OpenAI, { AzureOpenAI, type ClientOptions } from 'openai';
import { DEFAULTS, type ModelSpec } from '../config/types.js';
import type { CallObserver, CallResult, ChatProvider, ChatRequest, Completion, ProviderError } from '../run/types.js';
import { completeCutBody, readCapped } from './body.js';
import { categorize, redact } from './errors.js';
import { fetchWithinOrigin } from './redirects.js';
import { usageCount, usageNotes, type UsageNote } from './usage.js';

export interface ProviderOptions {
  timeoutSeconds: number;
  retries: number;
  /** Response bytes read per attempt (config `max-output-kb`, default 256); a longer output is cut and marked. */
  maxOutputKb?: number;
  /** Where API keys are read from (process.env in production). */
  env: NodeJS.ProcessEnv;
  /** Further values to keep out of outputs and messages (every key of the run); this model's key always is. */
  secrets?: readonly string[];
  /** Hears what the run should tell its user about a response it still used (odd usage numbers). */
  warn?: (message: string) => void;
}

/** Per-call bookkeeping the SDK's own retry loop cannot tell us. */
export interface CallTrace {
  attempts: number;
  lastAttemptStart: number;
  /** Attempts answered 429, retried or not. */
  rateLimited: number;
  /** A wait the server asked for that was too long to honor (ms); the call then failed at once. */
  refusedWaitMs: number | null;
  /** Per attempt, for the whole response: headers and body. */
  timeoutMs: number;
  maxBytes: number;
  /** What the last attempt came to: its body failed to arrive whole; its body passed the cap; the message text did. */
  bodyFailed: boolean;
  bodyCut: boolean;
  outputCut: boolean;
  observer: CallObserver | undefined;
}

/** A call's trace before its first attempt. */
export function newTrace(timeoutMs: number, maxBytes: number, observer?: CallObserver): CallTrace {
  return {
    attempts: 0,
    lastAttemptStart: performance.now(),
    rateLimited: 0,
    refusedWaitMs: null,
    timeoutMs,
    maxBytes,
    bodyFailed: false,
    bodyCut: false,
    outputCut: false,
    observer,
  };
}

/**
 * The longest `retry-after` honored. The SDK sleeps for whatever a server asks, and a provider
 * whose daily quota is spent may ask for hours: a nightly run should record that as errors now,
 * not hang until the job's time limit.
 */
export const MAX_RETRY_WAIT_MS = 60_000;

export const traces = new AsyncLocalStorage<CallTrace>();

/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * One attempt, headers and body. Counts attempts, times the last one and notes each 429. The
 * SDK retries inside one `create` call, so this is the only place that sees each attempt; a 429
 * is reported to the observer as soon as it arrives, before the SDK sleeps for its retry-after.
 *
 * The body is read here, not by the SDK, so the attempt's deadline covers it (a stalled body is
 * a timeout, retried like any) and at most `maxBytes` of it is ever held.
 */
export const tracingFetch: typeof fetch = async (input, init) => {
  const trace = traces.getStore();
  if (!trace) return fetchWithinOrigin(input, init);
  trace.attempts += 1;
  trace.lastAttemptStart = performance.now();
  trace.bodyFailed = trace.bodyCut = trace.outputCut = false;
  const deadline = attemptDeadline(trace.timeoutMs, init?.signal);
  try {
    const response = await fetchWithinOrigin(input, { ...init, signal: deadline.signal });
    if (response.status === 429) {
      trace.rateLimited += 1;
      trace.observer?.onRateLimited?.({ roundTripMs: performance.now() - trace.lastAttemptStart });
    }
    const headers = new Headers(response.headers);
    const wait = requestedWaitMs(headers);
    if (wait !== null && wait > MAX_RETRY_WAIT_MS && !headers.has('x-should-retry')) {
      trace.refusedWaitMs = wait;
      // The SDK obeys this (non-standard) header before any retry rule of its own.
      headers.set('x-should-retry', 'false');
    }
    let read;
    try {
      read = await readCapped(response.body, trace.maxBytes);
    } catch (error) {
      trace.bodyFailed = true;
      throw error;
    }
    let body: ConstructorParameters<typeof Response>[0] = NULL_BODY.has(response.status) ? null : read.bytes;
    if (read.cut && response.ok) {
      const whole = completeCutBody(read.bytes);
      trace.bodyCut = true;
      trace.outputCut = whole.outputCut;
      body = whole.text;
    }
    // The body given on is decoded and may be shorter: these would now be wrong.
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  } finally {
    deadline.clear();
  }
};

/**
 * An attempt's deadline, which also follows the SDK's own signal. A timer, not
 * `AbortSignal.timeout`/`AbortSignal.any`: a pending timer is held by the event loop, and with it
 * the controller it aborts, while those signals are only weakly held once fetch has its headers,
 * so garbage collection could take them and the deadline would never come.
 */
function attemptDeadline(ms: number, outer: AbortSignal | null | undefined) {
  const controller = new AbortController();
  const follow = (): void => controller.abort(outer?.reason);
  const timer = setTimeout(
    () => controller.abort(new DOMException('the attempt passed timeout-seconds', 'TimeoutError')),
    ms,
  );
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    clear(): void {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    },
  };
}

/** The wait a response asks for before a retry, read as the SDK reads it, or null. */
function requestedWaitMs(headers: Headers): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return null;
  const seconds = Number.parseFloat(retryAfter);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? null : date - Date.now();
}

/**
 * The SDK's client with one hook: before a retry (after the SDK's back-off sleep, before the
 * attempt's timeout starts) the call's observer may hold it back. Azure's client is the same
 * client with its own URLs and auth header, so both get the hook.
 */
// A mixin's base constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withRetryHook<Client extends new (...args: any[]) => OpenAI>(Base: Client) {
  return class extends Base {
    protected override async prepareOptions(options: Parameters<OpenAI['prepareOptions']>[0]): Promise<void> {
      await super.prepareOptions(options);
      const trace = traces.getStore();
      if (trace && trace.attempts > 0) await trace.observer?.beforeRetry?.();
    }
  };
}
const TracedOpenAI = withRetryHook(OpenAI);
const TracedAzureOpenAI = withRetryHook(AzureOpenAI);

/**
 * The SDK client for a model: Azure's for its classic deployments, the plain one for everything else.
 * `deployment` overrides the model's (Azure's embedding deployment).
 */
export function createClient(
  model: ModelSpec,
  apiKey: string | undefined,
  options: Pick<ClientOptions, 'maxRetries' | 'timeout' | 'defaultHeaders' | 'fetch'>,
  deployment?: string,
): OpenAI {
  // Local servers (Ollama, vLLM, llama.cpp) need no key; the SDK insists on a string.
  const key = apiKey || 'no-key';
  if (model.azure) {
    return new TracedAzureOpenAI({
      endpoint: model.baseUrl,
      deployment: deployment ?? model.azure.deployment,
      apiVersion: model.azure.apiVersion,
      apiKey: key,
      ...options,
    });
  }
  return new TracedOpenAI({ baseURL: model.baseUrl, apiKey: key, ...options });
}

/** What every call to a model's endpoint needs: its key, the per-attempt deadline, and the values to mask in errors. */
export function connectionOf(
  model: ModelSpec,
  options: ProviderOptions,
): { apiKey: string | undefined; timeoutMs: number; secrets: string[] } {
  const apiKey = options.env[model.apiKeyEnv];
  return {
    apiKey,
    timeoutMs: Math.max(1, Math.round(options.timeoutSeconds * 1000)),
    secrets: [...new Set([...(apiKey ? [apiKey] : []), ...(options.secrets ?? [])])],
  };
}

/**
 * A provider for any OpenAI-compatible endpoint. Retries (429, 408, 409, 5xx, timeouts and
 * connection errors) are the SDK's: it honors `retry-after-ms` / `retry-after` up to
 * MAX_RETRY_WAIT_MS and otherwise backs off exponentially with jitter. Whatever survives the retries becomes a categorized
 * error in the result, never an exception.
 */
export function createOpenAIProvider(model: ModelSpec, options: ProviderOptions): ChatProvider {
  const { apiKey, timeoutMs, secrets } = connectionOf(model, options);
  const maxOutputKb = options.maxOutputKb ?? DEFAULTS.maxOutputKb;
  const client = createClient(model, apiKey, {
    maxRetries: options.retries,
    timeout: timeoutMs,
    defaultHeaders: model.headers,
    fetch: tracingFetch,
  });
  // `max_tokens` is what every OpenAI-compatible server understands, except OpenAI's reasoning
  // models, which want `max_completion_tokens` (unknown to many other servers). Start with the
  // common name; once a model refuses it, use the other for the rest of the run.
  let tokenLimit: TokenLimitParam = 'max_tokens';
  const note = usageNotes(model.id, secrets, options.warn);
  const create = async (request: ChatRequest): Promise<unknown> => {
    // What this request sent: others in flight may have switched the model over meanwhile.
    const sent = tokenLimit;
    try {
      return await client.chat.completions.create(toBody(request, sent));
    } catch (error) {
      const refused =
        sent === 'max_tokens' && request.params.maxTokens !== undefined && refusesParam(error, 'max_tokens');
      if (!refused) throw error;
      tokenLimit = 'max_completion_tokens';
      return client.chat.completions.create(toBody(request, tokenLimit));
    }
  };

  return {
    complete(request: ChatRequest, observer?: CallObserver): Promise<CallResult> {
      const trace = newTrace(timeoutMs, maxOutputKb * 1024, observer);
      return traces.run(trace, async (): Promise<CallResult> => {
        const started = performance.now();
        try {
          const response = await create(request);
          const latencyMs = performance.now() - trace.lastAttemptStart;
          const completion = toCompletion(response, note);
          if (typeof completion === 'string') {
            return failure(trace, started, { category: 'bad-response', status: 200, message: completion });
          }
          // What the server says is stored and shown: one that echoes the key must not put it there.
          let output = redact(completion.output, secrets, { cut: trace.outputCut });
          if (trace.outputCut) output += cutMark(maxOutputKb);
          const masked = (text: string | null): string | null => (text === null ? null : redact(text, secrets));
          return {
            ok: true,
            completion: {
              ...completion,
              output,
              servedModel: masked(completion.servedModel),
              systemFingerprint: masked(completion.systemFingerprint),
              truncated: completion.truncated === true || trace.outputCut,
            },
            latencyMs,
            attempts: trace.attempts,
            rateLimited: trace.rateLimited,
          };
        } catch (error) {
          const categorized = categorize(error, secrets);
          let message = categorized.message;
          if (categorized.category === 'timeout' && trace.bodyFailed) {
            message = 'request timed out while the response body was arriving';
          } else if (categorized.category === 'bad-response' && trace.bodyCut) {
            message = `response body longer than max-output-kb (${maxOutputKb} KB), with no message text in what was read`;
          }
          return failure(trace, started, { ...categorized, message: message + refusedWaitNote(trace) });
        }
      });
    },
  };
}

/** Ends an output cut at the cap, so every reader sees it is not what the model said in full. */
export function cutMark(maxOutputKb: number): string {
  return `\n[cut by trackrecord: the response passed max-output-kb (${maxOutputKb} KB)]`;
}

function refusedWaitNote(trace: CallTrace): string {
  if (trace.refusedWaitMs === null) return '';
  const asked = Math.round(trace.refusedWaitMs / 1000);
  return ` (not retried: the server asked to wait ${asked} s, longer than the ${MAX_RETRY_WAIT_MS / 1000} s trackrecord waits)`;
}

function failure(trace: CallTrace, started: number, error: ProviderError): CallResult {
  return {
    ok: false,
    error,
    latencyMs: performance.now() - started,
    attempts: Math.max(1, trace.attempts),
    rateLimited: trace.rateLimited,
  };
}

type TokenLimitParam = 'max_tokens' | 'max_completion_tokens';

/** A 400 that names `param` as the parameter the model does not support. */
function refusesParam(error: unknown, param: string): boolean {
  return error instanceof OpenAI.BadRequestError && (error.param === param || error.message.includes(`'${param}'`));
}

function toBody(request: ChatRequest, tokenLimit: TokenLimitParam): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming {
  const { params } = request;
  const body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: request.messages,
  };
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.topP !== undefined) body.top_p = params.topP;
  if (params.seed !== undefined) body.seed = params.seed;
  if (params.maxTokens !== undefined) body[tokenLimit] = params.maxTokens;
  return body;
}

/** The completion, or why the body is unusable. Servers vary: check the shape, trust nothing. */
function toCompletion(response: unknown, note: UsageNote): Completion | string {
  if (typeof response !== 'object' || response === null) return 'response is not a JSON object';
  const r = response as Partial<OpenAI.Chat.ChatCompletion>;
  const choice = Array.isArray(r.choices) ? r.choices[0] : undefined;
  if (!choice || typeof choice.message !== 'object' || choice.message === null)
    return 'response has no choices[0].message';
  const message = choice.message as { content?: unknown; refusal?: unknown };
  const output = typeof message.content === 'string' ? message.content : message.refusal;
  if (typeof output !== 'string') return 'response message has no text content';
  const usage = r.usage;
  // JSON can carry lone UTF-16 surrogates (`"\ud800"`), which no UTF-8 holds: hashing would
  // see U+FFFD and storing the escape, so a reader of the history could not check the hash.
  return {
    output: output.toWellFormed(),
    servedModel: typeof r.model === 'string' ? r.model.toWellFormed() : null,
    systemFingerprint: typeof r.system_fingerprint === 'string' ? r.system_fingerprint.toWellFormed() : null,
    tokensIn: usageCount(usage, 'prompt_tokens', note),
    tokensOut: usageCount(usage, 'completion_tokens', note),
    truncated: choice.finish_reason === 'length',
  };
}
