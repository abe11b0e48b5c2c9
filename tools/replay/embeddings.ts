/**
 * The replay server's `/embeddings`: deterministic vectors that mean something. A text's vector
 * is its bag of character trigrams (lowercased, whitespace collapsed), hashed into DIMENSIONS
 * signed buckets (feature hashing) and scaled to length 1. Texts sharing most trigrams get a
 * cosine near 1, unrelated texts near 0, and a text always gets the same vector.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, jsonObject, readBody, sendJson } from './http.js';
import { fnv1a } from '../../src/util/hash.js';
import { errorBody } from './responses.js';

export const EMBEDDING_DIMENSIONS = 512;

/** One embeddings request as the server saw it. */
export interface EmbeddingRequestRecord {
  /** The model as requested; on Azure's deployment URLs, the deployment. '' when there was none. */
  model: string;
  /** The texts asked for, in order; empty when the body was unusable. */
  input: string[];
  status: number;
  /** From `x-stainless-retry-count`; 0 when absent. */
  attempt: number;
  url: string;
}

export interface EmbeddingEndpoint {
  /** Answers one request; `deployment`: Azure's deployment URL named it, and it stands for the model. */
  handle(req: IncomingMessage, res: ServerResponse, deployment?: string): Promise<void>;
  requests(): EmbeddingRequestRecord[];
  /** The next `count` embeddings requests get a 500, as a flaky provider would (for retry tests). */
  failNext(count: number): void;
  /** Every response's `usage` gets these values, as a server with a bug reports them; undefined: counted again. */
  setUsage(numbers: Record<string, unknown> | undefined): void;
}

/** The vector the replay server gives `text`. */
export function replayEmbedding(text: string): Float32Array {
  const v = new Float32Array(EMBEDDING_DIMENSIONS);
  const padded = ` ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const chars = [...padded];
  for (let i = 0; i + 3 <= chars.length; i++) {
    const h = fnv1a(chars.slice(i, i + 3).join(''));
    v[h % EMBEDDING_DIMENSIONS]! += h & 0x80000000 ? -1 : 1;
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= Math.sqrt(norm);
  return v;
}

/** What the server says a text costs: about 4 characters a token, at least 1. */
export function replayEmbeddingTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function createEmbeddingEndpoint(options: { apiKey?: string }): EmbeddingEndpoint {
  const log: EmbeddingRequestRecord[] = [];
  let failures = 0;
  let usageOverride: Record<string, unknown> | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse, deployment?: string): Promise<void> {
    const url = req.url ?? '/';
    const attempt = Number.parseInt(String(req.headers['x-stainless-retry-count'] ?? '0'), 10) || 0;
    const reply = (status: number, body: unknown, model = '', input: string[] = []): void => {
      log.push({ model, input, status: sendJson(res, status, body) ? status : 499, attempt, url });
    };
    const presented = deployment === undefined ? req.headers.authorization : req.headers['api-key'];
    const expected = deployment === undefined ? `Bearer ${options.apiKey}` : options.apiKey;
    if (options.apiKey !== undefined && presented !== expected) {
      return reply(401, errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLargeError) reply(413, errorBody(err.message, 'invalid_request_error'));
      return;
    }
    const body = parseBody(raw);
    if (typeof body === 'string') return reply(400, errorBody(body, 'invalid_request_error'));
    const model = deployment ?? body.model;
    if (failures > 0) {
      failures -= 1;
      const message = 'The server had an error while processing your request (replayed fault).';
      return reply(500, errorBody(message, 'server_error'), model, body.input);
    }
    const data = body.input.map((text, index) => {
      const vector = replayEmbedding(text);
      const embedding = body.base64 ? Buffer.from(vector.buffer).toString('base64') : Array.from(vector);
      return { object: 'embedding', index, embedding };
    });
    const tokens = body.input.reduce((n, text) => n + replayEmbeddingTokens(text), 0);
    const usage = { prompt_tokens: tokens, total_tokens: tokens, ...usageOverride };
    reply(200, { object: 'list', data, model, usage }, model, body.input);
  }

  return {
    handle,
    requests: () => log.map((r) => ({ ...r, input: [...r.input] })),
    failNext(count) {
      failures = count;
    },
    setUsage(numbers) {
      usageOverride = numbers && { ...numbers };
    },
  };
}

/** Model, input (a string or an array of non-empty strings, as OpenAI takes them) and encoding, or why not. */
function parseBody(raw: string): { model: string; input: string[]; base64: boolean } | string {
  const body = jsonObject(raw);
  if (typeof body === 'string') return body;
  const { model, input, encoding_format: encoding } = body;
  if (typeof model !== 'string' || model === '') return "Missing required parameter: 'model'.";
  const texts = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(texts) || texts.length === 0 || !texts.every((t) => typeof t === 'string' && t !== '')) {
    return "'input' must be a non-empty string or a non-empty array of non-empty strings.";
  }
  if (encoding !== undefined && encoding !== 'float' && encoding !== 'base64') {
    return "'encoding_format' must be 'float' or 'base64'.";
  }
  return { model, input: texts as string[], base64: encoding === 'base64' };
}
