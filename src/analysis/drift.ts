import { judge, type Vectors } from '../checks/index.js';
import type { PromptSpec } from '../config/types.js';
import type { DriftVerdict, HistoryRecord } from '../history/record.js';
import type { HistoryView } from '../history/view.js';
import type { Observation } from '../run/types.js';
import { fnv1a } from '../util/hash.js';
import { suitePermutationTest, type PromptPool } from './combine.js';
import { fisherFreemanHalton } from './exact.js';
import { benjaminiHochberg } from './fdr.js';
import { detectableShift } from './power.js';
import type { PromptResult } from './prompt-result.js';
import { poolSamples, sampleKindFor } from './two-sample.js';

/**
 * Level of the model-level decision: at most this share of an unchanged model's nights alarm.
 * One false alarm in a hundred nights: a nightly comment that cries wolf gets muted.
 */
export const DRIFT_ALPHA = 0.01;
/** False discovery rate among the prompts named as changed (Benjamini-Hochberg). */
export const DRIFT_FDR = 0.05;
/** Random splits of the suite-level permutation test: p-values resolve down to 1 / 2000. */
export const DRIFT_PERMUTATIONS = 1999;

export interface DriftInput {
  modelId: string;
  results: readonly PromptResult[];
  observations: readonly Observation[];
  specOf: (o: Observation) => PromptSpec;
  view: HistoryView;
  window: number;
  /** Seeds the permutations, so the same history and run always give the same verdict. */
  seed: string;
  /** The vectors `similar` checks read, for re-checking earlier samples. */
  vectorsOf?: (o: Observation) => Vectors | undefined;
}

/**
 * Did this model's answer distribution change tonight, beyond noise? Each prompt's samples
 * tonight are compared with its reference: every sample its series gave in the trailing window,
 * or since the last significant change within it (see referenceStart).
 * One suite-level permutation test gives the model's p-value; when it is significant, the
 * prompts whose own exact or permutation test survives Benjamini-Hochberg are named.
 */
export function assessDrift(input: DriftInput): DriftVerdict {
  const { view, modelId } = input;
  const start = referenceStart(view.recordsOf(modelId), input.window);
  const pools: PromptPool[] = [];
  const keys: string[] = [];
  input.observations.forEach((o, i) => {
    const r = input.results[i]!;
    const spec = input.specOf(o);
    const tonight = o.samples.filter((s) => s.error === null);
    if (tonight.length === 0) return;
    const vectors = input.vectorsOf?.(o);
    // Earlier samples are checked again, which `similar` checks can only be with the run's vectors (merged shards have none).
    const checked = spec.expect.length > 0 && (vectors !== undefined || !spec.expect.some((e) => e.kind === 'similar'));
    // Each earlier output is read as the run judged its own: an output checks cannot read has no
    // answer and fails. A prompt's outputs recur night after night: each distinct one is read once.
    const reading = checked ? spec : { ...spec, expect: [] };
    const read = new Map<string, { answer: string | null; pass: boolean | null }>();
    const reference: Array<{ answer: string | null; pass: boolean | null }> = [];
    for (const point of view.series(modelId, r.promptHash, r.key)) {
      if (point.run < start || !point.answered) continue;
      for (const output of view.sampleOutputs(modelId, point)) {
        if (!read.has(output)) read.set(output, judge(output, reading, vectors));
        reference.push(read.get(output)!);
      }
    }
    if (reference.length === 0) return;
    const pool = poolSamples(
      tonight.map((s) => s.answer),
      reference.map((x) => x.answer),
      sampleKindFor(spec.compare),
    );
    const passes = checked ? [...tonight.map((s) => s.pass === true), ...reference.map((x) => x.pass === true)] : null;
    pools.push({ pool, passes });
    keys.push(r.key);
  });
  if (pools.length === 0) return { significant: false, p: null, prompts: [], detectableShift: null };

  const suite = suitePermutationTest(pools, { permutations: DRIFT_PERMUTATIONS, seed: fnv1a(input.seed) });
  const significant = suite.p <= DRIFT_ALPHA;
  const own = pools.map(({ pool }, i) => {
    if (pool.constant) return { p: 1, testable: false };
    if (pool.kind === 'categorical') {
      const exact = fisherFreemanHalton(pool.counts.first, pool.counts.second);
      if (exact) return { p: exact.p, testable: exact.minP <= DRIFT_FDR };
    }
    return { p: suite.promptP[i]!, testable: true };
  });
  const named = significant
    ? benjaminiHochberg(
        own.map((x) => x.p),
        DRIFT_FDR,
        own.map((x) => x.testable),
      )
    : [];
  return {
    significant,
    p: suite.p,
    prompts: named.map((i) => keys[i]!),
    detectableShift: detectableShift(
      median(pools.map((x) => x.pool.n)),
      median(pools.map((x) => x.pool.size)),
      DRIFT_ALPHA,
    ),
  };
}

/**
 * Where the reference starts, as an index into the model's records: the trailing window (this
 * run plus window - 1 records), or the last record within it whose drift was significant. There
 * the model's behavior changed, and a reference mixing the old and the new behavior would make
 * every later night look like a change again. Every prompt restarts, named or not: most changed
 * prompts cannot be named alone (one sample a night, or a shift too small for one prompt), yet
 * together they moved the suite. A false alarm costs some power for a few nights, never validity:
 * the night after is still compared with samples of the same behavior.
 */
export function referenceStart(records: readonly HistoryRecord[], window: number): number {
  const first = Math.max(0, records.length - (window - 1));
  for (let i = records.length - 1; i >= first; i--) if (records[i]!.metrics.drift?.significant) return i;
  return first;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** A model's regressions (pass -> fail), split by the drift test's verdict. */
export interface RegressionSplit {
  /** Beyond noise: these count against the model (thresholds, outputs, annotations). */
  beyond: string[];
  /** The flips its own history explains: shown as noise, never counted as a failure. */
  within: string[];
}

/**
 * The regressions beyond noise and, apart, the flips within it. Beyond noise, with a significant
 * drift verdict: the regressions among the prompts it named, or, when the suite changed as a
 * whole but no prompt could be named alone (too little history, one sample), every regression.
 * Without significance: none. A record written before the test existed has no verdict, and then
 * every regression counts, as it did. A regression an edit made was judged against the base
 * version in the same run: no noise to doubt, it is beyond.
 *
 * The one place this split is computed: summaries and reports carry its result.
 */
export function splitByNoise(m: {
  regressions: readonly string[];
  drift?: DriftVerdict;
  editRegressions?: readonly string[];
}): RegressionSplit {
  const edited = m.editRegressions ?? [];
  const fromHistory = m.regressions.filter((key) => !edited.includes(key));
  const beyond = [...driftRegressions(fromHistory, m.drift), ...edited];
  return { beyond, within: m.regressions.filter((key) => !beyond.includes(key)) };
}

function driftRegressions(regressions: readonly string[], drift: DriftVerdict | undefined): string[] {
  if (!drift) return [...regressions];
  if (!drift.significant) return [];
  if (drift.prompts.length === 0) return [...regressions];
  const named = new Set(drift.prompts);
  return regressions.filter((key) => named.has(key));
}
