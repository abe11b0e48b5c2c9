/**
 * Response bodies in the shapes the OpenAI API (and so the openai SDK) expects.
 */
import { createHash } from 'node:crypto';

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function errorBody(
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
): ErrorBody {
  return { error: { message, type, param, code } };
}

/** Stable per recorded model, like a provider's fingerprint for one deployment. */
export function systemFingerprint(model: string): string {
  return 'fp_' + createHash('sha256').update(model).digest('hex').slice(0, 10);
}

/**
 * Approximate token count: whitespace-separated words. Real tokenizers count more (about
 * 4/3 tokens per English word), but nothing here bills by the token; the numbers only need
 * to be present, non-negative and stable for a given text.
 */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export interface CompletionInput {
  id: string;
  model: string;
  content: string;
  /** All message contents sent, for the prompt_tokens estimate. */
  promptText: string;
  /** Default 'stop'; 'length' when the output was cut at max_tokens. */
  finishReason?: 'stop' | 'length';
}

export function chatCompletion(input: CompletionInput): Record<string, unknown> {
  const promptTokens = countWords(input.promptText);
  const completionTokens = countWords(input.content);
  return {
    id: input.id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: input.model,
    system_fingerprint: systemFingerprint(input.model),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: input.content, refusal: null },
        finish_reason: input.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

export function modelList(ids: readonly string[]): Record<string, unknown> {
  return {
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'trackrecord-replay' })),
  };
}

/** The text of a message's content: a string, or the text parts of a content-part array. */
export function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts: string[] = [];
  for (const part of content) {
    if (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string') {
      parts.push((part as { text: string }).text);
    }
  }
  return parts.join('');
}
