import OpenAI from 'openai';
import type { ProviderError } from '../run/types.js';

/**
 * Sorts a failed call into the categories the report shows as availability.
 * bad-response covers every answer that is not a usable completion: malformed bodies and
 * request rejections other than auth and rate limits (400, 404 model-not-found, 422).
 */
export function categorize(error: unknown): ProviderError {
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return { category: 'timeout', status: null, message: 'request timed out' };
  }
  // The SDK turns a timeout before the headers into APIConnectionTimeoutError; one while the
  // body streams in (the provider's deadline) reaches here as the abort reason itself.
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return { category: 'timeout', status: null, message: 'request timed out while the response body was arriving' };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return { category: 'server', status: null, message: `connection failed: ${causeOf(error)}` };
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    const message = `HTTP ${status}: ${shorten(error.message)}`;
    if (status === 429) return { category: 'rate-limited', status, message };
    if (status === 401 || status === 403) return { category: 'auth', status, message };
    if (status === 408) return { category: 'timeout', status, message };
    if (status >= 500 || status === 409) return { category: 'server', status, message };
    return { category: 'bad-response', status, message };
  }
  if (error instanceof SyntaxError) {
    return { category: 'bad-response', status: null, message: `malformed response body: ${shorten(error.message)}` };
  }
  return {
    category: 'bad-response',
    status: null,
    message: shorten(error instanceof Error ? error.message : String(error)),
  };
}

/** Removes secrets from text that may be shown (servers sometimes echo the key they got). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** The most specific reason in the cause chain: a system error code (ECONNREFUSED...) when there is one. */
function causeOf(error: Error): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return shorten(error.message);
}

function shorten(text: string, max = 300): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
