import { fisherFreemanHalton, logChoose } from './exact.js';
import { kernelMatrix, mmdSquared } from './hamming.js';
import { seededRandom } from '../util/random.js';
import type { Comparison } from '../config/types.js';

/** How answers are compared: by their counts (categorical) or by their characters (free text). */
export type SampleKind = 'categorical' | 'text';

/**
 * Two sets of samples pooled for a permutation test: items 0..n-1 are the first set (tonight),
 * the rest the second (the reference). The statistic of any split is larger the more the two
 * sides differ; under "same distribution" every split of the pool into n and N - n is equally
 * likely, which is what the permutation p-values rest on.
 */
export interface PooledSamples {
  kind: SampleKind;
  /** Size of the first set, and of the pool. */
  n: number;
  size: number;
  /** Every pooled value is the same: every split looks alike, so nothing can be detected. */
  constant: boolean;
  /** The statistic of the split that puts the items at `chosen` (n indices) on the first side. */
  statistic(chosen: readonly number[]): number;
  /** The statistic of the observed split. */
  observed: number;
  /** Pooled counts of the first side and the second, per distinct value (categorical tests). */
  counts: { first: number[]; second: number[] };
}

/**
 * Categorical when answers repeat (at most one distinct answer per two samples), else free text.
 * The choice looks at the pooled samples only, so it is the same for every split and keeps the
 * permutation test exact.
 */
export function sampleKind(pooled: readonly (string | null)[]): SampleKind {
  const distinct = new Set(pooled).size;
  return distinct <= Math.max(1, Math.floor(pooled.length / 2)) ? 'categorical' : 'text';
}

/**
 * How a prompt's answers are tested: answers compared by similarity or embeddings are free text
 * (the text kernel, never the embeddings); exact answers are categorical when they repeat.
 */
export function sampleKindFor(compare: Comparison): SampleKind | 'auto' {
  return compare.kind === 'exact' ? 'auto' : 'text';
}

/** Rounded so that equal splits tie exactly whatever order their terms were summed in. */
function quantize(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function poolSamples(
  first: readonly (string | null)[],
  second: readonly (string | null)[],
  kind: SampleKind | 'auto' = 'auto',
): PooledSamples {
  const pooled = [...first, ...second];
  const resolved = kind === 'auto' ? sampleKind(pooled) : kind;
  const index = new Map<string | null, number>();
  const ids = pooled.map((v) => {
    let id = index.get(v);
    if (id === undefined) index.set(v, (id = index.size));
    return id;
  });
  const values = [...index.keys()];
  const n = first.length;
  const size = pooled.length;
  const firstCounts = values.map(() => 0);
  const secondCounts = values.map(() => 0);
  ids.forEach((id, i) => ((i < n ? firstCounts : secondCounts)[id]! += 1));
  const pooledCounts = values.map((_, k) => firstCounts[k]! + secondCounts[k]!);

  let statistic: (chosen: readonly number[]) => number;
  if (resolved === 'categorical') {
    // -log P(first side's counts) under the multivariate hypergeometric: the exact test's ordering.
    // Built one chosen item at a time: C(c, x) / C(c, x - 1) = (c - x + 1) / x.
    const whole = logChoose(size, n);
    const seen = new Int32Array(values.length);
    statistic = (chosen) => {
      let logP = -whole;
      for (const i of chosen) {
        const id = ids[i]!;
        const x = (seen[id] = seen[id]! + 1);
        logP += Math.log((pooledCounts[id]! - x + 1) / x);
      }
      for (const i of chosen) seen[ids[i]!] = 0;
      return quantize(-logP);
    };
  } else {
    const kernel = kernelMatrix(values);
    const rowSums = ids.map((a) => ids.reduce((s, b) => s + kernel[a]![b]!, 0));
    const total = rowSums.reduce((s, r) => s + r, 0);
    statistic = (chosen) =>
      quantize(
        mmdSquared(
          [...chosen].sort((a, b) => a - b),
          ids,
          kernel,
          rowSums,
          total,
        ),
      );
  }
  const observedSplit = Array.from({ length: n }, (_, i) => i);
  return {
    kind: resolved,
    n,
    size,
    constant: values.length <= 1 || n === 0 || n === size,
    statistic,
    observed: statistic(observedSplit),
    counts: { first: firstCounts, second: secondCounts },
  };
}

/** Draws uniformly random splits of a pool: a partial Fisher-Yates shuffle of the item order. */
export function splitDrawer(size: number, n: number, random: () => number): () => readonly number[] {
  const order = Array.from({ length: size }, (_, i) => i);
  const chosen: number[] = new Array(n);
  return () => {
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (size - i));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
      chosen[i] = order[i]!;
    }
    return chosen;
  };
}

export interface SampleComparison {
  /** Probability, if both sets came from one distribution, of a difference at least this large. */
  p: number;
  /** The test statistic: -log P(table) for categorical answers, MMD^2 for free text. */
  statistic: number;
  kind: SampleKind;
  /** Whether p is exact (every table or split enumerated) rather than a permutation estimate. */
  exact: boolean;
  /**
   * The smallest p any split of these pooled answers could give (exact categorical test: the
   * margins'); 0 where not worked out. A test whose smallest p exceeds the level can never reject.
   */
  minP: number;
}

export interface CompareOptions {
  /** Random splits for a permutation p-value when exact enumeration is too large (default 1999). */
  permutations?: number;
  seed?: number;
}

/**
 * Do two sets of samples of one prompt come from the same answer distribution? Categorical
 * answers: the Fisher-Freeman-Halton exact test on the answer counts. Free text: the MMD with a
 * Hamming kernel over characters, with an exact permutation p-value when the splits are few
 * enough to enumerate, else the Monte Carlo one, (b + 1) / (B + 1) for b of B random splits at
 * least as extreme (valid at any B; Phipson and Smyth, 2010).
 */
export function compareSamples(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
  kind: SampleKind | 'auto' = 'auto',
  options: CompareOptions = {},
): SampleComparison {
  const pool = poolSamples(a, b, kind);
  const base = { statistic: pool.observed, kind: pool.kind };
  if (pool.constant) return { ...base, p: 1, exact: true, minP: 1 };
  if (pool.kind === 'categorical') {
    const exact = fisherFreemanHalton(pool.counts.first, pool.counts.second);
    if (exact) return { ...base, p: exact.p, exact: true, minP: exact.minP };
  }
  const permutations = options.permutations ?? 1999;
  if (logChoose(pool.size, pool.n) <= Math.log(permutations + 1)) {
    let extreme = 0;
    let splits = 0;
    forEachSubset(pool.size, pool.n, (chosen) => {
      splits += 1;
      if (pool.statistic(chosen) >= pool.observed) extreme += 1;
    });
    return { ...base, p: extreme / splits, exact: true, minP: 0 };
  }
  const draw = splitDrawer(pool.size, pool.n, seededRandom(options.seed ?? 1));
  let extreme = 0;
  for (let i = 0; i < permutations; i++) if (pool.statistic(draw()) >= pool.observed) extreme += 1;
  return { ...base, p: (extreme + 1) / (permutations + 1), exact: false, minP: 0 };
}

/** Calls `visit` with every n-subset of 0..size-1, in lexicographic order. */
export function forEachSubset(size: number, n: number, visit: (chosen: readonly number[]) => void): void {
  const chosen = Array.from({ length: n }, (_, i) => i);
  if (n > size) return;
  for (;;) {
    visit(chosen);
    let i = n - 1;
    while (i >= 0 && chosen[i] === size - n + i) i--;
    if (i < 0) return;
    chosen[i]! += 1;
    for (let j = i + 1; j < n; j++) chosen[j] = chosen[j - 1]! + 1;
  }
}
