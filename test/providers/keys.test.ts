import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/config/types.js';
import { isLocalEndpoint, keyValues, modelsMissingKeys } from '../../src/providers/keys.js';

const model = (id: string, baseUrl: string, apiKeyEnv = 'OPENAI_API_KEY'): ModelSpec => ({
  id,
  model: id,
  baseUrl,
  apiKeyEnv,
  params: {},
  system: null,
  headers: {},
});

describe('keys', () => {
  it('knows local endpoints need no key', () => {
    expect(isLocalEndpoint('http://localhost:11434/v1')).toBe(true);
    expect(isLocalEndpoint('http://127.0.0.1:8000/v1')).toBe(true);
    expect(isLocalEndpoint('http://[::1]:8080/v1')).toBe(true);
    expect(isLocalEndpoint('https://api.openai.com/v1')).toBe(false);
    expect(isLocalEndpoint('https://localhost.evil.example/v1')).toBe(false);
  });

  it('lists remote models without a key and the distinct key values to mask', () => {
    const models = [
      model('a', 'https://api.openai.com/v1'),
      model('b', 'https://api.groq.com/openai/v1', 'GROQ_API_KEY'),
      model('c', 'http://localhost:11434/v1', 'UNSET'),
      model('d', 'https://api.openai.com/v1'),
    ];
    const env = { OPENAI_API_KEY: 'sk-1' };
    expect(modelsMissingKeys(models, env).map((m) => m.id)).toEqual(['b']);
    expect(keyValues(models, env)).toEqual(['sk-1']);
  });

  it('wants the key of a local server whose config names its variable', () => {
    const named = { ...model('vllm', 'http://127.0.0.1:8000/v1', 'VLLM_KEY'), apiKeyNamed: true };
    expect(modelsMissingKeys([named], {}).map((m) => m.id)).toEqual(['vllm']);
    expect(modelsMissingKeys([named], { VLLM_KEY: 'k' })).toEqual([]);
  });
});
