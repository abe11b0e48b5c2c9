import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import type { ModelSpec } from '../config/types.js';
import type { CallObserver, CallResult, ChatProvider, ChatRequest, Completion, ProviderError } from '../run/types.js';
import { categorize, redact } from './errors.js';

export interface ProviderOptions {
  timeoutSeconds: number;
  retries: number;
  /** Where API keys are read from (process.env in production). */
  env: NodeJS.ProcessEnv;
}

/** Per-call bookkeeping the SDK's own retry loop cannot tell us. */
interface CallTrace {
  attempts: number;
  lastAttemptStart: number;
  /** Attempts answered 429, retried or not. */
  rateLimited: number;
  observer: CallObserver | undefined;
}

const traces = new AsyncLocalStorage<CallTrace>();

/**
 * Counts attempts, times the last one and notes each 429. The SDK retries inside one `create`
 * call, so this is the only place that sees each attempt; a 429 is reported to the observer as
 * soon as it arrives, before the SDK sleeps for its retry-after.
 */
const tracingFetch: typeof fetch = async (input, init) => {
  const trace = traces.getStore();
  if (trace) {
    trace.attempts += 1;
    trace.lastAttemptStart = performance.now();
  }
  const response = await fetch(input, init);
  if (trace && response.status === 429) {
    trace.rateLimited += 1;
    trace.observer?.onRateLimited?.({ roundTripMs: performance.now() - trace.lastAttemptStart });
  }
  return response;
};

/**
 * The SDK's client with one hook: before a retry (after the SDK's back-off sleep, before the
 * attempt's timeout starts) the call's observer may hold it back.
 */
class TracedOpenAI extends OpenAI {
  protected override async prepareOptions(options: Parameters<OpenAI['prepareOptions']>[0]): Promise<void> {
    await super.prepareOptions(options);
    const trace = traces.getStore();
    if (trace && trace.attempts > 0) await trace.observer?.beforeRetry?.();
  }
}

/**
 * A provider for any OpenAI-compatible endpoint. Retries (429, 408, 409, 5xx, timeouts and
 * connection errors) are the SDK's: it honors `retry-after-ms` / `retry-after` and otherwise
 * backs off exponentially with jitter. Whatever survives the retries becomes a categorized
 * error in the result, never an exception.
 */
export function createOpenAIProvider(model: ModelSpec, options: ProviderOptions): ChatProvider {
  const apiKey = options.env[model.apiKeyEnv];
  const client = new TracedOpenAI({
    baseURL: model.baseUrl,
    // Local servers (Ollama, vLLM, llama.cpp) need no key; the SDK insists on a string.
    apiKey: apiKey || 'no-key',
    maxRetries: options.retries,
    timeout: Math.max(1, Math.round(options.timeoutSeconds * 1000)),
    defaultHeaders: model.headers,
    fetch: tracingFetch,
  });
  const secrets = apiKey ? [apiKey] : [];

  return {
    complete(request: ChatRequest, observer?: CallObserver): Promise<CallResult> {
      const trace: CallTrace = { attempts: 0, lastAttemptStart: performance.now(), rateLimited: 0, observer };
      return traces.run(trace, async (): Promise<CallResult> => {
        const started = performance.now();
        try {
          const response = await client.chat.completions.create(toBody(request));
          const latencyMs = performance.now() - trace.lastAttemptStart;
          const completion = toCompletion(response);
          if (typeof completion === 'string') {
            return failure(trace, started, { category: 'bad-response', status: 200, message: completion });
          }
          return { ok: true, completion, latencyMs, attempts: trace.attempts, rateLimited: trace.rateLimited };
        } catch (error) {
          const categorized = categorize(error);
          return failure(trace, started, { ...categorized, message: redact(categorized.message, secrets) });
        }
      });
    },
  };
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

function toBody(request: ChatRequest): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming {
  const { params } = request;
  const body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: request.messages,
  };
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.topP !== undefined) body.top_p = params.topP;
  if (params.seed !== undefined) body.seed = params.seed;
  // `max_tokens` is what every OpenAI-compatible server understands.
  if (params.maxTokens !== undefined) body.max_tokens = params.maxTokens;
  return body;
}

/** The completion, or why the body is unusable. Servers vary: check the shape, trust nothing. */
function toCompletion(response: unknown): Completion | string {
  if (typeof response !== 'object' || response === null) return 'response is not a JSON object';
  const r = response as Partial<OpenAI.Chat.ChatCompletion>;
  const choice = Array.isArray(r.choices) ? r.choices[0] : undefined;
  if (!choice || typeof choice.message !== 'object' || choice.message === null) return 'response has no choices[0].message';
  const message = choice.message as { content?: unknown; refusal?: unknown };
  const output = typeof message.content === 'string' ? message.content : message.refusal;
  if (typeof output !== 'string') return 'response message has no text content';
  const usage = r.usage;
  return {
    output,
    servedModel: typeof r.model === 'string' ? r.model : null,
    systemFingerprint: typeof r.system_fingerprint === 'string' ? r.system_fingerprint : null,
    tokensIn: typeof usage?.prompt_tokens === 'number' ? usage.prompt_tokens : null,
    tokensOut: typeof usage?.completion_tokens === 'number' ? usage.completion_tokens : null,
  };
}
