import type { ChatMessage, Config, ModelSpec, PromptSpec } from '../config/types.js';
import { canonicalJson, sha256 } from '../util/hash.js';

export interface PlannedPrompt {
  suite: string;
  prompt: PromptSpec;
}

/** Everything a run will ask, fixed before the first request. */
export interface Plan {
  models: ModelSpec[];
  prompts: PlannedPrompt[];
  samples: number;
  /** `hashes[m][p]`: the series identity of prompt p on model m. */
  hashes: string[][];
  /** `checksHashes[p]`: the identity of prompt p's checks. */
  checksHashes: string[];
}

export function buildPlan(config: Config): Plan {
  const prompts = config.suites.flatMap((suite) => suite.prompts.map((prompt) => ({ suite: suite.name, prompt })));
  return {
    models: config.models,
    prompts,
    samples: config.samples,
    hashes: config.models.map((model) => prompts.map((p) => promptHash(model, p.prompt))),
    checksHashes: prompts.map((p) => checksHash(p.prompt)),
  };
}

/** The identity of a prompt's checks: pass/fail flips only count between runs with the same checks. */
export function checksHash(prompt: Pick<PromptSpec, 'expect'>): string {
  return sha256(canonicalJson(prompt.expect));
}

/** The conversation as sent to this model: its system prompt first, when it has one. */
export function messagesFor(model: ModelSpec, prompt: PromptSpec): ChatMessage[] {
  return model.system === null ? prompt.messages : [{ role: 'system', content: model.system }, ...prompt.messages];
}

/**
 * What makes two runs of a prompt comparable: the exact conversation, the sampling params and
 * how the answer is read. The model name is left out on purpose: a provider moving an alias
 * to a new snapshot is exactly the drift being tracked. The checks are left out too, so fixing
 * an expectation does not restart the answer series.
 */
export function promptHash(model: ModelSpec, prompt: PromptSpec): string {
  return sha256(
    canonicalJson({
      messages: messagesFor(model, prompt),
      params: model.params,
      extract: prompt.extract,
      normalize: prompt.normalize,
      compare: prompt.compare,
    }),
  );
}
