import type { RunOutcome } from '../run/outcome.js';
import { runMetrics } from '../run/run-metrics.js';
import { similarTargets } from '../checks/index.js';
import type { Config, ModelSpec, PromptSpec } from '../config/types.js';
import { keyValues } from '../providers/keys.js';
import { createEmbeddingProvider } from '../providers/embeddings.js';
import { createOpenAIProvider } from '../providers/openai.js';
import { compareModel, ModelEmbeddings, similarModel, vectorsOf } from '../run/embeddings.js';
import { executePlan } from '../run/execute.js';
import { buildPlan } from '../run/plan.js';
import { createProgress, type ProgressSink } from '../run/progress.js';
import { describeRun } from '../run/run-info.js';
import type { ChatProvider, EmbeddingProvider, Observation } from '../run/types.js';

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  /** Where progress goes; none for a silent run. */
  progress?: ProgressSink;
  /** Overrides how a model's endpoint is reached (the OpenAI-compatible client by default). */
  providerFor?: (model: ModelSpec) => ChatProvider;
  /** Overrides how a model's endpoint is asked for embeddings (the OpenAI-compatible client by default). */
  embedderFor?: (model: ModelSpec) => EmbeddingProvider;
  /** Hears what the user should know of a response the run still used (a server's odd usage numbers). */
  warn?: (message: string) => void;
  /** The time the run records, read when it starts and when it finishes (the system clock by default). */
  clock?: () => Date;
}

/** Runs every suite against every model once: the one engine behind the CLI and the action. */
export async function runSuites(config: Config, options: RunOptions): Promise<RunOutcome> {
  const clock = options.clock ?? (() => new Date());
  const run = describeRun(options.env, clock());
  const plan = buildPlan(config);
  // Every key of the run is kept out of every model's outputs, not only the model's own.
  const secrets = keyValues(config.models, options.env);
  const settings = {
    timeoutSeconds: config.timeoutSeconds,
    retries: config.retries,
    maxOutputKb: config.maxOutputKb,
    env: options.env,
    secrets,
    warn: options.warn,
  };
  const providerFor = options.providerFor ?? ((model: ModelSpec) => createOpenAIProvider(model, settings));
  const providers = new Map(config.models.map((m) => [m.id, providerFor(m)]));
  const embedderFor = options.embedderFor ?? ((model: ModelSpec) => createEmbeddingProvider(model, settings));
  const embeddings = new Map(
    config.models
      .filter((m) => plan.prompts.some(({ prompt }) => usesEmbeddings(m, prompt)))
      .map((m) => [m.id, new ModelEmbeddings(embedderFor(m))]),
  );

  // Every reference text of every `similar` check first, in batches: answers then need only their own.
  await Promise.all(
    config.models.map((m) => {
      const similar = plan.prompts.flatMap(({ prompt }) => (similarModel(m, prompt) ? similarTargets(prompt) : []));
      return similar.length > 0 && m.embedding ? embeddings.get(m.id)!.fetch(m.embedding, similar) : null;
    }),
  );
  const observations = await executePlan(plan, providers, {
    concurrency: config.concurrency,
    onSettled: options.progress ? createProgress(options.progress, { label: 'trackrecord' }) : undefined,
    embeddings,
  });

  const specs = new Map(plan.prompts.map(({ suite, prompt }) => [`${suite}\0${prompt.id}`, prompt]));
  const specOf = (o: Observation): PromptSpec => specs.get(`${o.suite}\0${o.promptId}`)!;
  const models = config.models.map((model) => {
    const own = observations.filter((o) => o.modelId === model.id);
    const modelEmbeddings = embeddings.get(model.id);
    const metrics = runMetrics(
      own,
      (o) => specOf(o).compare,
      (o) => vectorsOf(modelEmbeddings, compareModel(model, specOf(o).compare)),
    );
    return { model, observations: own, metrics, ...(modelEmbeddings ? { embeddings: modelEmbeddings } : {}) };
  });
  return { config, run, finishedAt: clock().toISOString(), models, specOf };
}

function usesEmbeddings(model: ModelSpec, prompt: PromptSpec): boolean {
  return similarModel(model, prompt) !== null || compareModel(model, prompt.compare) !== null;
}
