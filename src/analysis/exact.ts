/**
 * Exact conditional tests on answer counts. Under "no change", tonight's samples and the
 * reference samples are exchangeable, so given the pooled counts of each answer, tonight's counts
 * follow the multivariate hypergeometric distribution: P(x) = prod_k C(c_k, x_k) / C(N, n), where
 * c_k is answer k's pooled count, N the pooled size and n tonight's sample count.
 */

const logFactorials: number[] = [0];

/** log(k!), cached. */
export function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[k]!;
}

/** log C(n, k); -Infinity outside 0 <= k <= n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** -log P(tonight's counts) under the hypergeometric null: larger is more extreme. */
export function tableSurprise(tonight: readonly number[], pooled: readonly number[]): number {
  let n = 0;
  let total = 0;
  let logP = 0;
  for (let k = 0; k < pooled.length; k++) {
    n += tonight[k]!;
    total += pooled[k]!;
    logP += logChoose(pooled[k]!, tonight[k]!);
  }
  return logChoose(total, n) - logP;
}

export interface ExactResult {
  /** P(a table at least as improbable as the observed one). */
  p: number;
  /** The smallest p-value any table with these margins could give. */
  minP: number;
  /** Tables enumerated. */
  tables: number;
}

/** Relative tolerance when comparing table probabilities: equal tables must tie despite rounding. */
const TIE = 1e-7;

/**
 * Fisher-Freeman-Halton exact test of a 2 x K table (tonight vs reference, K answers): the sum
 * of the probabilities of every table with the same margins that is no more probable than the
 * observed one (Freeman and Halton, 1951; for K = 2 it is Fisher's two-sided exact test, as R's
 * fisher.test computes it). Returns null when more than `maxTables` tables would be enumerated:
 * the caller then uses a permutation p-value.
 */
export function fisherFreemanHalton(
  tonight: readonly number[],
  reference: readonly number[],
  maxTables = 200_000,
): ExactResult | null {
  if (tonight.length !== reference.length) throw new Error('fisherFreemanHalton: rows of different lengths');
  const pooled = tonight.map((x, k) => x + reference[k]!);
  const n = tonight.reduce((a, b) => a + b, 0);
  const total = pooled.reduce((a, b) => a + b, 0);
  const logDenominator = logChoose(total, n);
  const observed = -tableSurprise(tonight, pooled);
  // Capacity left in columns k.. so the walk never enters a branch that cannot be completed.
  const room: number[] = new Array(pooled.length + 1).fill(0);
  for (let k = pooled.length - 1; k >= 0; k--) room[k] = room[k + 1]! + pooled[k]!;

  let p = 0;
  let minLogP = Infinity;
  let minCount = 0;
  let tables = 0;
  const walk = (k: number, left: number, logP: number): boolean => {
    if (k === pooled.length - 1) {
      if (left > pooled[k]!) return true;
      const full = logP + logChoose(pooled[k]!, left) - logDenominator;
      tables += 1;
      if (tables > maxTables) return false;
      if (full <= observed + TIE * Math.max(1, Math.abs(observed))) p += Math.exp(full);
      if (minLogP === Infinity || full < minLogP - TIE * Math.max(1, Math.abs(minLogP))) {
        minLogP = full;
        minCount = 1;
      } else if (Math.abs(full - minLogP) <= TIE * Math.max(1, Math.abs(minLogP))) minCount += 1;
      return true;
    }
    const lo = Math.max(0, left - room[k + 1]!);
    const hi = Math.min(pooled[k]!, left);
    for (let x = lo; x <= hi; x++) if (!walk(k + 1, left - x, logP + logChoose(pooled[k]!, x))) return false;
    return true;
  };
  if (pooled.length === 0 || n === 0) return { p: 1, minP: 1, tables: 1 };
  if (!walk(0, n, 0)) return null;
  return { p: Math.min(1, p), minP: Math.min(1, minCount * Math.exp(minLogP)), tables };
}
