/**
 * Calibration of what a pull request's edits are said to have done (`npm run bench`): the
 * base's version and the change's version of 40 sampled prompts (checks on every prompt, a
 * temperature above 0), simulated through the same judging as a real check, seeded.
 *
 * - false alarms per edit that changes nothing (a model's system prompt the model ignores), at 5
 *   samples a version: the share of such edits with any prompt called changed, and with any
 *   regression of the pull request (which fails the check); target <= 0.05 each;
 * - power when the edit breaks a quarter of the prompts (their passing answer never comes): the
 *   share of such edits with a regression of the pull request, at 10 samples a version; target
 *   >= 0.8 (the figure at 5 samples is shown beside it).
 */
import { editEffects } from '../src/analysis/edit-effect.js';
import { findEdits } from '../src/analysis/edits.js';
import type { Config, PromptSpec } from '../src/config/types.js';
import { HistoryView } from '../src/history/view.js';
import { toSample } from '../src/run/execute.js';
import type { Observation } from '../src/run/types.js';
import { seededRandom } from '../src/util/random.js';
import type { BenchResult } from './report.js';
import { simulatedConfig, simulatedModel } from '../tools/simulated/config.js';

const PROMPTS = 40;
const EDITS = 200;

const prompts: PromptSpec[] = Array.from({ length: PROMPTS }, (_, p) => ({
  id: `p${p}`,
  messages: [{ role: 'user', content: `prompt ${p}` }],
  extract: { kind: 'regex', pattern: 'Answer: (\\S+)', flags: '' },
  normalize: [],
  compare: { kind: 'exact' },
  expect: [{ kind: 'equals', value: `value-${p}` }],
  location: { file: 'bench.yaml', line: p + 1 },
}));

function config(system: string | null, samples: number): Config {
  return simulatedConfig([simulatedModel({ system })], prompts, { suite: 'sim', samples });
}

/** Each prompt answers its value (which passes) with probability 0.6 to 0.95, else one of 2 or 3 others. */
function shapes(random: () => number) {
  return prompts.map(() => ({ modal: 0.6 + 0.35 * random(), others: 2 + Math.floor(random() * 2) }));
}

function observe(
  p: number,
  shape: { modal: number; others: number },
  random: () => number,
  top: number,
  samples: number,
): Observation {
  const prompt = prompts[p]!;
  return {
    modelId: 'sim',
    suite: 'sim',
    promptId: prompt.id,
    promptHash: `h${p}`,
    checksHash: `c${p}`,
    samples: Array.from({ length: samples }, () => {
      const u = random();
      const other = 1 + Math.floor(random() * shape.others);
      const output = `Answer: ${u < top ? `value-${p}` : `other-${p}-${other}`}`;
      const completion = { output, servedModel: 'sim', systemFingerprint: null, tokensIn: 5, tokensOut: 5 };
      return toSample({ ok: true, completion, latencyMs: 100, attempts: 1 }, prompt);
    }),
  };
}

/** One edit of the model's system prompt: whether any prompt was called changed, and whether any regressed. */
function edit(seed: number, samples: number, drop: (p: number) => number) {
  const random = seededRandom(seed);
  const shape = shapes(random);
  const { pairs } = findEdits(config('Be brief.', samples), config(null, samples));
  const index = (key: string) => Number(key.slice('sim/p'.length));
  const sample = (key: string, less: number) => {
    const p = index(key);
    return observe(p, shape[p]!, random, shape[p]!.modal - less, samples);
  };
  const head = new Map(pairs.map((pair) => [pair.key, sample(pair.key, drop(index(pair.key)))]));
  const base = new Map(pairs.map((pair) => [pair.key, sample(pair.key, 0)]));
  const effects = editEffects(
    pairs,
    (pair) => head.get(pair.key),
    (pair) => base.get(pair.key),
    new HistoryView(),
  );
  return { changed: effects.some((e) => e.changed === true), regressed: effects.some((e) => e.regression) };
}

/** A quarter of the prompts broken by the edit: their passing answer never comes. */
const breaks = (p: number) => (p % 4 === 0 ? 1 : 0);

function power(samples: number): number {
  let detected = 0;
  for (let i = 0; i < EDITS; i++) if (edit(100_000 + i, samples, breaks).regressed) detected += 1;
  return detected / EDITS;
}

export function editBenches(): BenchResult[] {
  let changed = 0;
  let regressed = 0;
  for (let i = 0; i < EDITS; i++) {
    const none = edit(i + 1, 5, () => 0);
    if (none.changed) changed += 1;
    if (none.regressed) regressed += 1;
  }
  const detail = (samples: number) =>
    `${EDITS} edits of a model's system prompt, ${PROMPTS} prompts x ${samples} samples a version, checked`;
  const [five, ten] = [power(5), power(10)];
  return [
    {
      name: 'edit false alarms: answers called changed',
      detail: `${detail(5)}; the edit changes nothing`,
      measured: `${changed} of ${EDITS} edits = ${(changed / EDITS).toFixed(3)}`,
      ratio: changed / EDITS / 0.05,
      target: 1,
    },
    {
      name: 'edit false alarms: regressions of the pull request',
      detail: `${detail(5)}; the edit changes nothing, so a regression would fail the check for nothing`,
      measured: `${regressed} of ${EDITS} edits = ${(regressed / EDITS).toFixed(3)}`,
      ratio: regressed / EDITS / 0.05,
      target: 1,
    },
    {
      name: 'edit power: regressions of the pull request',
      detail: `${detail(10)}; the edit breaks a quarter of the prompts (their passing answer never comes); with 5 samples a version: ${five.toFixed(2)}`,
      measured: `share of edits with a regression = ${ten.toFixed(2)}`,
      ratio: ten > 0 ? 0.8 / ten : Infinity,
      target: 1,
    },
  ];
}
