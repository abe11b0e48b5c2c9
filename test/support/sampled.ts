import type { Recording } from '../../tools/replay/index.js';
import { seededRandom } from '../../src/util/random.js';

/**
 * A model sampled at temperature 0.7 that never changes: each of its 8 prompts answers "red"
 * (which passes the prompt's check) with probability 0.6, else "blue" or "green". The replay
 * server cycles through a prompt's recordings in order, so a long random list of them is a
 * stream of independent draws from that distribution, the same on every test run.
 */
export const SAMPLED_PROMPTS = 8;
export const SAMPLED_SAMPLES = 5;
/** Nights of the unchanged model before the crafted one below. */
export const SAMPLED_NIGHTS = 5;

const question = (p: number) => `Question ${p}: which color? Reply "Answer: COLOR".`;

export const SAMPLED_SUITE = `name: colors\nprompts:\n${Array.from(
  { length: SAMPLED_PROMPTS },
  (_, p) =>
    `  - id: q${p}\n    prompt: '${question(p)}'\n    extract: { regex: "Answer: (\\\\w+)" }\n    expect:\n      - equals: red\n`,
).join('')}`;

/** Model `m` on the replay server (`steady` or `shifted` by alias) at temperature 0.7, 5 samples, fail-on-regression on. */
export function sampledConfig(baseUrl: string): string {
  return (
    `models:\n  - id: m\n    model: m\n    base-url: ${baseUrl}\n    temperature: 0.7\n` +
    `suites:\n  - path: prompts/colors.yaml\nsamples: ${SAMPLED_SAMPLES}\n` +
    `thresholds:\n  fail-on-regression: true\n`
  );
}

/**
 * `steady`: the unchanged model. Its first SAMPLED_NIGHTS nights are random draws; on the night
 * after, q0 gives red three times of five (passes), and on the next night twice (fails): a raw
 * regression that its history shows to be noise. `shifted`: the same prompts after a real
 * change, red with probability 0.1.
 */
export function sampledRecordings(): Recording[] {
  const random = seededRandom(2024);
  const draw = (red: number) => {
    const u = random();
    return u < red ? 'red' : u < red + (1 - red) / 2 ? 'blue' : 'green';
  };
  const recordings: Recording[] = [];
  for (let p = 0; p < SAMPLED_PROMPTS; p++) {
    const steady = Array.from({ length: (SAMPLED_NIGHTS + 2) * SAMPLED_SAMPLES }, () => draw(0.6));
    if (p === 0) {
      const at = SAMPLED_NIGHTS * SAMPLED_SAMPLES;
      steady.splice(
        at,
        2 * SAMPLED_SAMPLES,
        'red',
        'blue',
        'red',
        'green',
        'red',
        'blue',
        'red',
        'green',
        'red',
        'blue',
      );
    }
    for (const color of steady) recordings.push({ model: 'steady', prompt: question(p), output: `Answer: ${color}` });
    for (let i = 0; i < 50; i++)
      recordings.push({ model: 'shifted', prompt: question(p), output: `Answer: ${draw(0.1)}` });
  }
  return recordings;
}
