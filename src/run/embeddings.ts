import type { Vectors } from '../checks/index.js';
import type { Comparison, ModelSpec, PromptSpec } from '../config/types.js';
import { sha256 } from '../util/hash.js';
import type { EmbeddingProvider, ProviderError } from './types.js';

/**
 * Texts in one embeddings request at most. OpenAI takes up to 2048 inputs a request; smaller
 * batches keep one request's body and time modest on any server.
 */
export const EMBEDDING_BATCH = 128;

/**
 * One model's embeddings for one run: every text asked once per embedding model (cached by its
 * SHA-256, requests in flight shared), in batches: texts asked for in the same turn of the event
 * loop (samples settling together) go in one request, up to EMBEDDING_BATCH. The tokens the
 * server reported are summed. Vectors are read synchronously afterwards, so checks and
 * comparisons stay pure.
 */
export class ModelEmbeddings {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly pending = new Map<string, Promise<ProviderError | null>>();
  /** Per embedding model: the texts of the request about to go, and its outcome. */
  private readonly queues = new Map<string, { entries: Map<string, string>; sent: Promise<ProviderError | null> }>();
  /** Embedding tokens the server reported over the run. */
  tokens = 0;

  constructor(private readonly provider: EmbeddingProvider) {}

  /** Fetches what is not yet held of `texts`; the first error after retries, or null. Empty texts need no vector. */
  async fetch(model: string, texts: readonly string[]): Promise<ProviderError | null> {
    const waits = new Set<Promise<ProviderError | null>>();
    for (const text of texts) {
      const key = keyOf(model, text);
      if (text === '' || this.vectors.has(key)) continue;
      waits.add(this.pending.get(key) ?? this.enqueue(model, key, text));
    }
    const errors = await Promise.all(waits);
    return errors.find((e) => e !== null) ?? null;
  }

  /** The vectors held for one embedding model, by text. */
  lookup(model: string): Vectors {
    return (text) => this.vectors.get(keyOf(model, text));
  }

  /** Adds a text to the model's next request, sent once the current turn of the event loop is over. */
  private enqueue(model: string, key: string, text: string): Promise<ProviderError | null> {
    let queue = this.queues.get(model);
    if (!queue) {
      const entries = new Map<string, string>();
      const sent = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.queues.delete(model);
        return this.send(model, [...entries]);
      });
      queue = { entries, sent };
      this.queues.set(model, queue);
    }
    queue.entries.set(key, text);
    this.pending.set(key, queue.sent);
    return queue.sent;
  }

  private async send(model: string, entries: Array<[string, string]>): Promise<ProviderError | null> {
    const batches: Array<Promise<ProviderError | null>> = [];
    for (let i = 0; i < entries.length; i += EMBEDDING_BATCH) {
      const batch = entries.slice(i, i + EMBEDDING_BATCH);
      batches.push(this.request(model, batch));
    }
    const errors = await Promise.all(batches);
    return errors.find((e) => e !== null) ?? null;
  }

  private async request(model: string, batch: Array<[string, string]>): Promise<ProviderError | null> {
    try {
      const result = await this.provider.embed(
        model,
        batch.map(([, text]) => text),
      );
      if (!result.ok) return result.error;
      this.tokens += result.tokens;
      batch.forEach(([key], i) => this.vectors.set(key, result.vectors[i]!));
      return null;
    } finally {
      for (const [key] of batch) this.pending.delete(key);
    }
  }
}

function keyOf(model: string, text: string): string {
  return `${model}\0${sha256(text)}`;
}

/** The embedding model a prompt's `similar` checks use on `model`, or null when it has none. */
export function similarModel(model: ModelSpec, prompt: PromptSpec): string | null {
  return prompt.expect.some((e) => e.kind === 'similar') ? (model.embedding ?? null) : null;
}

/** The embedding model `compare` asks on `model`, or null when it compares without embeddings. */
export function compareModel(model: ModelSpec, compare: Comparison): string | null {
  return compare.kind === 'embedding' ? (compare.model ?? model.embedding ?? null) : null;
}

/** The vectors of `embedding` held by `embeddings`; none when either is missing. */
export function vectorsOf(embeddings: ModelEmbeddings | undefined, embedding: string | null): Vectors | undefined {
  return embeddings && embedding !== null ? embeddings.lookup(embedding) : undefined;
}
