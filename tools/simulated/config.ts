import { DEFAULTS, type Config, type ModelSpec, type PromptSpec } from '../../src/config/types.js';

/**
 * The model and config of simulations: benches and unit tests that make a model's answers in
 * the process and judge them as a run does. Nothing is ever sent to `baseUrl`.
 */
export function simulatedModel(over: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id: 'sim',
    model: 'sim',
    baseUrl: 'https://api.example.com/v1',
    apiKeyEnv: 'KEY',
    params: { temperature: 0.7 },
    system: null,
    headers: {},
    ...over,
  };
}

/** A config of one suite `suite` (file `FILE.yaml`) holding `prompts`, with the defaults a config file gets. */
export function simulatedConfig(
  models: ModelSpec[],
  prompts: PromptSpec[],
  over: Partial<Omit<Config, 'models' | 'suites'>> & { suite?: string } = {},
): Config {
  const { suite = 's', ...rest } = over;
  return {
    file: 'c.yml',
    models,
    suites: [{ name: suite, description: '', source: `${suite}.yaml`, file: `${suite}.yaml`, prompts }],
    samples: 1,
    concurrency: 1,
    timeoutSeconds: 5,
    retries: 0,
    history: 'h.jsonl',
    badge: 'b.svg',
    window: DEFAULTS.window,
    maxOutputKb: DEFAULTS.maxOutputKb,
    historyMaxMb: DEFAULTS.historyMaxMb,
    thresholds: {
      failBelow: null,
      failBelowAvailability: DEFAULTS.failBelowAvailability,
      failOnRegression: DEFAULTS.failOnRegression,
    },
    ...rest,
  };
}
