import type { RunOutcome } from './analysis/records.js';
import { runMetrics } from './analysis/run-metrics.js';
import type { Config, ModelSpec, PromptSpec } from './config/types.js';
import { keyValues } from './providers/keys.js';
import { createOpenAIProvider } from './providers/openai.js';
import { executePlan } from './run/execute.js';
import { buildPlan } from './run/plan.js';
import { createProgress, type ProgressSink } from './run/progress.js';
import { describeRun } from './run/run-info.js';
import type { ChatProvider, Observation } from './run/types.js';

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  /** Where progress goes; none for a silent run. */
  progress?: ProgressSink;
  /** Overrides how a model's endpoint is reached (the OpenAI-compatible client by default). */
  providerFor?: (model: ModelSpec) => ChatProvider;
  now?: Date;
}

/** Runs every suite against every model once: the one engine behind the CLI and the action. */
export async function runSuites(config: Config, options: RunOptions): Promise<RunOutcome> {
  const run = describeRun(options.env, options.now);
  const plan = buildPlan(config);
  // Every key of the run is kept out of every model's outputs, not only the model's own.
  const secrets = keyValues(config.models, options.env);
  const providerFor =
    options.providerFor ??
    ((model: ModelSpec) =>
      createOpenAIProvider(model, {
        timeoutSeconds: config.timeoutSeconds,
        retries: config.retries,
        maxOutputKb: config.maxOutputKb,
        env: options.env,
        secrets,
      }));
  const providers = new Map(config.models.map((m) => [m.id, providerFor(m)]));

  const observations = await executePlan(plan, providers, {
    concurrency: config.concurrency,
    onSettled: options.progress ? createProgress(options.progress, { label: 'trackrecord' }) : undefined,
  });

  const specs = new Map(plan.prompts.map(({ suite, prompt }) => [`${suite}\0${prompt.id}`, prompt]));
  const specOf = (o: Observation): PromptSpec => specs.get(`${o.suite}\0${o.promptId}`)!;
  const models = config.models.map((model) => {
    const own = observations.filter((o) => o.modelId === model.id);
    return { model, observations: own, metrics: runMetrics(own, (o) => specOf(o).compare) };
  });
  return { config, run, finishedAt: new Date().toISOString(), models, specOf };
}
