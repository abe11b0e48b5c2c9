import { resolve } from 'node:path';
import { editEffects, pairId, type EditComparison } from '../analysis/edit-effect.js';
import { promptResult } from '../analysis/prompt-result.js';
import { baseRunConfig, findEdits, type EditedPair } from '../analysis/edits.js';
import { loadConfig, type LoadOptions } from '../config/load.js';
import { DEFAULTS, promptKey, type Config, type Thresholds } from '../config/types.js';
import type { RunOutcome } from '../run/outcome.js';
import { runSuites, type RunOptions } from './engine.js';
import type { HistoryRead } from '../history/read.js';
import { HistoryView } from '../history/view.js';
import { listSome, count } from '../util/numbers.js';
import type { Observation } from '../run/types.js';

/**
 * The config and suites as a base commit has them (`files`), to match this change's edits with.
 * A commit from before the config was added has no prompt or model, so everything of `head` is
 * new (`missing`). A config there that does not load throws its ConfigError.
 */
export async function baseConfigFrom(
  head: Config,
  options: LoadOptions & { files: NonNullable<LoadOptions['files']> },
): Promise<{ config: Config; missing: boolean }> {
  const path = resolve(options.root, options.configPath ?? DEFAULTS.configPath);
  if ((await options.files.read(path)) === null) return { config: { ...head, models: [], suites: [] }, missing: true };
  return { config: await loadConfig(options), missing: false };
}

/**
 * Runs the base version of every edited pair whose request changed, against the same model in
 * the same job and with the same samples as `outcome` (this change's run), then judges each
 * edit as an A/B of the two versions. Only edited pairs run twice. `history` is the records as
 * they were before this run (none: every prompt is new).
 */
export async function compareEdits(
  outcome: RunOutcome,
  base: Config,
  history: Pick<HistoryRead, 'records' | 'context'> | undefined,
  options: RunOptions & { baseRef: string },
): Promise<EditComparison> {
  const view = new HistoryView(history?.records ?? [], history?.context);
  const head = outcome.config;
  const edits = findEdits(head, base);
  const baseObservations = new Map<string, Observation>();
  let rerun = 0;
  // One model at a time: each model's base prompts under the run's own concurrency limit.
  for (const model of head.models) {
    const config = baseRunConfig(head, edits.pairs, model.id);
    if (!config) continue;
    const run = await runSuites(config, options);
    for (const o of run.models[0]!.observations) {
      baseObservations.set(pairId(model.id, promptKey(o.suite, o.promptId)), o);
      rerun += 1;
    }
  }
  const headObservations = new Map<string, Observation>();
  for (const m of outcome.models) {
    for (const o of m.observations) headObservations.set(pairId(m.model.id, promptKey(o.suite, o.promptId)), o);
  }
  const of = (map: Map<string, Observation>) => (p: EditedPair) => map.get(pairId(p.modelId, p.key));
  const effects = editEffects(edits.pairs, of(headObservations), of(baseObservations), view);
  const added = new Set(edits.added);
  const newModels = new Set(edits.addedModels);
  return {
    baseRef: options.baseRef,
    edits,
    effects,
    extraRequests: rerun * head.samples,
    rerun,
    added: outcome.models.flatMap((m) =>
      m.observations
        .filter((o) => newModels.has(m.model.id) || added.has(promptKey(o.suite, o.promptId)))
        .map((o) => {
          const r = promptResult(o, outcome.specOf(o));
          return { modelId: m.model.id, key: r.key, status: r.status, answer: r.answer };
        }),
    ),
  };
}

/** One failure per model whose checks an edit broke, when `fail-on-regression` is on. */
export function editFailures(thresholds: Thresholds, c: EditComparison | null): string[] {
  if (!c || !thresholds.failOnRegression) return [];
  const byModel = new Map<string, string[]>();
  for (const e of c.effects) if (e.regression) byModel.set(e.modelId, [...(byModel.get(e.modelId) ?? []), e.key]);
  return [...byModel].map(
    ([id, keys]) =>
      `${id}: ${count(keys.length, 'prompt')} went from pass to fail because of this change's edits (the base version passes in the same run): ${listSome(keys)}`,
  );
}

/** The comparison as `trackrecord run --compare-with REF --json` prints it: without the full specs. */
export function editsJson(c: EditComparison) {
  return {
    baseRef: c.baseRef,
    extraRequests: c.extraRequests,
    rerun: c.rerun,
    models: c.edits.models,
    prompts: c.edits.prompts.map(({ key, changes }) => ({ key, changes })),
    effects: c.effects,
    added: c.added,
    addedModels: c.edits.addedModels,
    removed: c.edits.removed,
    removedModels: c.edits.removedModels,
  };
}
