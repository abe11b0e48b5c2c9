import type OpenAI from 'openai';
import type { ModelSpec } from '../config/types.js';
import type { EmbeddingProvider, EmbeddingResult } from '../run/types.js';
import { categorize } from './errors.js';
import { usageCount, usageNotes, type UsageNote } from './usage.js';
import { connectionOf, createClient, newTrace, traces, tracingFetch, type ProviderOptions } from './openai.js';

/**
 * Embeddings bodies are numbers, not model text: a batch of long vectors runs to megabytes, so
 * the cap is this, not `max-output-kb` (which bounds what a model may write into the history).
 */
const MAX_EMBEDDING_BYTES = 64 * 1024 * 1024;

/**
 * The model's endpoint asked for embeddings through the SDK's `embeddings.create`, with the
 * chat calls' retries, timeouts and error categories. On Azure's classic deployments the
 * embedding model names the deployment (`/openai/deployments/{embedding}/embeddings`).
 */
export function createEmbeddingProvider(model: ModelSpec, options: ProviderOptions): EmbeddingProvider {
  const { apiKey, timeoutMs, secrets } = connectionOf(model, options);
  const clients = new Map<string, OpenAI>();
  const notes = new Map<string, UsageNote>();
  const noteFor = (embedding: string): UsageNote => {
    let note = notes.get(embedding);
    if (!note) {
      const what = ` for embeddings (${embedding})`;
      note = usageNotes(model.id, secrets, options.warn, what, "left out of the run's embedding tokens");
      notes.set(embedding, note);
    }
    return note;
  };
  const clientFor = (embedding: string): OpenAI => {
    const key = model.azure ? embedding : '';
    let client = clients.get(key);
    if (!client) {
      const settings = { maxRetries: options.retries, timeout: timeoutMs, defaultHeaders: model.headers };
      client = createClient(model, apiKey, { ...settings, fetch: tracingFetch }, model.azure ? embedding : undefined);
      clients.set(key, client);
    }
    return client;
  };

  return {
    embed(embedding, texts) {
      const trace = newTrace(timeoutMs, MAX_EMBEDDING_BYTES);
      return traces.run(trace, async (): Promise<EmbeddingResult> => {
        const attempts = (): number => Math.max(1, trace.attempts);
        try {
          // Floats, not the SDK's default base64: every OpenAI-compatible server speaks floats.
          const response = await clientFor(embedding).embeddings.create({
            model: embedding,
            input: [...texts],
            encoding_format: 'float',
          });
          const vectors = toVectors(response, texts.length);
          if (typeof vectors === 'string') {
            return {
              ok: false,
              error: { category: 'bad-response', status: 200, message: vectors },
              attempts: attempts(),
            };
          }
          const tokens = usageCount(response.usage, 'prompt_tokens', noteFor(embedding)) ?? 0;
          return { ok: true, vectors, tokens, attempts: attempts() };
        } catch (error) {
          return { ok: false, error: categorize(error, secrets), attempts: attempts() };
        }
      });
    },
  };
}

/** One vector per text, in input order, all of one length; or why the body is unusable. */
function toVectors(response: unknown, count: number): Float32Array[] | string {
  const data = (response as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length !== count) return `embeddings response has not ${count} vectors in data`;
  const out = new Array<Float32Array>(count);
  for (const [position, item] of data.entries()) {
    const { index, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    const at = typeof index === 'number' ? index : position;
    if (!Number.isInteger(at) || at < 0 || at >= count || out[at]) return 'embeddings response has a bad index';
    if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((x) => Number.isFinite(x)))
      return 'embeddings response has a vector that is not a list of numbers';
    out[at] = Float32Array.from(embedding as number[]);
  }
  if (out.some((v) => v.length !== out[0]!.length)) return 'embeddings response has vectors of different lengths';
  return out;
}
