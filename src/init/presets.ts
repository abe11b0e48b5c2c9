/**
 * Starting points for `trackrecord init --provider NAME`: where each provider's OpenAI-compatible
 * API lives, which variable holds its key, and a model to start with. Every value is a default
 * for the user to change; the comments written beside them say what to check.
 */
export interface ProviderPreset {
  name: string;
  /** Model id in the config (names the history series and the badge). */
  id: string;
  model: string;
  /** Absent: the SDK's default, OpenAI's API. */
  baseUrl?: string;
  /** Absent: a local server that needs no key. */
  keyEnv?: string;
  /** One line said in the config above the model. */
  note: string;
  azure?: { apiVersion: string };
}

export const PRESETS: readonly ProviderPreset[] = [
  {
    name: 'openai',
    id: 'gpt-4o-mini',
    model: 'gpt-4o-mini',
    keyEnv: 'OPENAI_API_KEY',
    note: 'OpenAI: add the key as the repository secret OPENAI_API_KEY.',
  },
  {
    name: 'azure',
    id: 'gpt-4o-mini-azure',
    model: 'gpt-4o-mini',
    baseUrl: 'https://YOUR-RESOURCE.openai.azure.com',
    keyEnv: 'AZURE_OPENAI_API_KEY',
    note: 'Azure OpenAI: set base-url to your resource, model to your deployment name (or add `deployment:`), and the key as the secret AZURE_OPENAI_API_KEY.',
    azure: { apiVersion: '2024-10-21' },
  },
  {
    name: 'ollama',
    id: 'llama3.1-8b',
    model: 'llama3.1:8b',
    baseUrl: 'http://localhost:11434/v1',
    note: 'Ollama: no key. The workflow must reach the server: start Ollama in an earlier step, or use a self-hosted runner.',
  },
  {
    name: 'vllm',
    id: 'llama3.1-8b',
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    baseUrl: 'http://localhost:8000/v1',
    keyEnv: 'VLLM_API_KEY',
    note: 'vLLM: the key is the --api-key the server was started with; remove api-key-env if it has none.',
  },
  {
    name: 'llamacpp',
    id: 'llamacpp-local',
    model: 'local',
    baseUrl: 'http://localhost:8080/v1',
    note: "llama.cpp's llama-server: no key, and it answers with whichever model it loaded, whatever `model` says.",
  },
  {
    name: 'openrouter',
    id: 'gpt-4o-mini-openrouter',
    model: 'openai/gpt-4o-mini',
    baseUrl: 'https://openrouter.ai/api/v1',
    keyEnv: 'OPENROUTER_API_KEY',
    note: 'OpenRouter: model names are provider/model; add the key as the secret OPENROUTER_API_KEY.',
  },
  {
    name: 'groq',
    id: 'llama3.1-8b-groq',
    model: 'llama-3.1-8b-instant',
    baseUrl: 'https://api.groq.com/openai/v1',
    keyEnv: 'GROQ_API_KEY',
    note: 'Groq: add the key as the secret GROQ_API_KEY.',
  },
  {
    name: 'together',
    id: 'llama3.3-70b-together',
    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    baseUrl: 'https://api.together.xyz/v1',
    keyEnv: 'TOGETHER_API_KEY',
    note: 'Together AI: add the key as the secret TOGETHER_API_KEY.',
  },
];

export function presetNamed(name: string): ProviderPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}
