import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/config/types.js';
import { createEmbeddingProvider } from '../../src/providers/embeddings.js';
import {
  replayEmbedding,
  replayEmbeddingTokens,
  startReplayServer,
  type ReplayServer,
} from '../../tools/replay/index.js';
import { EMBEDDING_BATCH, ModelEmbeddings } from '../../src/run/embeddings.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function embeddingsOnReplay(retries = 0): Promise<ModelEmbeddings> {
  server = await startReplayServer({ recordings: [] });
  const model: ModelSpec = {
    id: 'm',
    model: 'chat',
    baseUrl: server.baseUrl,
    apiKeyEnv: 'KEY',
    params: {},
    system: null,
    headers: {},
  };
  return new ModelEmbeddings(createEmbeddingProvider(model, { timeoutSeconds: 10, retries, env: { KEY: 'k' } }));
}

describe("a run's embeddings", () => {
  it('embed each text once per embedding model, and what is asked in the same turn in one request', async () => {
    const embeddings = await embeddingsOnReplay();
    const [a, b] = await Promise.all([
      embeddings.fetch('emb', ['one', 'two', 'one']),
      embeddings.fetch('emb', ['two', 'three', '']),
    ]);
    expect([a, b]).toEqual([null, null]);
    expect(server!.embeddingRequests().map((r) => r.input)).toEqual([['one', 'two', 'three']]);
    // Held now: asking again sends nothing; another embedding model is asked apart.
    await embeddings.fetch('emb', ['three', 'one']);
    await embeddings.fetch('other', ['one']);
    expect(server!.embeddingRequests().map((r) => [r.model, r.input])).toEqual([
      ['emb', ['one', 'two', 'three']],
      ['other', ['one']],
    ]);
    expect(Array.from(embeddings.lookup('emb')('two')!)).toEqual(Array.from(replayEmbedding('two')));
    expect(embeddings.lookup('emb')('four')).toBeUndefined();
    expect(embeddings.lookup('third')('one')).toBeUndefined();
    // Tokens as the server reported them, summed over the requests.
    const sent = ['one', 'two', 'three', 'one'];
    expect(embeddings.tokens).toBe(sent.reduce((n, t) => n + replayEmbeddingTokens(t), 0));
  });

  it(`split more than ${EMBEDDING_BATCH} texts into batches`, async () => {
    const embeddings = await embeddingsOnReplay();
    const texts = Array.from({ length: EMBEDDING_BATCH * 2 + 1 }, (_, i) => `text ${i}`);
    expect(await embeddings.fetch('emb', texts)).toBeNull();
    expect(server!.embeddingRequests().map((r) => r.input.length)).toEqual([EMBEDDING_BATCH, EMBEDDING_BATCH, 1]);
    expect(texts.every((t) => embeddings.lookup('emb')(t) !== undefined)).toBe(true);
  });

  it('give the error after the retries, hold nothing for it, and ask again next time', async () => {
    const embeddings = await embeddingsOnReplay(0);
    server!.failEmbeddings(1);
    expect(await embeddings.fetch('emb', ['one'])).toMatchObject({ category: 'server', status: 500 });
    expect(embeddings.lookup('emb')('one')).toBeUndefined();
    expect(await embeddings.fetch('emb', ['one'])).toBeNull();
    expect(server!.embeddingRequests().map((r) => r.status)).toEqual([500, 200]);
  });
});
