/**
 * Small node:http helpers for the replay server: body reading, JSON replies and
 * abortable waits.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Larger bodies get 413: no chat request in a test needs more, and it bounds memory. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`));
        req.resume(); // drain the rest so the connection is not left half-read
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A body cut off mid-way ends in 'close' without 'end'; after 'end' this is a no-op.
    req.on('close', () => {
      if (!req.complete) reject(new Error('client closed the connection mid-request'));
    });
  });
}

/** Writes a complete response unless the client is already gone. Returns whether it wrote. */
/** A request body as a JSON object, or the error message OpenAI gives for one that is not. */
export function jsonObject(raw: string): Record<string, unknown> | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return 'We could not parse the JSON body of your request.';
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The request body must be a JSON object.';
  return body as Record<string, unknown>;
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): boolean {
  if (res.destroyed || res.writableEnded || res.headersSent) return false;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
  return true;
}

/**
 * Writes the headers and the first half of the body, waits `pauseMs`, then the rest: a response
 * that stalls mid-body. Returns whether the whole response was written.
 */
export async function sendStalled(
  res: ServerResponse,
  status: number,
  body: string,
  pauseMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  if (res.destroyed || res.writableEnded || res.headersSent) return false;
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
  res.write(bytes.subarray(0, half));
  if (!(await wait(pauseMs, signal)) || res.destroyed) return false;
  res.end(bytes.subarray(half));
  return true;
}

/**
 * Writes the headers and `head`, then `filler` over and over, as fast as the client reads
 * (waiting for 'drain'), until the client goes away or `signal` aborts: a body with no end.
 */
export async function sendEndless(
  res: ServerResponse,
  head: string,
  filler: string,
  signal: AbortSignal,
): Promise<false> {
  if (res.destroyed || res.writableEnded || res.headersSent) return false;
  // No content-length: the body is sent chunked, with no promise of an end.
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from(filler);
  let more = res.write(head);
  while (!signal.aborted && !res.destroyed) {
    if (more) {
      more = res.write(chunk);
      continue;
    }
    const drained = await new Promise<boolean>((resolve) => {
      const done = (value: boolean) => () => {
        res.off('drain', onDrain);
        res.off('close', onClose);
        signal.removeEventListener('abort', onClose);
        resolve(value);
      };
      const onDrain = done(true);
      const onClose = done(false);
      res.on('drain', onDrain);
      res.on('close', onClose);
      signal.addEventListener('abort', onClose);
    });
    if (!drained) break;
    more = true;
  }
  res.destroy();
  return false;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): boolean {
  return send(res, status, JSON.stringify(value), headers);
}

/**
 * Resolves true after `ms`, or false as soon as `signal` aborts. The timer is cleared on
 * abort, so a closed server or a disconnected client leaves nothing scheduled.
 */
export function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
