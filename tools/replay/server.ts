/**
 * An OpenAI-compatible HTTP server that replays recorded outputs, injects faults and can hold
 * clients to a requests-per-minute limit (429 with retry-after, like a provider).
 * Used by tests, benchmarks and the demo, so the engine can be exercised against real
 * model outputs and real SDK retry/timeout behaviour without touching the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createEmbeddingEndpoint, type EmbeddingRequestRecord } from './embeddings.js';
import { pickFault, validateFaultPlan, type FaultPlan } from './faults.js';
import { BodyTooLargeError, jsonObject, readBody, send, sendEndless, sendJson, sendStalled, wait } from './http.js';
import { TokenBucket, validateRateLimit, type RateLimit } from './rate-limit.js';
import { RecordingIndex, type Recording } from './recordings.js';
import { chatCompletion, contentText, errorBody, modelList } from './responses.js';

export interface ReplayServerOptions {
  recordings: Recording[];
  /** Requested model name -> recorded model name; responses carry the recorded name. */
  aliases?: Record<string, string>;
  /** Fixed delay before every chat completion response (default 0). */
  latencyMs?: number;
  /**
   * When set, requests without `Authorization: Bearer <apiKey>` get 401 (on Azure's deployment
   * URLs, without an `api-key: <apiKey>` header, as Azure sends it).
   */
  apiKey?: string;
  faults?: FaultPlan;
  /**
   * A requests-per-minute limit over every chat completion request (one token bucket for the
   * server): beyond it, 429 at once (no latency) with `retry-after` (seconds, fractional) and
   * `retry-after-ms` saying when the next request will be let through.
   */
  rateLimit?: RateLimit;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
}

/** One chat completion request as the server saw it. */
export interface RequestRecord {
  /** The model name as requested (before aliases); '' when the body had none. */
  model: string;
  /** HTTP status sent; 499 when the client went away before the response was sent. */
  status: number;
  /** From `x-stainless-retry-count`; 0 when absent. */
  attempt: number;
  /** When the request arrived: `performance.now()` of the server's process, in ms. */
  arrivedAt: number;
  /** The request's path and query, e.g. `/v1/chat/completions`. */
  url: string;
}

export interface ReplayServer {
  /** e.g. http://127.0.0.1:PORT/v1, what the openai SDK takes as baseURL. */
  baseUrl: string;
  /** Counts over chat completion requests; `retried` counts those with attempt > 0. */
  stats(): { requests: number; byStatus: Record<string, number>; retried: number };
  requests(): RequestRecord[];
  /** The embeddings requests (`/v1/embeddings`, Azure's deployment URL), kept apart from chat requests. */
  embeddingRequests(): EmbeddingRequestRecord[];
  /** The next `count` embeddings requests get a 500. */
  failEmbeddings(count: number): void;
  /** Every embeddings response's `usage` gets these values (undefined: the counted ones again). */
  setEmbeddingUsage(numbers: Record<string, unknown> | undefined): void;
  setFaults(plan: FaultPlan | undefined): void;
  setAliases(aliases: Record<string, string>): void;
  /** Sets, replaces (with a full bucket) or, with undefined, lifts the rate limit. */
  setRateLimit(limit: RateLimit | undefined): void;
  /** Closes even with open keep-alive connections and pending delays. */
  close(): Promise<void>;
}

/** nginx's code for "client closed request": logged, never sent. */
const CLIENT_GONE = 499;

/** What to answer, decided before any delay so the delay is the only thing left. */
type Reply =
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string>; immediate?: boolean }
  | {
      kind: 'completion';
      model: string;
      prompt: string;
      system: string | null;
      promptText: string;
      malformed: boolean;
      endless: boolean;
      truncated: boolean;
      /** Replaces these keys of the response's usage. */
      usage: Record<string, unknown> | null;
      slowMs: number;
      stallMs: number;
    };

interface ParsedRequest {
  model: string;
  prompt: string | null;
  /** The first system message's text; null without one. */
  system: string | null;
  promptText: string;
}

function attemptOf(req: IncomingMessage): number {
  const n = Number.parseInt(String(req.headers['x-stainless-retry-count'] ?? ''), 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Pulls model and the last user message out of a request body; a string is an error message. */
function parseChatBody(raw: string): ParsedRequest | string {
  const body = jsonObject(raw);
  if (typeof body === 'string') return body;
  const { model, messages, stream } = body;
  if (typeof model !== 'string' || model === '') return "Missing required parameter: 'model'.";
  if (!Array.isArray(messages)) return "Missing required parameter: 'messages'.";
  if (stream === true) return 'The replay server does not support stream: true.';
  const texts = messages.map((m) => contentText((m as { content?: unknown } | null)?.content) ?? '');
  let prompt: string | null = null;
  let system: string | null = null;
  messages.forEach((m, i) => {
    const role = (m as { role?: unknown } | null)?.role;
    if (role === 'user') prompt = texts[i] ?? '';
    if (role === 'system' && system === null) system = texts[i] ?? '';
  });
  return { model, prompt, system, promptText: texts.join('\n') };
}

export async function startReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  validateFaultPlan(options.faults);
  validateRateLimit(options.rateLimit);
  const index = new RecordingIndex(options.recordings);
  let faults = options.faults;
  let aliases: Record<string, string> = { ...options.aliases };
  let bucket = options.rateLimit ? new TokenBucket(options.rateLimit) : null;
  const latencyMs = options.latencyMs ?? 0;
  const log: RequestRecord[] = [];
  // One controller per in-flight chat request: aborting it ends that request's waits.
  const inFlight = new Set<AbortController>();
  let completions = 0;
  let closing: Promise<void> | null = null;
  const embeddings = createEmbeddingEndpoint({ apiKey: options.apiKey });

  const resolveModel = (requested: string): string =>
    Object.prototype.hasOwnProperty.call(aliases, requested) ? (aliases[requested] ?? requested) : requested;

  function decide(req: IncomingMessage, parsed: ParsedRequest | string, attempt: number, azure: boolean): Reply {
    const presented = azure ? req.headers['api-key'] : req.headers.authorization;
    if (options.apiKey !== undefined && presented !== (azure ? options.apiKey : `Bearer ${options.apiKey}`)) {
      const body = errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
      return { kind: 'error', status: 401, body };
    }
    // Like a provider's gateway: every authenticated request counts, refused ones are answered at once.
    const waitMs = bucket?.take() ?? 0;
    if (bucket && waitMs > 0) {
      const { perMinute } = bucket.limit;
      const message = `Rate limit reached for requests: limit ${perMinute} per minute. Please try again in ${waitMs}ms.`;
      const headers = {
        'retry-after': (waitMs / 1000).toFixed(3),
        'retry-after-ms': String(waitMs),
        'x-ratelimit-limit-requests': String(perMinute),
        'x-ratelimit-remaining-requests': '0',
      };
      return {
        kind: 'error',
        status: 429,
        body: errorBody(message, 'requests', 'rate_limit_exceeded'),
        headers,
        immediate: true,
      };
    }
    const invalid = (
      status: number,
      message: string,
      code: string | null = null,
      param: string | null = null,
    ): Reply => ({ kind: 'error', status, body: errorBody(message, 'invalid_request_error', code, param) });
    if (typeof parsed === 'string') return invalid(400, parsed);
    const model = resolveModel(parsed.model);
    if (!index.hasModel(model)) {
      const message = `The model \`${parsed.model}\` does not exist or you do not have access to it.`;
      return invalid(404, message, 'model_not_found', 'model');
    }
    if (parsed.prompt === null || !index.has(model, parsed.prompt, parsed.system)) {
      const what = parsed.prompt === null ? 'The request has no user message' : 'No recording for this prompt';
      const message = `${what} (model \`${model}\`): the replay server only answers recorded prompts.`;
      return invalid(400, message, 'prompt_not_recorded', 'messages');
    }
    const fault = pickFault(faults, { model: parsed.model, prompt: parsed.prompt, attempt });
    if (fault?.kind === 'rateLimit') {
      const body = errorBody(`Rate limit reached for ${model} (replayed fault).`, 'requests', 'rate_limit_exceeded');
      return { kind: 'error', status: 429, body, headers: { 'retry-after': String(fault.retryAfterSeconds) } };
    }
    if (fault?.kind === 'serverError') {
      const body = errorBody('The server had an error while processing your request (replayed fault).', 'server_error');
      return { kind: 'error', status: 500, body };
    }
    return {
      kind: 'completion',
      model,
      prompt: parsed.prompt,
      system: parsed.system,
      promptText: parsed.promptText,
      malformed: fault?.kind === 'malformed',
      endless: fault?.kind === 'endless',
      truncated: fault?.kind === 'truncated',
      usage: fault?.kind === 'usage' ? fault.numbers : null,
      slowMs: fault?.kind === 'slow' ? fault.delayMs : 0,
      stallMs: fault?.kind === 'stall' ? fault.delayMs : 0,
    };
  }

  /** Sends the reply; only now does a completion consume a recording. */
  async function deliver(res: ServerResponse, reply: Reply, signal: AbortSignal): Promise<number> {
    if (reply.kind === 'error') {
      return sendJson(res, reply.status, reply.body, reply.headers) ? reply.status : CLIENT_GONE;
    }
    const recorded = index.take(reply.model, reply.prompt, reply.system) ?? '';
    const points = Array.from(recorded);
    const content = reply.truncated ? points.slice(0, Math.ceil(points.length / 2)).join('') : recorded;
    completions += 1;
    const id = `chatcmpl-replay-${completions.toString(16).padStart(8, '0')}`;
    const finishReason = reply.truncated ? 'length' : 'stop';
    const completion = chatCompletion({ id, model: reply.model, content, promptText: reply.promptText, finishReason });
    if (reply.usage) completion['usage'] = { ...(completion['usage'] as object), ...reply.usage };
    const json = JSON.stringify(completion);
    if (reply.endless) {
      // Everything up to the message text, then text that never ends: the recorded output, repeated.
      const open = json.indexOf('"content":') + '"content":"'.length;
      const filler = JSON.stringify(`${content || 'more'} `).slice(1, -1);
      await sendEndless(res, json.slice(0, open), filler.repeat(Math.ceil(65_536 / filler.length)), signal);
      return CLIENT_GONE;
    }
    // Cut mid-document: a 200 that claims JSON but does not parse, as seen from flaky proxies.
    const body = reply.malformed ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : json;
    const sent = reply.stallMs > 0 ? await sendStalled(res, 200, body, reply.stallMs, signal) : send(res, 200, body);
    return sent ? 200 : CLIENT_GONE;
  }

  /** `deployment`: Azure's deployment URL named it, and it stands for the body's model. */
  async function handleChat(req: IncomingMessage, res: ServerResponse, deployment?: string): Promise<void> {
    const arrivedAt = performance.now();
    const url = req.url ?? '/';
    const attempt = attemptOf(req);
    const controller = new AbortController();
    inFlight.add(controller);
    // 'close' on the response fires on completion and on disconnect; only the latter aborts.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
      inFlight.delete(controller);
    });
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        const status = sendJson(res, 413, errorBody(err.message, 'invalid_request_error')) ? 413 : CLIENT_GONE;
        log.push({ model: '', status, attempt, arrivedAt, url });
      } else {
        log.push({ model: '', status: CLIENT_GONE, attempt, arrivedAt, url });
      }
      return;
    }
    const body = parseChatBody(raw);
    const parsed = deployment !== undefined && typeof body !== 'string' ? { ...body, model: deployment } : body;
    const reply = decide(req, parsed, attempt, deployment !== undefined);
    const delay = reply.kind === 'completion' ? latencyMs + reply.slowMs : reply.immediate ? 0 : latencyMs;
    const stillThere = await wait(delay, controller.signal);
    const status = stillThere ? await deliver(res, reply, controller.signal) : CLIENT_GONE;
    log.push({ model: typeof parsed === 'string' ? '' : parsed.model, status, attempt, arrivedAt, url });
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    req.on('error', () => {});
    res.on('error', () => {}); // a client that disconnects mid-write is not our crash
    const [path, query] = (req.url ?? '/').split('?');
    // Azure OpenAI's classic shape: the deployment in the path, the API version in the query.
    const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path ?? '');
    if (azure && !new URLSearchParams(query).get('api-version')) {
      sendJson(res, 400, errorBody('Missing required query parameter: api-version.', 'invalid_request_error'));
      return;
    }
    if (path === '/v1/chat/completions' || azure) {
      if (req.method !== 'POST') {
        sendJson(res, 405, errorBody(`Method ${req.method} not allowed; use POST.`, 'invalid_request_error'));
        return;
      }
      handleChat(req, res, azure ? decodeURIComponent(azure[1]!) : undefined).catch((err: unknown) => {
        sendJson(res, 500, errorBody(`replay server bug: ${String(err)}`, 'server_error'));
      });
      return;
    }
    if (routeEmbeddings(req, res, path ?? '', query)) return;
    if (path === '/v1/models' && req.method === 'GET') {
      const ids = [...new Set([...index.models(), ...Object.keys(aliases)])];
      sendJson(res, 200, modelList(ids));
      return;
    }
    const message = `Unknown request URL: ${req.method} ${path}.`;
    sendJson(res, 404, errorBody(message, 'invalid_request_error', 'unknown_url'));
  }

  /** `/v1/embeddings`, and Azure's `/openai/deployments/{dep}/embeddings?api-version=`: whether it was one. */
  function routeEmbeddings(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: string | undefined,
  ): boolean {
    const azure = /^\/openai\/deployments\/([^/]+)\/embeddings$/.exec(path);
    if (path !== '/v1/embeddings' && !azure) return false;
    if (azure && !new URLSearchParams(query).get('api-version')) {
      sendJson(res, 400, errorBody('Missing required query parameter: api-version.', 'invalid_request_error'));
    } else if (req.method !== 'POST') {
      sendJson(res, 405, errorBody(`Method ${req.method} not allowed; use POST.`, 'invalid_request_error'));
    } else {
      embeddings.handle(req, res, azure ? decodeURIComponent(azure[1]!) : undefined).catch((err: unknown) => {
        sendJson(res, 500, errorBody(`replay server bug: ${String(err)}`, 'server_error'));
      });
    }
    return true;
  }

  const server = createServer(route);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    baseUrl: `http://${host}:${address.port}/v1`,
    stats() {
      const byStatus: Record<string, number> = {};
      for (const r of log) byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;
      return { requests: log.length, byStatus, retried: log.filter((r) => r.attempt > 0).length };
    },
    requests: () => log.map((r) => ({ ...r })),
    embeddingRequests: () => embeddings.requests(),
    failEmbeddings: (count) => embeddings.failNext(count),
    setEmbeddingUsage: (numbers) => embeddings.setUsage(numbers),
    setFaults(plan) {
      validateFaultPlan(plan);
      faults = plan;
    },
    setAliases(next) {
      aliases = { ...next };
    },
    setRateLimit(limit) {
      validateRateLimit(limit);
      bucket = limit ? new TokenBucket(limit) : null;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const c of inFlight) c.abort(); // clears pending latency/slow timers
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      });
      return closing;
    },
  };
}
