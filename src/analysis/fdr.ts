/**
 * Benjamini-Hochberg step-up at level q (Benjamini and Hochberg, 1995): with p-values sorted
 * p(1) <= ... <= p(m), reject the k smallest for the largest k with p(k) <= k q / m. The false
 * discovery rate is at most q for independent tests.
 *
 * `testable` (optional) leaves out hypotheses that could never be rejected because the smallest
 * p-value their margins allow exceeds q (Tarone, 1990; Gilbert, 2005): with exact conditional
 * tests the margins are fixed under the null, so dropping them keeps the guarantee and stops a
 * suite of steady prompts from diluting the few that can be judged.
 * Returns the indices rejected, in input order.
 */
export function benjaminiHochberg(pValues: readonly number[], q: number, testable?: readonly boolean[]): number[] {
  const candidates = pValues.map((p, i) => ({ p, i })).filter(({ i }) => testable?.[i] ?? true);
  const m = candidates.length;
  candidates.sort((a, b) => a.p - b.p);
  let k = 0;
  candidates.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) * q) / m) k = rank + 1;
  });
  return candidates
    .slice(0, k)
    .map(({ i }) => i)
    .sort((a, b) => a - b);
}
