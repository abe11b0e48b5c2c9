import { judge, sameAnswer } from '../checks/index.js';
import type { Comparison, PromptSpec } from '../config/types.js';
import type { RecordMetrics } from '../history/record.js';
import type { HistoryView } from '../history/view.js';
import type { Observation } from '../run/types.js';
import type { EditedPair, EditSet } from './edits.js';
import { fisherFreemanHalton } from './exact.js';
import { benjaminiHochberg } from './fdr.js';
import { mcnemarExactP } from './mcnemar.js';
import { majorityVerdict, modal, promptResult } from './prompt-result.js';
import { compareSamples, sampleKindFor } from './two-sample.js';

/** One version of a prompt as this run saw it. */
export interface VersionResult {
  /** The modal answer of the samples that answered; null when none was extracted or none answered. */
  answer: string | null;
  /** Majority verdict of the checked samples; null without checks or without an answer. */
  status: boolean | null;
  answered: boolean;
}

/** What an edit did to one (model, prompt): the base version against this change's, same run. */
export interface EditEffect {
  modelId: string;
  key: string;
  before: VersionResult;
  after: VersionResult;
  /** The base history's latest answer for this model and key (any version); null when it has none. */
  recorded: { answer: string | null; status: boolean | null } | null;
  /**
   * The answers differ: one sample, the answers themselves; several, the answer distributions,
   * beyond noise (two-sample test, false discovery rate held across the change's edits). Null when
   * a side has no answer.
   */
  changed: boolean | null;
  /** The modal answers differ, as the prompt compares answers (with several samples: maybe noise). */
  differs: boolean;
  /** The test's p-value when samples allowed one; null otherwise. */
  p: number | null;
  /**
   * The base version passed its checks and this version fails (by the majority of samples), and
   * the edit made it: judged on the same outputs, or on one sample a version, or with versions
   * sampled apart whose answers changed beyond noise. A regression of this change.
   */
  regression: boolean;
  fix: boolean;
  /**
   * The verdict flipped, but the two versions were sampled apart and their answers do not differ
   * beyond noise: shown, and neither a regression nor a fix of this change.
   */
  withinNoise: boolean;
  /** The base version was sent in this run (false: judged on this version's outputs). */
  rerun: boolean;
}

/**
 * The effect of each edited pair. `headOf` gives this run's observation of a pair, `baseOf` the
 * base version's observation from the same run for pairs that were re-sent. Pairs whose request
 * did not change (only the reading or the checks did) are judged by reading this run's outputs
 * the base's way: the cleanest A/B there is, the very same outputs.
 */
export function editEffects(
  pairs: readonly EditedPair[],
  headOf: (pair: EditedPair) => Observation | undefined,
  baseOf: (pair: EditedPair) => Observation | undefined,
  view: HistoryView,
): EditEffect[] {
  const effects = pairs.flatMap((pair): Judged[] => {
    const head = headOf(pair);
    if (!head) return [];
    const base = pair.rerun ? baseOf(pair) : rejudge(head, pair.base.prompt);
    if (!base) return [];
    const before = version(base, pair.base.prompt);
    // `similar` checks need vectors this run did not fetch for the base's reading of its outputs.
    if (!pair.rerun && pair.base.prompt.expect.some((e) => e.kind === 'similar')) before.status = null;
    const after = version(head, pair.head.prompt);
    const test = versionsDiffer(answersOf(base), answersOf(head), pair.head.prompt.compare);
    const flip = before.status !== null && after.status !== null && before.status !== after.status;
    // An edit of the request and of the checks or reading at once: this run's outputs read the
    // base's way show whether the checks edit alone flips the verdict, which no noise explains.
    const sameOutputs = flip && pair.rerun ? version(rejudge(head, pair.base.prompt), pair.base.prompt).status : null;
    const flipsOnSameOutputs = sameOutputs !== null && sameOutputs !== after.status;
    const effect: EditEffect = {
      modelId: pair.modelId,
      key: pair.key,
      before,
      after,
      recorded: recorded(view, pair.modelId, pair.key),
      changed: test.changed,
      differs: before.answered && after.answered && !sameAnswer(before.answer, after.answer, pair.head.prompt.compare),
      p: test.p,
      regression: flip && before.status === true,
      fix: flip && before.status === false,
      withinNoise: false,
      rerun: pair.rerun,
    };
    return [{ effect, testable: test.testable, flipsOnSameOutputs }];
  });
  return decideChanged(effects);
}

/** An effect worth a row: its answers differ, or its verdict flipped (within noise or not). */
export function isNoteworthy(e: EditEffect): boolean {
  return e.differs || e.regression || e.fix || e.withinNoise;
}

/** The false discovery rate the edits' "changed beyond noise" calls are held to, across a change's edits. */
export const EDIT_FDR = 0.05;

/**
 * Whether two versions' answers differ. With too few samples to tell noise (`samplesCanTell`),
 * their modal answers, compared as the prompt compares answers. With more, the two-sample test of
 * the answer distributions, the test drift uses for the prompt (exact for categorical answers, a
 * kernel test for free text and for answers compared by similarity): its p-value, and `changed`
 * is decided across all edits by `decideChanged`.
 */
export function versionsDiffer(
  before: ReadonlyArray<string | null>,
  after: ReadonlyArray<string | null>,
  compare: Comparison,
): { changed: boolean | null; p: number | null; testable: boolean } {
  if (before.length === 0 || after.length === 0) return { changed: null, p: null, testable: false };
  if (!samplesCanTell(before.length, after.length))
    return { changed: !sameAnswer(modal(before), modal(after), compare), p: null, testable: false };
  const test = compareSamples(after, before, sampleKindFor(compare));
  return { changed: null, p: test.p, testable: test.minP <= EDIT_FDR };
}

/**
 * Whether samples this many a version can tell an edit from noise at all: the most separated
 * outcome (every base sample one answer, every edited one another) would be significant. With
 * one, two or three a version it never is (p = 1, 1/3, 1/10): their modal answers are compared,
 * and a verdict flip counts as it stands.
 */
export function samplesCanTell(before: number, after: number): boolean {
  if (before < 1 || after < 1) return false;
  return (fisherFreemanHalton([after, 0], [0, before])?.p ?? 1) <= EDIT_FDR;
}

interface Judged {
  effect: EditEffect;
  testable: boolean;
  /** The verdict flips on this run's own outputs read both ways: the checks edit made it. */
  flipsOnSameOutputs: boolean;
}

/**
 * Changed beyond noise: the Benjamini-Hochberg discoveries among the edits that have a p-value,
 * so that across many edited prompts (a model's system prompt edits them all) at most
 * `EDIT_FDR` of those called changed are expected to be noise. A verdict flip between versions
 * sampled apart counts only where the answers changed: at a temperature above 0, five samples'
 * majority flips by chance alone (see the edits bench), and a flip that fails the check must be
 * the edit's doing. Judged on the same outputs, a flip has no noise to doubt, nor has one that the
 * edit's checks or reading make on this run's own outputs.
 */
function decideChanged(judged: readonly Judged[]): EditEffect[] {
  const tested = judged.filter(({ effect }) => effect.p !== null);
  const rejected = new Set(
    benjaminiHochberg(
      tested.map(({ effect }) => effect.p!),
      EDIT_FDR,
      // Answers whose margins cannot reach the level (steady prompts) do not dilute the rest.
      tested.map(({ testable }) => testable),
    ),
  );
  tested.forEach(({ effect: e, flipsOnSameOutputs }, i) => {
    e.changed = rejected.has(i);
    if (e.rerun && !flipsOnSameOutputs && !e.changed && (e.regression || e.fix)) {
      e.withinNoise = true;
      e.regression = e.fix = false;
    }
  });
  return judged.map(({ effect }) => effect);
}

/** The answers of the samples that produced an output. */
function answersOf(o: Observation): Array<string | null> {
  return o.samples.filter((s) => s.error === null).map((s) => s.answer);
}

function version(o: Observation, spec: PromptSpec): VersionResult {
  const r = promptResult(o, spec);
  return { answer: r.answer, status: r.status, answered: r.answered };
}

/** This run's outputs read and checked as the base version reads and checks them. */
function rejudge(o: Observation, spec: PromptSpec): Observation {
  return {
    ...o,
    samples: o.samples.map((s) => {
      if (s.output === null) return s;
      return { ...s, ...judge(s.output, spec) };
    }),
  };
}

/** The last answered point the base history holds for this model and key, whatever its version. */
function recorded(view: HistoryView, modelId: string, key: string): EditEffect['recorded'] {
  const hash = view.lastHashOf(modelId, key);
  const last = hash === undefined ? undefined : view.previousAnswered(modelId, hash, key);
  return last ? { answer: last.answer, status: majorityVerdict(last.passed, last.checked) } : null;
}

/** A change's edits and what they did, judged in the run that tested the change. */
export interface EditComparison {
  /** How the base is named in messages: a branch or a ref. */
  baseRef: string;
  edits: EditSet;
  effects: EditEffect[];
  /** Requests sent for the base versions: re-sent pairs x samples (retries not counted). */
  extraRequests: number;
  /** Pairs whose base version was sent. */
  rerun: number;
  /** This change's verdict, by model and key, for prompts new to the base's config. */
  added: Array<{ modelId: string; key: string; status: boolean | null; answer: string | null }>;
}

/**
 * Whether a prompt of a model is one the change edited or added: its new series, drift and flips
 * are the edit's doing, judged against the base version, not the model's since the last record.
 */
function coveredByEdits(c: EditComparison): (modelId: string, key: string) => boolean {
  const covered = new Set(c.edits.pairs.map((p) => pairId(p.modelId, p.key)));
  for (const a of c.added) covered.add(pairId(a.modelId, a.key));
  return (modelId, key) => covered.has(pairId(modelId, key));
}

/** The prompt lists of a record or a summary that belong to an edit when it covers their prompt. */
type PromptLists = Pick<RecordMetrics, 'drifted' | 'flapping' | 'newSeries' | 'regressions' | 'fixes' | 'flipsP'> & {
  failing?: ReadonlyArray<{ prompt: string }>;
};

/**
 * `m` (model `modelId`'s record or summary) without the prompts `c`'s edits cover: what the model
 * did since its last record. McNemar's p is recomputed over the flips left. The one filter both
 * the check's verdict (its summary) and the comment's drift part (its report) use.
 */
export function withoutEdited<T extends PromptLists>(m: T, modelId: string, c: EditComparison): T {
  const covered = coveredByEdits(c);
  const keep = (key: string) => !covered(modelId, key);
  const regressions = m.regressions.filter(keep);
  const fixes = m.fixes.filter(keep);
  return {
    ...m,
    drifted: m.drifted.filter(keep),
    flapping: m.flapping.filter(keep),
    newSeries: m.newSeries.filter(keep),
    regressions,
    fixes,
    flipsP: mcnemarExactP(regressions.length, fixes.length),
    ...(m.failing ? { failing: m.failing.filter((f) => keep(f.prompt)) } : {}),
  };
}

export function pairId(modelId: string, key: string): string {
  return `${modelId}\u0000${key}`;
}
