import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { cosine } from '../../src/checks/index.js';
import {
  EMBEDDING_DIMENSIONS,
  replayEmbedding,
  replayEmbeddingTokens,
  startReplayServer,
  type ReplayServer,
} from '../../tools/replay/index.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the replay server’s embeddings', () => {
  it('are deterministic unit vectors, near for texts in other words, far for unrelated ones', () => {
    const paris = replayEmbedding('Paris is the capital of France.');
    expect(paris).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(cosine(paris, paris)).toBeCloseTo(1, 6);
    expect(Math.hypot(...paris)).toBeCloseTo(1, 6);
    expect(replayEmbedding('Paris is the capital of France.')).toEqual(paris);
    // Case and spacing do not change what a text says.
    expect(cosine(paris, replayEmbedding('PARIS is  the capital of France.'))).toBeCloseTo(1, 6);
    const reworded = cosine(paris, replayEmbedding('The capital of France is Paris.'));
    const unrelated = cosine(paris, replayEmbedding('I cannot help with that request.'));
    expect(reworded).toBeGreaterThan(0.75);
    expect(Math.abs(unrelated)).toBeLessThan(0.2);
  });

  it('answer the SDK on /v1/embeddings, in float and in its default base64, with usage', async () => {
    server = await startReplayServer({ recordings: [] });
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'k', maxRetries: 0 });
    const input = ['Paris is the capital of France.', 'A banana.'];
    const floats = await client.embeddings.create({ model: 'emb', input, encoding_format: 'float' });
    expect(floats.data.map((d) => d.index)).toEqual([0, 1]);
    expect(floats.data[0]!.embedding).toEqual(Array.from(replayEmbedding(input[0]!)));
    expect(floats.usage.prompt_tokens).toBe(replayEmbeddingTokens(input[0]!) + replayEmbeddingTokens(input[1]!));
    const base64 = await client.embeddings.create({ model: 'emb', input });
    expect(Array.from(base64.data[1]!.embedding)).toEqual(Array.from(replayEmbedding(input[1]!)));
    expect(server.embeddingRequests().map((r) => [r.model, r.input, r.status])).toEqual([
      ['emb', input, 200],
      ['emb', input, 200],
    ]);
    // Chat statistics stay about chat.
    expect(server.stats().requests).toBe(0);
  });

  it('refuse what OpenAI refuses: empty input, a missing api-version on Azure, a wrong key', async () => {
    server = await startReplayServer({ recordings: [], apiKey: 'secret' });
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'secret', maxRetries: 0 });
    await expect(client.embeddings.create({ model: 'emb', input: [''] })).rejects.toMatchObject({ status: 400 });
    const wrong = new OpenAI({ baseURL: server.baseUrl, apiKey: 'nope', maxRetries: 0 });
    await expect(wrong.embeddings.create({ model: 'emb', input: 'x' })).rejects.toMatchObject({ status: 401 });
    const origin = server.baseUrl.replace(/\/v1$/, '');
    const response = await fetch(`${origin}/openai/deployments/emb/embeddings`, {
      method: 'POST',
      headers: { 'api-key': 'secret', 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('api-version');
  });
});
