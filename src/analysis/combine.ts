import { seededRandom } from '../util/random.js';
import { splitDrawer, type PooledSamples } from './two-sample.js';

/** One prompt's pooled samples and, where it has checks, whether each pooled sample passed. */
export interface PromptPool {
  pool: PooledSamples;
  /** Per pooled item (same order as the pool): passed its checks; null without checks. */
  passes: readonly (boolean | null)[] | null;
}

export interface SuiteTestResult {
  /** The model-level p-value: nothing changed tonight on any prompt. */
  p: number;
  /** Each prompt's own permutation p-value from the same random splits (1 for a constant pool). */
  promptP: number[];
  /** The pass-count component's p-value; null when no pooled sample's verdict can move. */
  passP: number | null;
}

/**
 * One test for the whole suite, by nonparametric combination (Pesarin and Salmaso, 2010). If the
 * model did not change, each prompt's samples tonight are a uniformly random subset of its pooled
 * samples (tonight's and the reference's), independently across prompts. Each random draw splits
 * every prompt's pool anew; per prompt the statistic becomes a p-value by its rank among the
 * draws and the observed split, and the draw's combined statistic is Fisher's
 * sum of -log p over the prompts, plus one more term for the number of samples that pass their
 * checks (two-sided: pass rates moving either way). The model's p-value is the share of draws
 * (the observed one included) whose combined statistic is at least the observed one. Prompts whose
 * pool is constant move no statistic and drop out, so a suite of steady prompts does not dilute
 * the ones that changed, and with one sample per run, a prompt that has alternated between two
 * answers gives an unremarkable split while one steady for the whole window that changes is as
 * unlikely as 1 in its pool size.
 */
export function suitePermutationTest(
  prompts: readonly PromptPool[],
  options: { permutations?: number; seed?: number } = {},
): SuiteTestResult {
  const B = options.permutations ?? 1999;
  const random = seededRandom(options.seed ?? 1);
  const live = prompts.map((x, i) => ({ x, i })).filter(({ x }) => !x.pool.constant);
  const stats = live.map(({ x }) => {
    const s = new Float64Array(B + 1);
    s[0] = x.pool.observed;
    return s;
  });
  const passing = live.map(({ x }) => x.passes?.map((v) => (v === true ? 1 : 0)) ?? null);
  const passCounts = new Float64Array(B + 1);
  let passExpected = 0;
  let passMoves = false;
  live.forEach(({ x }, k) => {
    const flags = passing[k];
    if (!flags) return;
    const total = flags.reduce((a: number, b) => a + b, 0);
    passExpected += (x.pool.n * total) / x.pool.size;
    if (total > 0 && total < x.pool.size) passMoves = true;
    for (let i = 0; i < x.pool.n; i++) passCounts[0] = passCounts[0]! + flags[i]!;
  });
  const drawers = live.map(({ x }) => splitDrawer(x.pool.size, x.pool.n, random));
  for (let b = 1; b <= B; b++) {
    live.forEach(({ x }, k) => {
      const chosen = drawers[k]!();
      stats[k]![b] = x.pool.statistic(chosen);
      const flags = passing[k];
      if (flags) for (const i of chosen) passCounts[b] = passCounts[b]! + flags[i]!;
    });
  }

  const combined = new Float64Array(B + 1);
  const promptP = prompts.map(() => 1);
  live.forEach(({ i }, k) => {
    const p = rankPValues(stats[k]!);
    promptP[i] = p[0]!;
    for (let b = 0; b <= B; b++) combined[b] = combined[b]! - Math.log(p[b]!);
  });
  let passP: number | null = null;
  if (passMoves) {
    const deviation = passCounts.map((c) => Math.round(Math.abs(c - passExpected) * 1e9) / 1e9);
    const p = rankPValues(deviation);
    passP = p[0]!;
    for (let b = 0; b <= B; b++) combined[b] = combined[b]! - Math.log(p[b]!);
  }
  const quantized = combined.map((c) => Math.round(c * 1e9) / 1e9);
  return { p: live.length === 0 ? 1 : rankPValues(quantized)[0]!, promptP, passP };
}

/** For each value, the share of all values at least as large (ties count as at least as large). */
export function rankPValues(values: Float64Array): Float64Array {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]!);
  const out = new Float64Array(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) out[order[k]!] = (j + 1) / values.length;
    i = j + 1;
  }
  return out;
}
