import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRIME_100 = join(REPO_ROOT, 'data', 'llmdrift', 'prime-100.jsonl');

export interface PrimeLine {
  model: string;
  id: number;
  query: string;
  ref_answer: string;
  answer: string;
}

export function readPrimeLines(): PrimeLine[] {
  return readFileSync(PRIME_100, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PrimeLine);
}

export function client(baseURL: string, opts: { maxRetries?: number; timeout?: number; apiKey?: string } = {}): OpenAI {
  return new OpenAI({
    baseURL,
    apiKey: opts.apiKey ?? 'test',
    maxRetries: opts.maxRetries ?? 0,
    timeout: opts.timeout ?? 10_000,
  });
}

export function ask(c: OpenAI, model: string, prompt: string): Promise<OpenAI.Chat.Completions.ChatCompletion> {
  return c.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }], temperature: 0.1 });
}
