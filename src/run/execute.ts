import pLimit from 'p-limit';
import { answerOf, evaluate } from '../checks/index.js';
import type { PromptSpec } from '../config/types.js';
import { messagesFor, type Plan } from './plan.js';
import type { CallResult, ChatProvider, Observation, Sample } from './types.js';

export interface ExecuteOptions {
  /** Requests in flight across the whole run. */
  concurrency: number;
  /** Called after each request settles, with how many have. */
  onSettled?: (done: number, total: number, result: CallResult) => void;
}

/**
 * Sends every (model, prompt, sample) request under one concurrency limit and returns the
 * observations in plan order (model, then prompt), whatever order requests finish in.
 */
export async function executePlan(
  plan: Plan,
  providers: ReadonlyMap<string, ChatProvider>,
  options: ExecuteOptions,
): Promise<Observation[]> {
  const limit = pLimit(options.concurrency);
  const { models, prompts, samples } = plan;
  const total = models.length * prompts.length * samples;
  const results: CallResult[][][] = models.map(() => prompts.map(() => new Array<CallResult>(samples)));
  let done = 0;

  // Prompt-major dispatch spreads load across providers instead of draining one at a time.
  const calls: Promise<void>[] = [];
  prompts.forEach(({ prompt }, p) => {
    for (let s = 0; s < samples; s++) {
      models.forEach((model, m) => {
        const provider = providers.get(model.id);
        if (!provider) throw new Error(`no provider for model "${model.id}"`);
        const request = { model: model.model, messages: messagesFor(model, prompt), params: model.params };
        calls.push(
          limit(async () => {
            const result = await provider.complete(request);
            results[m]![p]![s] = result;
            done += 1;
            options.onSettled?.(done, total, result);
          }),
        );
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
      samples: results[m]![p]!.map((r) => toSample(r, prompt)),
    })),
  );
}

/** Reads the answer out of a call's output and runs the prompt's checks on it. */
export function toSample(result: CallResult, prompt: PromptSpec): Sample {
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
  const answer = answerOf(completion.output, prompt);
  const { pass, failures } = evaluate(answer, prompt);
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
  };
}
