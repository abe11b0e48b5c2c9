import OpenAI from 'openai';
import type { ProviderError } from '../run/types.js';
import { errorMessage } from '../util/values.js';

/**
 * Sorts a failed call into the categories the report shows as availability.
 * bad-response covers every answer that is not a usable completion: malformed bodies and
 * request rejections other than auth and rate limits (400, 404 model-not-found, 422).
 * Messages have `secrets` removed before they are shortened, so no part of one survives a cut.
 */
export function categorize(error: unknown, secrets: readonly string[] = []): ProviderError {
  const shorten = (text: string): string => shortened(redactFragments(redact(text, secrets), secrets));
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return { category: 'timeout', status: null, message: 'request timed out' };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return { category: 'connection', status: null, message: `connection failed: ${shorten(causeOf(error))}` };
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    // The SDK's message starts with the status again ("401 Incorrect API key provided.").
    const message = `HTTP ${status}: ${shorten(error.message.replace(new RegExp(`^${status}\\s+`), ''))}`;
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
    message: shorten(errorMessage(error)),
  };
}

/** Shorter secrets are not keys, and masking them would mangle ordinary text. */
const MIN_SECRET = 4;

/**
 * Removes secrets from text that may be shown or stored (servers sometimes echo the key they
 * got). With `cut`, the text was cut off at its end, so the start of a secret there is masked too.
 */
export function redact(text: string, secrets: readonly string[], options: { cut?: boolean } = {}): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET) out = out.split(secret).join('***');
  if (!options.cut) return out;
  for (const secret of secrets) {
    for (let n = Math.min(secret.length - 1, out.length); n >= MIN_SECRET; n--) {
      if (out.endsWith(secret.slice(0, n))) {
        out = `${out.slice(0, -n)}***`;
        break;
      }
    }
  }
  return out;
}

/** Keys this long are masked in an error message even in part; a fragment of FRAGMENT characters or more. */
const MIN_FRAGMENT_SECRET = 16;
const FRAGMENT = 8;

/**
 * Masks every run of FRAGMENT or more characters that also appears in a long secret: a server
 * that echoes a key cut or half-masked (`sk-proj-abcd1234...`) must not have that part stored.
 * For error messages, which are short; outputs get `redact` alone.
 */
export function redactFragments(text: string, secrets: readonly string[]): string {
  const pieces = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_FRAGMENT_SECRET) continue;
    for (let i = 0; i + FRAGMENT <= secret.length; i++) pieces.add(secret.slice(i, i + FRAGMENT));
  }
  if (pieces.size === 0) return text;
  const masked = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i + FRAGMENT <= text.length; i++) {
    if (pieces.has(text.slice(i, i + FRAGMENT))) masked.fill(true, i, i + FRAGMENT);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!masked[i]) out += text[i];
    else if (i === 0 || !masked[i - 1]) out += '***';
  }
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
  return error.message;
}

function shortened(text: string, max = 300): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
