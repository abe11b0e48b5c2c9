import type { ModelSpec } from '../config/types.js';

/** Servers on this machine (Ollama, vLLM, llama.cpp, the replay server) usually take no key. */
export function isLocalEndpoint(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host === '0.0.0.0' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Models that need a key from the environment and do not have one: every remote server, and a
 * local one whose config names `api-key-env` (naming the variable says the server wants a key).
 */
export function modelsMissingKeys(models: readonly ModelSpec[], env: NodeJS.ProcessEnv): ModelSpec[] {
  return models.filter((m) => !env[m.apiKeyEnv] && (m.apiKeyNamed === true || !isLocalEndpoint(m.baseUrl)));
}

/** Every key value the run will use, for masking in logs. */
export function keyValues(models: readonly ModelSpec[], env: NodeJS.ProcessEnv): string[] {
  return [...new Set(models.map((m) => env[m.apiKeyEnv]).filter((v): v is string => !!v))];
}
