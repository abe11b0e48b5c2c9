/**
 * Calibration of the drift test (`npm run bench`): simulated models through the same record
 * building as a real run, seeded, so every figure is the same on every machine.
 *
 * - false alarms per model-night for three models that never change: sampled categorical answers
 *   (5 samples, checks on every prompt), paraphrased free text (5 samples), and temperature 0
 *   with near ties on 4 prompts of 40 (1 sample); target <= 0.05;
 * - false alarms on the 5 nights after a change, the new behavior holding; target <= 0.05;
 * - power on the night of a change, after 25 unchanged nights; target >= 0.8 for each of: the
 *   modal answer's probability drops by 0.4 on a quarter of the prompts, half of the free-text
 *   prompts answer in a new way, 30% of temperature-0 prompts give a new answer;
 * - the samples per prompt needed for 80% power against a subtle change of every prompt's
 *   phrasing, with the window as the reference and with only the previous run's samples, beside
 *   Gao, Liang and Guestrin's 77.4% median power at about 10 samples per prompt (arXiv:2410.20247).
 */
import { suitePermutationTest } from '../src/analysis/combine.js';
import { DRIFT_ALPHA } from '../src/analysis/drift.js';
import { recordModel } from '../src/analysis/records.js';
import { runMetrics } from '../src/run/run-metrics.js';
import { poolSamples } from '../src/analysis/two-sample.js';
import type { PromptSpec } from '../src/config/types.js';
import { HistoryView } from '../src/history/view.js';
import { toSample } from '../src/run/execute.js';
import type { Observation } from '../src/run/types.js';
import { sha256 } from '../src/util/hash.js';
import { seededRandom } from '../src/util/random.js';
import type { BenchResult } from './report.js';
import { simulatedModel } from '../tools/simulated/config.js';

const PROMPTS = 40;
const NIGHTS = 25;
/** Nights after the change, the new behavior holding: an alarm on one of them is a false alarm too. */
const AFTER = 5;
const WINDOW = 30;

/** A simulated model: the output of one sample of prompt p, changed or not. */
type Sampler = (p: number, random: () => number, changed: boolean) => string;

interface Scenario {
  name: string;
  samples: number;
  checked: boolean;
  /** Prompts whose behavior changes on the night of the change. */
  changes: (p: number) => boolean;
  sampler: (seed: number) => Sampler;
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let u = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((u -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

/** Temperature > 0: each prompt answers one of 3 or 4 values, the modal one with probability 0.6 to 0.95. */
const categorical: Scenario = {
  name: 'sampled categorical (5 samples)',
  samples: 5,
  checked: true,
  changes: (p) => p % 4 === 0,
  sampler: (seed) => {
    const random = seededRandom(seed);
    const shapes = Array.from({ length: PROMPTS }, () => {
      const modal = 0.6 + 0.35 * random();
      const others = 2 + Math.floor(random() * 2);
      return { modal, others };
    });
    return (p, r, changed) => {
      const { modal, others } = shapes[p]!;
      const top = changed ? modal - 0.4 : modal;
      const weights = [top, ...Array<number>(others).fill((1 - top) / others)];
      const answer = pick(r, [0, 1, 2, 3].slice(0, others + 1), weights);
      return `Answer: ${answer === 0 ? `value-${p}` : `other-${p}-${answer}`}`;
    };
  },
};

const OPENINGS = ['Sure.', 'Certainly.', 'Here is the answer.', 'Good question.', 'In short:'];
const MIDDLES = ['the refund window', 'the return period', 'the time limit', 'the deadline'];
const ENDINGS = ['is thirty days.', 'lasts 30 days.', 'runs for a month.', 'is 30 days from delivery.'];

const ASIDES = ['Thanks for asking.', 'Hope this helps.', 'Let us know.', 'Happy to help.', 'Anything else?', ''];
const NOTES = ['receipt', 'order number', 'invoice', 'tracking code', 'account email', 'original box'];
const WHEN = ['today', 'this week', 'soon', 'anytime', 'by mail', 'online', 'in store', 'by phone'];

/**
 * Paraphrased prose: every sample a random phrasing, almost never the same text twice (as prose
 * at temperature 0.8 is), so the free-text test (the Hamming MMD) is what judges it even with a
 * full window; a new way of answering puts the parts in another order.
 */
const freeText: Scenario = {
  name: 'free text (5 samples)',
  samples: 5,
  checked: false,
  changes: (p) => p % 2 === 0,
  sampler: () => (p, r, changed) => {
    const any = <T>(items: readonly T[]) => items[Math.floor(r() * items.length)]!;
    const [o, m, e] = [any(OPENINGS), any(MIDDLES), any(ENDINGS)];
    const tail = `Keep your ${any(NOTES)} and ask ${any(WHEN)}. ${any(ASIDES)}`;
    return changed
      ? `${m[0]!.toUpperCase()}${m.slice(1)} for item ${p} ${e} ${tail} ${o}`
      : `${o} For item ${p}, ${m} ${e} ${tail}`;
  },
};

/** Temperature 0, one sample: 36 prompts always give one answer, 4 are near ties between two. */
const nearTies: Scenario = {
  name: 'temperature 0 with near ties (1 sample)',
  samples: 1,
  checked: true,
  changes: (p) => p % 10 < 3,
  sampler: () => (p, r, changed) => {
    if (changed) return `Answer: new-${p}`;
    if (p % 10 === 9) return `Answer: ${r() < 0.5 ? 'tie-a' : 'tie-b'}-${p}`;
    return `Answer: value-${p}`;
  },
};

function promptsFor(s: Scenario): PromptSpec[] {
  return Array.from({ length: PROMPTS }, (_, p) => ({
    id: `p${p}`,
    messages: [{ role: 'user', content: `prompt ${p}` }],
    extract: s === freeText ? null : { kind: 'regex', pattern: 'Answer: (\\S+)', flags: '' },
    normalize: [],
    compare: { kind: 'exact' },
    expect: s.checked ? [{ kind: 'equals', value: `value-${p}` }] : [],
    location: { file: 'bench.yaml', line: p + 1 },
  }));
}

const model = simulatedModel();

interface Nights {
  alarms: number;
  nights: number;
  /** Whether the change night was judged significant, and the share of changed prompts named. */
  detected: boolean;
  named: number;
  /** Alarms on the nights after the change. */
  alarmsAfter: number;
}

/** NIGHTS unchanged nights, one night where the scenario's prompts change, then AFTER nights of the new behavior. */
function simulate(s: Scenario, seed: number): Nights {
  const prompts = promptsFor(s);
  const sampler = s.sampler(seed);
  const random = seededRandom(seed * 7919 + 1);
  const view = new HistoryView();
  let alarms = 0;
  let judged = 0;
  let alarmsAfter = 0;
  let last = null as null | { significant: boolean; prompts: string[] };
  for (let night = 0; night <= NIGHTS + AFTER; night++) {
    const change = night >= NIGHTS;
    const observations: Observation[] = prompts.map((prompt, p) => ({
      modelId: model.id,
      suite: 'sim',
      promptId: prompt.id,
      promptHash: sha256(`${s.name}/${prompt.id}`),
      checksHash: sha256(`${s.name}/${prompt.id}/checks`),
      samples: Array.from({ length: s.samples }, () => {
        const output = sampler(p, random, change && s.changes(p));
        const completion = { output, servedModel: 'sim', systemFingerprint: null, tokensIn: 5, tokensOut: 5 };
        return toSample({ ok: true, completion, latencyMs: 100, attempts: 1 }, prompt);
      }),
    }));
    const info = {
      id: `${seed}-${night}`,
      startedAt: new Date(Date.UTC(2026, 0, 1) + night * 86_400_000).toISOString(),
      trigger: 'schedule',
      commit: null,
      url: null,
    };
    const record = recordModel(
      { model, observations, metrics: runMetrics(observations, () => ({ kind: 'exact' })) },
      {
        run: info,
        finishedAt: info.startedAt,
        window: WINDOW,
        samples: s.samples,
        specOf: (o) => prompts[Number(o.promptId.slice(1))]!,
        seed: `night-${night}`,
      },
      view,
    );
    const drift = record.metrics.drift!;
    if (night > 0 && !change) {
      judged += 1;
      if (drift.significant) alarms += 1;
    }
    if (night === NIGHTS) last = drift;
    if (night > NIGHTS && drift.significant) alarmsAfter += 1;
  }
  const changed = prompts.filter((_, p) => s.changes(p)).map((prompt) => `sim/${prompt.id}`);
  return {
    alarms,
    nights: judged,
    detected: last!.significant,
    named: changed.filter((k) => last!.prompts.includes(k)).length / changed.length,
    alarmsAfter,
  };
}

/** Subtle change of every prompt (the opening's weights move) at n samples: power over `reps`. */
function samplesPower(n: number, windowReference: boolean, reps: number): number {
  const random = seededRandom(1000 + n * 17 + (windowReference ? 1 : 0));
  const before = [0.4, 0.3, 0.15, 0.1, 0.05];
  const after = [0.2, 0.3, 0.25, 0.15, 0.1];
  const say = (p: number, w: number[]) =>
    `${pick(random, OPENINGS, w)} For item ${p}, ${MIDDLES[Math.floor(random() * 4)]} ${ENDINGS[Math.floor(random() * 4)]}`;
  let detected = 0;
  for (let rep = 0; rep < reps; rep++) {
    const pools = Array.from({ length: 10 }, (_, p) => {
      const refSize = windowReference ? n * (NIGHTS - 1) : n;
      const reference = Array.from({ length: refSize }, () => say(p, before));
      const tonight = Array.from({ length: n }, () => say(p, after));
      return { pool: poolSamples(tonight, reference, 'text'), passes: null };
    });
    if (suitePermutationTest(pools, { permutations: 199, seed: rep + 1 }).p <= 0.05) detected += 1;
  }
  return detected / reps;
}

export function driftBenches(): BenchResult[] {
  const results: BenchResult[] = [];
  const reps = 16;
  for (const s of [categorical, freeText, nearTies]) {
    let alarms = 0;
    let nights = 0;
    let detected = 0;
    let named = 0;
    let alarmsAfter = 0;
    for (let rep = 0; rep < reps; rep++) {
      const r = simulate(s, rep + 1);
      alarmsAfter += r.alarmsAfter;
      alarms += r.alarms;
      nights += r.nights;
      detected += r.detected ? 1 : 0;
      named += r.named;
    }
    const rate = alarms / nights;
    results.push({
      name: `drift false alarms, ${s.name}`,
      detail: `${reps} unchanged models x ${NIGHTS - 1} nights (from the second night on), window ${WINDOW}`,
      measured: `${alarms} alarms in ${nights} model-nights = ${rate.toFixed(3)}`,
      ratio: rate / 0.05,
      target: 1,
    });
    const power = detected / reps;
    results.push({
      name: `drift power, ${s.name}`,
      detail: `change on night ${NIGHTS + 1}; changed prompts named (BH, q = 0.05): ${((100 * named) / reps).toFixed(0)}% on average`,
      measured: `detected ${detected} of ${reps} = ${power.toFixed(2)}`,
      ratio: power > 0 ? 0.8 / power : Infinity,
      target: 1,
    });
    const afterRate = alarmsAfter / (reps * AFTER);
    results.push({
      name: `drift false alarms after a change, ${s.name}`,
      detail: `the ${AFTER} nights after the change, the new behavior holding: a new alarm on one of them is false`,
      measured: `${alarmsAfter} alarms in ${reps * AFTER} model-nights = ${afterRate.toFixed(3)}`,
      ratio: afterRate / 0.05,
      target: 1,
    });
  }
  const reach = (windowReference: boolean) => {
    const curve: string[] = [];
    for (const n of [1, 2, 3, 5, 8, 10, 15]) {
      const power = samplesPower(n, windowReference, 30);
      curve.push(`${n}: ${power.toFixed(2)}`);
      if (power >= 0.8) return { n, curve };
    }
    return { n: Infinity, curve };
  };
  const window = reach(true);
  const pair = reach(false);
  results.push({
    name: 'drift samples for 80% power, subtle phrasing change on 10 free-text prompts',
    detail:
      `suite test at p <= 0.05 (the model alarms at ${DRIFT_ALPHA}); window reference (${NIGHTS - 1} runs) power ` +
      `by samples ${window.curve.join(', ')}; previous run only ` +
      `${pair.curve.join(', ')}; Gao et al. report 77.4% median power at about 10 samples per prompt`,
    measured: `${window.n} samples with the window, ${pair.n} with the previous run only`,
    ratio: window.n / 10,
    target: 1,
  });
  return results;
}
