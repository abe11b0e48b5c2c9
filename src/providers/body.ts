/**
 * One attempt's response, read whole inside its deadline and up to a cap on its bytes: a server
 * can neither hold an attempt open past its timeout nor fill memory with a body that never ends.
 */
import { parseJsonPrefix, NotJsonError } from './json-prefix.js';

/** The first `maxBytes` of a body; `cut` when the body had more (the rest is not read). */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; cut: boolean }> {
  if (!body) return { bytes: new Uint8Array(0), cut: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, size), cut: false };
    if (size + value.length > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      // Cancelling closes the connection: the server stops sending.
      await reader.cancel().catch(() => {});
      return { bytes: concat(chunks, maxBytes), cut: true };
    }
    chunks.push(value);
    size += value.length;
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const CONTENT_PATH = ['choices', 0, 'message', 'content'];

/**
 * A chat completion body cut at the cap, made whole again: the JSON read so far with what was
 * left open closed, so the message text is what arrived of it. `outputCut` says the message
 * text itself was cut (not only fields after it). When the bytes hold no message text yet, the
 * text as it is (which does not parse, so the call ends as a bad response).
 */
export function completeCutBody(bytes: Uint8Array): { text: string; outputCut: boolean } {
  // Streaming mode leaves out a character whose bytes were cut, instead of making it U+FFFD.
  const text = new TextDecoder().decode(bytes, { stream: true });
  let prefix;
  try {
    prefix = parseJsonPrefix(text);
  } catch (error) {
    if (error instanceof NotJsonError) return { text, outputCut: false };
    throw error;
  }
  const message = (prefix?.value as { choices?: Array<{ message?: { content?: unknown } }> } | undefined)?.choices?.[0]
    ?.message;
  if (typeof message?.content !== 'string') return { text, outputCut: false };
  const openAt = prefix!.openAt;
  const outputCut = openAt.length === CONTENT_PATH.length && openAt.every((key, i) => key === CONTENT_PATH[i]);
  return { text: JSON.stringify(prefix!.value), outputCut };
}
