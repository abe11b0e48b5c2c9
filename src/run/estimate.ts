import { similarTargets } from '../checks/index.js';
import type { ModelSpec } from '../config/types.js';
import { compareModel, similarModel } from './embeddings.js';
import { messagesFor, type Plan } from './plan.js';

/**
 * What a run will ask, before it asks: requests and input tokens per model, and their cost when
 * the model has a price. Tokens are estimated without the model's tokenizer (trackrecord talks to
 * any server and ships none): about 4 characters a token for English text, plus 4 tokens of
 * framing per message, OpenAI's published rule of thumb. Output tokens cannot be known before
 * the run; `max-tokens` bounds them when it is set.
 */
export interface PlanEstimate {
  suites: Array<{ name: string; prompts: number }>;
  samples: number;
  models: ModelEstimate[];
  requests: number;
  inputTokens: number;
}

export interface ModelEstimate {
  id: string;
  model: string;
  prompts: number;
  requests: number;
  inputTokens: number;
  /** Output tokens at most, when `max-tokens` bounds every answer; null otherwise. */
  maxOutputTokens: number | null;
  /** USD for the input tokens, at the model's `price`; null without one. */
  inputCost: number | null;
  /** USD at most for input and output, when both the price and `max-tokens` are known. */
  maxCost: number | null;
  /**
   * Texts this run's answers and `similar` targets send to the embedding model at most (each
   * distinct text once); earlier answers that `compare: embedding` reads from history come on top.
   */
  embeddingTexts: number;
}

const CHARS_PER_TOKEN = 4;
const TOKENS_PER_MESSAGE = 4;

/** Estimated input tokens of one request. */
export function estimateTokens(messages: ReadonlyArray<{ content: string }>): number {
  return messages.reduce((n, m) => n + Math.ceil(m.content.length / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE, 0);
}

/** USD for token counts at a price per million tokens; embedding tokens at the embedding price, else the input price. */
export function tokenCost(
  tokens: { in: number; out: number; embedding?: number },
  price: NonNullable<ModelSpec['price']>,
): number {
  const embedding = (tokens.embedding ?? 0) * (price.embedding ?? price.input);
  return (tokens.in * price.input + tokens.out * price.output + embedding) / 1_000_000;
}

export function estimatePlan(plan: Plan): PlanEstimate {
  const suites: PlanEstimate['suites'] = [];
  for (const { suite } of plan.prompts) {
    const last = suites.at(-1);
    if (last?.name === suite) last.prompts += 1;
    else suites.push({ name: suite, prompts: 1 });
  }
  const models = plan.models.map((model): ModelEstimate => {
    const perSample = plan.prompts.reduce((n, p) => n + estimateTokens(messagesFor(model, p.prompt)), 0);
    const requests = plan.prompts.length * plan.samples;
    const inputTokens = perSample * plan.samples;
    const maxTokens = model.params.maxTokens;
    const maxOutputTokens = maxTokens === undefined ? null : maxTokens * requests;
    const price = model.price;
    const embeddingTexts = plan.prompts.reduce((n, { prompt }) => {
      const similar = similarModel(model, prompt);
      // The answers are embedded once per embedding model that reads them.
      const readers = new Set([similar, compareModel(model, prompt.compare)].filter((m) => m !== null));
      return n + (similar === null ? 0 : similarTargets(prompt).length) + readers.size * plan.samples;
    }, 0);
    return {
      id: model.id,
      model: model.model,
      prompts: plan.prompts.length,
      requests,
      inputTokens,
      maxOutputTokens,
      inputCost: price ? tokenCost({ in: inputTokens, out: 0 }, price) : null,
      maxCost: price && maxOutputTokens !== null ? tokenCost({ in: inputTokens, out: maxOutputTokens }, price) : null,
      embeddingTexts,
    };
  });
  return {
    suites,
    samples: plan.samples,
    models,
    requests: models.reduce((n, m) => n + m.requests, 0),
    inputTokens: models.reduce((n, m) => n + m.inputTokens, 0),
  };
}
