import { evaluate, expectedText } from '../checks/index.js';
import { promptKey, type Config, type PromptSpec } from '../config/types.js';
import { HASH_REF_LENGTH } from '../history/refs.js';
import type { HistoryView } from '../history/view.js';
import { checksHash } from '../run/plan.js';
import type { Expectation } from '../checks/types.js';
import { majorityVerdict } from './prompt-result.js';

/** A check a failing prompt's answer did not meet, and what it expected. */
export interface FailedCheck {
  check: Expectation['kind'];
  expected: string;
}

/** A prompt that failed its checks in a record: the answer most samples gave, and why it failed. */
export interface FailingPrompt {
  /** `suite/id`. */
  prompt: string;
  /** The modal answer (after extract and normalize), as stored: untrusted model text. Null: nothing extracted. */
  answer: string | null;
  /** The checks the answer fails; empty when the checks the record was judged with are not at hand. */
  checks: FailedCheck[];
}

/** The spec of a prompt as the record judged it, found by key and checks hash; undefined when unknown. */
export type SpecLookup = (key: string, checksHashRef: string) => PromptSpec | undefined;

/** A lookup into a config's prompts: a prompt whose checks changed since the record is not used. */
export function specLookup(config: Pick<Config, 'suites'>): SpecLookup {
  const specs = new Map<string, PromptSpec>();
  for (const suite of config.suites) for (const p of suite.prompts) specs.set(promptKey(suite.name, p.id), p);
  return (key, ref) => {
    const spec = specs.get(key);
    return spec && checksHash(spec).slice(0, HASH_REF_LENGTH) === ref ? spec : undefined;
  };
}

/**
 * The prompts a model's latest record failed (most checked samples failed, as its pass rate
 * counts them), in catalog order. With the prompts' specs, each lists the checks its answer fails, judged again on
 * the stored answer; a `similar` check needs the run's embeddings, so it is named only when no
 * other check explains the failure.
 */
export function failingPrompts(view: HistoryView, modelId: string, specs?: SpecLookup): FailingPrompt[] {
  const record = view.recordsOf(modelId).at(-1);
  if (!record) return [];
  const failing: FailingPrompt[] = [];
  view.catalog(record.catalog).forEach(([suite, id, , checks], i) => {
    const passed = record.passed[i] ?? null;
    const errored = record.errors[String(i)]?.length ?? 0;
    if (majorityVerdict(passed, record.samples - errored) !== false) return;
    const key = promptKey(suite, id);
    const answer = view.text(key, record.answers[i] ?? null);
    const spec = specs?.(key, checks);
    failing.push({ prompt: key, answer, checks: spec ? failedChecks(answer, spec) : [] });
  });
  return failing;
}

function failedChecks(answer: string | null, spec: PromptSpec): FailedCheck[] {
  const judged = (e: Expectation) => evaluate(answer, { expect: [e], normalize: spec.normalize }).pass === false;
  const plain = spec.expect.filter((e) => e.kind !== 'similar');
  const failed = plain.filter(judged);
  const shown = failed.length > 0 ? failed : spec.expect.filter((e) => e.kind === 'similar');
  return shown.map((e) => ({ check: e.kind, expected: expectedText(e) }));
}
