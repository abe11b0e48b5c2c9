import type { Comparison, Expectation, Extractor, NormalizeStep } from '../checks/types.js';
import type { ConfigIssue } from './errors.js';

/**
 * The resolved configuration: what the engine runs on after YAML parsing, schema
 * validation and semantic checks. Keys are camelCased; every default is filled in,
 * so no consumer has to know the defaults.
 */

export type { Comparison, Expectation, Extractor, NormalizeStep } from '../checks/types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Where a value came from, for error messages and annotations. */
export interface SourceLocation {
  file: string;
  line: number;
  /**
   * The line of each key the definition sets (`prompt`, `expect`...) and of each item of its
   * lists (`expect.0`, `messages.1`): where an annotation about an edit of that key points.
   */
  keys?: Readonly<Record<string, number>>;
}

export interface PromptSpec {
  id: string;
  /** The conversation sent, without the model's `system` prompt (added per model). */
  messages: ChatMessage[];
  extract: Extractor | null;
  normalize: NormalizeStep[];
  compare: Comparison;
  expect: Expectation[];
  location: SourceLocation;
  /** Where the prompt first needs its model's embedding model (a `similar` check, `compare: embedding`), as an issue. */
  embeddingUse?: ConfigIssue;
}

export interface SuiteSpec {
  name: string;
  description: string;
  /** `builtin:core` or the path as written in the config. */
  source: string;
  file: string;
  prompts: PromptSpec[];
}

export interface SamplingParams {
  temperature?: number;
  topP?: number;
  seed?: number;
  maxTokens?: number;
}

export interface ModelSpec {
  id: string;
  model: string;
  baseUrl: string;
  /** Name of the environment variable holding the key; the key itself is never stored. */
  apiKeyEnv: string;
  /** The config names `api-key-env` itself: the key is needed even for a server on this machine. */
  apiKeyNamed?: boolean;
  params: SamplingParams;
  system: string | null;
  /** Extra non-secret request headers some gateways want (OpenRouter's HTTP-Referer...). */
  headers: Record<string, string>;
  /** Where the model is defined in the config file (absent for models made in code). */
  location?: SourceLocation;
  /** The warning for a key sent over plain http to a host that is not local, given when the key is set. */
  plainHttp?: ConfigIssue;
  /** Azure OpenAI's classic deployment API (`provider: azure`); absent for every other server. */
  azure?: AzureDeployment;
  /** USD per million tokens, for the cost of each run; absent when not configured. */
  price?: Price;
  /** The embedding model asked on this model's endpoint (its own `embedding`, else the config's); absent when neither is set. */
  embedding?: string;
}

/** USD per million tokens; embedding tokens at `embedding`, else at `input`. */
export interface Price {
  input: number;
  output: number;
  embedding?: number;
}

/** Requests go to `{base-url}/openai/deployments/{deployment}/...?api-version=...` with an `api-key` header. */
export interface AzureDeployment {
  deployment: string;
  apiVersion: string;
}

export interface Thresholds {
  failBelow: number | null;
  /** Fail when a model answered fewer than this share of its requests (0: never). */
  failBelowAvailability: number;
  failOnRegression: boolean;
}

export interface Config {
  /** The config file, as given (for messages). */
  file: string;
  models: ModelSpec[];
  suites: SuiteSpec[];
  samples: number;
  concurrency: number;
  timeoutSeconds: number;
  retries: number;
  /** Response bytes read per sample, in KB; a longer output is cut and marked. */
  maxOutputKb: number;
  history: string;
  /** Seal the open history file when an append would take it past this many MB (2^20 bytes). */
  historyMaxMb: number;
  badge: string;
  window: number;
  thresholds: Thresholds;
  /** `allow-outside-workspace: true`: the files named may lie outside the workspace (absent: they may not). */
  allowOutsideWorkspace?: true;
}

/** How many prompts a config runs per model and sample, over all its suites. */
export function promptCount(config: Pick<Config, 'suites'>): number {
  return config.suites.reduce((n, s) => n + s.prompts.length, 0);
}

export const DEFAULTS = {
  configPath: '.github/trackrecord.yml',
  baseUrl: 'https://api.openai.com/v1',
  apiKeyEnv: 'OPENAI_API_KEY',
  azureApiKeyEnv: 'AZURE_OPENAI_API_KEY',
  samples: 1,
  concurrency: 4,
  timeoutSeconds: 60,
  retries: 4,
  maxOutputKb: 256,
  history: '.trackrecord/history.jsonl',
  historyMaxMb: 25,
  badge: '.trackrecord/badge.svg',
  window: 30,
  /** Runs in each model's trend in a report (`report --trend`), when not given. */
  trend: 30,
  similarityThreshold: 0.8,
  /** Cosine similarity for `similar` checks and `compare: embedding` when no threshold is given. */
  embeddingThreshold: 0.8,
  normalize: ['trim', 'collapse-whitespace'] as NormalizeStep[],
  failOnRegression: true,
  failBelowAvailability: 0.5,
} as const;

/** The key a prompt is known by in lists and text tables: `suite/id`. */
export function promptKey(suite: string, id: string): string {
  return `${suite}/${id}`;
}
