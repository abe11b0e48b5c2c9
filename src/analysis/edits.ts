import type { Config, Expectation, ModelSpec, PromptSpec, SourceLocation } from '../config/types.js';
import { promptKey } from '../config/types.js';
import { messagesFor } from '../run/plan.js';
import { canonicalJson } from '../util/hash.js';

/** One field of a definition that differs between the base and this change; null where it is unset. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A model whose settings differ from the base's under the same id. */
export interface ModelEdit {
  modelId: string;
  changes: FieldChange[];
  /** The edited line of the model in this change's config, for annotations (absent for models made in code). */
  location?: SourceLocation;
}

/** A prompt (by `suite/id`) whose definition in its suite file differs from the base's. */
export interface PromptEdit {
  key: string;
  changes: FieldChange[];
  /** The edited line in this change's suite file (the first difference), for annotations. */
  location: SourceLocation;
}

/** One (model, prompt) pair whose definition, or whose model's settings, differ from the base's. */
export interface EditedPair {
  modelId: string;
  key: string;
  suite: string;
  head: { model: ModelSpec; prompt: PromptSpec };
  base: { model: ModelSpec; prompt: PromptSpec };
  /**
   * The request differs (conversation, model name, endpoint or sampling params): the base version
   * has to be sent too. Otherwise only the reading or the checks changed, and the base version is
   * judged on this run's own outputs.
   */
  rerun: boolean;
}

/** What a change did to the definitions, against the base's config. */
export interface EditSet {
  models: ModelEdit[];
  prompts: PromptEdit[];
  pairs: EditedPair[];
  /** Prompt keys with no counterpart in the base's config, and model ids new to it. */
  added: string[];
  addedModels: string[];
  /** Prompt keys and model ids of the base's config that this change dropped. */
  removed: string[];
  removedModels: string[];
}

/**
 * Matches this change's config with the base's by identity (model `id`, prompt `suite/id`) and
 * says what differs. A pair is edited when anything that shapes its answer or its verdict
 * differs: the conversation, the model's name, endpoint, system prompt or params, the reading
 * (extract, normalize, compare) or the checks.
 */
export function findEdits(head: Config, base: Config): EditSet {
  const baseModels = new Map(base.models.map((m) => [m.id, m]));
  const basePrompts = promptsByKey(base);
  const headPrompts = promptsByKey(head);
  const models = head.models.flatMap((m) => {
    const was = baseModels.get(m.id);
    const changes = was ? modelChanges(was, m) : [];
    if (changes.length === 0) return [];
    const location = m.location && editedLine(m.location, changes[0]!.field);
    return [{ modelId: m.id, changes, ...(location ? { location } : {}) }];
  });
  const prompts: PromptEdit[] = [];
  for (const [key, { prompt: p }] of headPrompts) {
    const was = basePrompts.get(key)?.prompt;
    const changes = was ? promptChanges(was, p) : [];
    if (changes.length > 0)
      prompts.push({ key, changes, location: editedLine(p.location, changes[0]!.field, was!, p) });
  }
  const editedModels = new Set(models.map((m) => m.modelId));
  const editedPrompts = new Set(prompts.map((p) => p.key));
  const pairs: EditedPair[] = [];
  for (const model of head.models) {
    const baseModel = baseModels.get(model.id);
    if (!baseModel) continue;
    for (const [key, { suite, prompt }] of headPrompts) {
      const basePrompt = basePrompts.get(key)?.prompt;
      if (!basePrompt || !(editedModels.has(model.id) || editedPrompts.has(key))) continue;
      const rerun = requestOf(baseModel, basePrompt) !== requestOf(model, prompt);
      pairs.push({
        modelId: model.id,
        key,
        suite,
        head: { model, prompt },
        base: { model: baseModel, prompt: basePrompt },
        rerun,
      });
    }
  }
  const headModels = new Set(head.models.map((m) => m.id));
  return {
    models,
    prompts,
    pairs,
    added: [...headPrompts.keys()].filter((k) => !basePrompts.has(k)),
    addedModels: head.models.filter((m) => !baseModels.has(m.id)).map((m) => m.id),
    removed: [...basePrompts.keys()].filter((k) => !headPrompts.has(k)),
    removedModels: base.models.filter((m) => !headModels.has(m.id)).map((m) => m.id),
  };
}

/** The config that runs the base version of the pairs that need it: one model, only its edited prompts. */
export function baseRunConfig(head: Config, pairs: readonly EditedPair[], modelId: string): Config | null {
  const own = pairs.filter((p) => p.rerun && p.modelId === modelId);
  if (own.length === 0) return null;
  const suites = new Map<string, PromptSpec[]>();
  for (const { suite, base } of own) suites.set(suite, [...(suites.get(suite) ?? []), base.prompt]);
  return {
    ...head,
    models: [own[0]!.base.model],
    suites: [...suites].map(([name, prompts]) => ({ name, description: '', source: '', file: '', prompts })),
  };
}

/**
 * Where the first edited field is written in this change's file: the key's line, or for a list
 * (messages, checks) the line of its first item that differs. A field the change removed has no
 * line: the definition's own line stands for it.
 */
function editedLine(at: SourceLocation, field: string, before?: PromptSpec, after?: PromptSpec): SourceLocation {
  const keys = at.keys ?? {};
  const list =
    before && after && field === 'prompt'
      ? { key: 'messages', i: firstDifference(before.messages, after.messages, (m) => `${m.role}\u0000${m.content}`) }
      : before && after && field === 'expect'
        ? { key: 'expect', i: firstDifference(before.expect, after.expect, expectationText) }
        : null;
  const line =
    (list && keys[`${list.key}.${list.i}`]) ??
    keys[field] ??
    (field === 'prompt' ? keys['messages'] : undefined) ??
    at.line;
  return { file: at.file, line };
}

/** The index of the first item that differs (the shorter list's length when one extends the other). */
function firstDifference<T>(a: readonly T[], b: readonly T[], text: (x: T) => string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (text(a[i]!) !== text(b[i]!)) return i;
  return n;
}

function promptsByKey(config: Config): Map<string, { suite: string; prompt: PromptSpec }> {
  const out = new Map<string, { suite: string; prompt: PromptSpec }>();
  for (const suite of config.suites) {
    for (const prompt of suite.prompts) out.set(promptKey(suite.name, prompt.id), { suite: suite.name, prompt });
  }
  return out;
}

/** What is sent for a pair: the one thing that decides whether the base version must be run. */
function requestOf(model: ModelSpec, prompt: PromptSpec): string {
  return canonicalJson({
    model: model.model,
    baseUrl: model.baseUrl,
    params: model.params,
    messages: messagesFor(model, prompt),
  });
}

function modelChanges(before: ModelSpec, after: ModelSpec): FieldChange[] {
  const fields: Array<[string, (m: ModelSpec) => string | number | null | undefined]> = [
    ['model', (m) => m.model],
    ['base-url', (m) => m.baseUrl],
    ['system', (m) => m.system],
    ['temperature', (m) => m.params.temperature],
    ['top-p', (m) => m.params.topP],
    ['seed', (m) => m.params.seed],
    ['max-tokens', (m) => m.params.maxTokens],
  ];
  return changed(fields, before, after);
}

function compareText(c: PromptSpec['compare']): string {
  if (c.kind === 'exact') return 'exact';
  if (c.kind === 'similarity') return `similarity ${c.threshold}`;
  return `embedding${c.model === null ? '' : ` ${c.model}`} ${c.threshold}`;
}

function promptChanges(before: PromptSpec, after: PromptSpec): FieldChange[] {
  const fields: Array<[string, (p: PromptSpec) => string | null]> = [
    ['prompt', (p) => conversationText(p)],
    ['extract', (p) => (p.extract === null ? null : extractText(p.extract))],
    ['normalize', (p) => p.normalize.join(', ')],
    ['compare', (p) => compareText(p.compare)],
    ['expect', (p) => (p.expect.length === 0 ? null : p.expect.map(expectationText).join('; '))],
  ];
  return changed(fields, before, after);
}

function changed<T>(fields: Array<[string, (x: T) => string | number | null | undefined]>, a: T, b: T): FieldChange[] {
  return fields.flatMap(([field, read]) => {
    const before = read(a);
    const after = read(b);
    if (before === after || (before == null && after == null)) return [];
    return [{ field, before: before == null ? null : String(before), after: after == null ? null : String(after) }];
  });
}

/** A single user message as its text; a longer conversation as `role: content` lines. */
function conversationText(p: PromptSpec): string {
  const [only] = p.messages;
  if (p.messages.length === 1 && only!.role === 'user') return only!.content;
  return p.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
}

function extractText(e: NonNullable<PromptSpec['extract']>): string {
  return e.kind === 'regex' ? `regex /${e.pattern}/${e.flags}` : `json-path ${e.path}`;
}

/** One check as it reads in a suite file, e.g. `equals: "30"`. */
export function expectationText(e: Expectation): string {
  const { kind, ...rest } = e;
  const values = Object.values(rest);
  const value = values.length === 1 ? values[0] : rest;
  return `${kind}: ${JSON.stringify(value)}`;
}
