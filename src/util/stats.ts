/** Small statistics used by the metrics; each is a textbook formula, named where used. */

/** Nearest-rank percentile (p in 0..100) of unsorted values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Wilson score interval for a binomial share at 95% (z = 1.96): better behaved than the
 * normal approximation for small counts and shares near 0 or 1, which is where a reliable
 * model lives. Wilson (1927), "Probable inference, the law of succession, and statistical inference".
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959964): [number, number] | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** share = part / whole, or null when there is nothing to measure. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
