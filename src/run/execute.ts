import pLimit, { type LimitFunction } from 'p-limit';
import { answerOf, judge, similarTargets, type Vectors } from '../checks/index.js';
import type { ModelSpec, PromptSpec } from '../config/types.js';
import { AimdLimit, FifoLock, type LimitChange } from './adaptive.js';
import { compareModel, similarModel, type ModelEmbeddings } from './embeddings.js';
import { messagesFor, type Plan } from './plan.js';
import type { CallObserver, CallResult, ChatProvider, ChatRequest, Observation, Sample } from './types.js';

export interface ExecuteOptions {
  /** Requests in flight across the whole run (and the most for any one model when `adaptive` lowers it). */
  concurrency: number;
  /**
   * Adapt each model's concurrency to its 429s: lower it when the provider rate-limits, raise
   * it back when requests go through again (AIMD, see adaptive.ts), and let a rate-limited
   * model's retries through one at a time. Default true; false keeps one fixed limit.
   */
  adaptive?: boolean;
  /** Called after each request settles, with how many have. */
  onSettled?: (done: number, total: number, result: CallResult) => void;
  /** Called each time a model's adaptive limit changes. */
  onConcurrency?: (change: ConcurrencyChange) => void;
  /** Each model's embeddings, by model id, for prompts with `similar` checks or `compare: embedding`. */
  embeddings?: ReadonlyMap<string, ModelEmbeddings>;
}

export interface ConcurrencyChange extends LimitChange {
  modelId: string;
}

/** Whether a settled call met a 429 on any attempt. */
export function metRateLimit(result: CallResult): boolean {
  return (result.rateLimited ?? 0) > 0 || (!result.ok && result.error.category === 'rate-limited');
}

/**
 * Sends every (model, prompt, sample) request under one concurrency limit and returns the
 * observations in plan order (model, then prompt), whatever order requests finish in.
 *
 * Rate limits, when `adaptive` (the default): each model gets its own AIMD limit under the
 * run's, so one provider's 429s do not slow the others. A request the SDK retries after a 429
 * keeps its slot while it sleeps for the retry-after: that sleep paces it to the provider's
 * rate, and freeing the slot would only let another request in to meet a 429 too. But a
 * retry-after sends every waiting request back at the same instant while the provider lets
 * one through, so waiters that lost the race would spend their retries one 429 at a time. So
 * a model's rate-limited requests retry one at a time, in line (waiting in line spends no
 * attempt): the one at the front holds its place through any further 429s and hands it on once
 * the provider has taken its retry, that is once the retry is answered, or has been out longer
 * than twice the slowest 429 this model has sent (a 429 comes back at once; an answer takes
 * the model's time, which the line must not wait out). The AIMD limit meanwhile keeps new
 * requests from piling up behind them.
 */
export async function executePlan(
  plan: Plan,
  providers: ReadonlyMap<string, ChatProvider>,
  options: ExecuteOptions,
): Promise<Observation[]> {
  const limit = pLimit(options.concurrency);
  const gates = new Map<string, ModelGate>();
  const { models, prompts, samples } = plan;
  const total = models.length * prompts.length * samples;
  const results: CallResult[][][] = models.map(() => prompts.map(() => new Array<CallResult>(samples)));
  let done = 0;

  const gateOf = (modelId: string): ModelGate => {
    let gate = gates.get(modelId);
    if (!gate) {
      const aimd = new AimdLimit({ max: options.concurrency });
      const modelLimit = pLimit(aimd.limit);
      const apply = (change: LimitChange | null): void => {
        if (!change) return;
        modelLimit.concurrency = change.limit;
        options.onConcurrency?.({ modelId, ...change });
      };
      gate = { limit: modelLimit, aimd, retryLane: new FifoLock(), apply, active: 0, limited: 0, slowest429Ms: 0 };
      gates.set(modelId, gate);
    }
    return gate;
  };

  // Every model needs its provider before the first request goes out.
  const modelProviders = models.map((model) => {
    const provider = providers.get(model.id);
    if (!provider) throw new Error(`no provider for model "${model.id}"`);
    return provider;
  });

  // Prompt-major dispatch spreads load across providers instead of draining one at a time.
  const calls: Promise<void>[] = [];
  prompts.forEach(({ prompt }, p) => {
    for (let s = 0; s < samples; s++) {
      models.forEach((model, m) => {
        const provider = modelProviders[m]!;
        const request = { model: model.model, messages: messagesFor(model, prompt), params: model.params };
        const embeddings = options.embeddings?.get(model.id);
        const settle = async (called: CallResult): Promise<void> => {
          // The vectors its checks and comparisons read, fetched while the request holds its slot.
          const result = embeddings ? await withEmbeddings(called, model, prompt, embeddings) : called;
          results[m]![p]![s] = result;
          done += 1;
          options.onSettled?.(done, total, result);
        };
        if (options.adaptive === false) {
          calls.push(limit(async () => settle(await provider.complete(request))));
        } else {
          // The model's slot first, then the run's: a request waiting on its model holds no run slot.
          const gate = gateOf(model.id);
          calls.push(gate.limit(() => limit(async () => settle(await completeAdaptive(provider, request, gate)))));
        }
      });
    }
  });
  await Promise.all(calls);

  return models.flatMap((model, m) =>
    prompts.map(({ suite, prompt }, p) => ({
      modelId: model.id,
      suite,
      promptId: prompt.id,
      promptHash: plan.hashes[m]![p]!,
      checksHash: plan.checksHashes[p]!,
      samples: results[m]![p]!.map((r) => {
        const embedding = similarModel(model, prompt);
        return toSample(
          r,
          prompt,
          embedding === null ? undefined : options.embeddings?.get(model.id)?.lookup(embedding),
        );
      }),
    })),
  );
}

/** One model's share of an adaptive run. */
interface ModelGate {
  limit: LimitFunction;
  aimd: AimdLimit;
  /** Held by the one rate-limited request of this model allowed to retry. */
  retryLane: FifoLock;
  apply: (change: LimitChange | null) => void;
  /** Requests in flight, and those of them that have met a 429. */
  active: number;
  limited: number;
  /** The longest a 429 of this model took to come back. */
  slowest429Ms: number;
}

/** A retry out this long without a 429 has been taken by the provider: twice the slowest 429, and some slack. */
export function acceptedAfterMs(slowest429Ms: number): number {
  return 2 * slowest429Ms + 20;
}

/** One request under its model's adaptive limit: reports its 429s, queues its rate-limited retries. */
async function completeAdaptive(provider: ChatProvider, request: ChatRequest, gate: ModelGate): Promise<CallResult> {
  const { aimd, retryLane, apply } = gate;
  const epoch = aimd.epoch;
  let limited = false;
  let inLane = false;
  let handOver: NodeJS.Timeout | undefined;
  const leaveLane = (): void => {
    clearTimeout(handOver);
    if (!inLane) return;
    inLane = false;
    retryLane.release();
  };
  const markLimited = (): void => {
    if (limited) return;
    limited = true;
    gate.limited += 1;
  };
  // What the provider is serving besides the requests it is rate-limiting: the floor of a decrease.
  const serving = (): number => gate.active - gate.limited;
  const observer: CallObserver = {
    onRateLimited: ({ roundTripMs }) => {
      clearTimeout(handOver); // not taken: keep the front of the line through the retry-after
      gate.slowest429Ms = Math.max(gate.slowest429Ms, roundTripMs);
      markLimited();
      apply(aimd.rateLimited(epoch, serving())); // at once: new requests stop coming while this one waits
    },
    beforeRetry: async () => {
      if (!limited) return;
      if (!inLane) {
        await retryLane.acquire();
        inLane = true;
      }
      clearTimeout(handOver);
      handOver = setTimeout(leaveLane, acceptedAfterMs(gate.slowest429Ms));
    },
  };
  gate.active += 1;
  try {
    const result = await provider.complete(request, observer);
    if (metRateLimit(result)) {
      // A provider that reports only when done: what the others in flight met is unknown, so no floor.
      if (!limited) apply(aimd.rateLimited(epoch));
    } else if (result.ok) {
      apply(aimd.succeeded(epoch));
    }
    return result;
  } finally {
    gate.active -= 1;
    if (limited) gate.limited -= 1;
    leaveLane();
  }
}

/**
 * Fetches the embeddings an answered call needs: its answer's, and each `similar` check's
 * reference text. A call whose embeddings fail after retries is an error of their category
 * (availability, not the model's behavior).
 */
async function withEmbeddings(
  result: CallResult,
  model: ModelSpec,
  prompt: PromptSpec,
  embeddings: ModelEmbeddings,
): Promise<CallResult> {
  if (!result.ok) return result;
  let answer: string | null;
  try {
    answer = answerOf(result.completion.output, prompt);
  } catch {
    return result; // checks fail this output on their own (see judge)
  }
  const wanted = new Map<string, string[]>();
  const similar = similarModel(model, prompt);
  if (similar !== null) wanted.set(similar, [...(answer === null ? [] : [answer]), ...similarTargets(prompt)]);
  const compare = compareModel(model, prompt.compare);
  if (compare !== null && answer !== null) wanted.set(compare, [...(wanted.get(compare) ?? []), answer]);
  for (const [embedding, texts] of wanted) {
    const error = await embeddings.fetch(embedding, texts);
    if (error) {
      return {
        ok: false,
        error: { ...error, message: `embeddings (${embedding}): ${error.message}` },
        latencyMs: result.latencyMs,
        attempts: result.attempts,
      };
    }
  }
  return result;
}

/** Reads the answer out of a call's output and runs the prompt's checks on it (`vectors`: for `similar` checks). */
export function toSample(result: CallResult, prompt: PromptSpec, vectors?: Vectors): Sample {
  const base = { latencyMs: Math.round(result.latencyMs), attempts: result.attempts };
  if (!result.ok) {
    return {
      ...base,
      output: null,
      answer: null,
      pass: null,
      failures: [],
      error: result.error,
      servedModel: null,
      systemFingerprint: null,
      tokensIn: null,
      tokensOut: null,
    };
  }
  const { completion } = result;
  const truncated = completion.truncated === true;
  const { answer, pass, failures } = judge(completion.output, prompt, vectors, truncated);
  return {
    ...base,
    output: completion.output,
    answer,
    pass,
    failures,
    error: null,
    servedModel: completion.servedModel,
    systemFingerprint: completion.systemFingerprint,
    tokensIn: completion.tokensIn,
    tokensOut: completion.tokensOut,
    ...(truncated ? { truncated } : {}),
  };
}
