import { describe, expect, it } from 'vitest';
import { suitePermutationTest, rankPValues, type PromptPool } from '../../src/analysis/combine.js';
import { mcnemarExactP } from '../../src/analysis/mcnemar.js';
import { poolSamples } from '../../src/analysis/two-sample.js';

const steady = (changed: boolean): PromptPool => ({
  pool: poolSamples([changed ? 'B' : 'A'], Array<string>(29).fill('A')),
  passes: null,
});
/** Binomial standard error of a Monte Carlo p-value estimate. */
const se = (p: number, draws: number) => Math.sqrt((p * (1 - p)) / draws);

describe('suitePermutationTest', () => {
  it('reduces to the one prompt that can move: 1/30 for a change after 29 steady runs', () => {
    const r = suitePermutationTest([steady(true), steady(false), steady(false)], { permutations: 9999, seed: 2 });
    expect(Math.abs(r.p - 1 / 30)).toBeLessThan(4 * se(1 / 30, 10_000));
    expect(r.promptP[1]).toBe(1);
  });

  it('multiplies independent surprises: two such changes are (1/30)^2 together', () => {
    const r = suitePermutationTest([steady(true), steady(true)], { permutations: 49_999, seed: 4 });
    // The observed split is the single most extreme joint outcome: exact p = 1/900.
    expect(Math.abs(r.p - 1 / 900)).toBeLessThan(4 * se(1 / 900, 50_000) + 1 / 50_000);
  });

  it('on pass/fail flips between two runs is the exact McNemar test', () => {
    // 20 prompts flipped: 16 regressions (pass then fail) and 4 fixes; 30 kept their verdict.
    const flip = (regressed: boolean): PromptPool => ({
      pool: poolSamples([regressed ? 'no' : 'yes'], [regressed ? 'yes' : 'no']),
      passes: [!regressed, regressed],
    });
    const prompts = [...Array.from({ length: 16 }, () => flip(true)), ...Array.from({ length: 4 }, () => flip(false))];
    const r = suitePermutationTest(prompts, { permutations: 49_999, seed: 6 });
    const exact = mcnemarExactP(16, 4)!;
    expect(Math.abs(r.passP! - exact)).toBeLessThan(4 * se(exact, 50_000) + 1 / 50_000);
    // The answers themselves say nothing with one run on each side, so the model's p is the same.
    expect(Math.abs(r.p - exact)).toBeLessThan(4 * se(exact, 50_000) + 1 / 50_000);
  });

  it('is 1 when nothing could have moved', () => {
    expect(suitePermutationTest([steady(false)]).p).toBe(1);
  });
});

describe('rankPValues', () => {
  it('counts ties as at least as extreme', () => {
    expect([...rankPValues(new Float64Array([3, 1, 3, 2]))]).toEqual([0.5, 1, 0.5, 0.75]);
  });
});
