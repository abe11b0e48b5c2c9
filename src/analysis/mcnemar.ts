/**
 * Exact McNemar test on paired pass/fail outcomes: of the prompts that flipped between two runs,
 * `regressions` went pass -> fail and `fixes` fail -> pass. With no real change each flip is a
 * coin toss, so the two-sided p-value is the binomial(n = regressions + fixes, 1/2) probability of
 * a split at least this lopsided. One flip alone gives p = 1: it proves nothing.
 * McNemar (1947); the exact form is the sign test on the discordant pairs.
 */
export function mcnemarExactP(regressions: number, fixes: number): number | null {
  const n = regressions + fixes;
  if (n === 0) return null;
  const k = Math.min(regressions, fixes);
  // Sum C(n, i) / 2^n for i <= k, in log space so large n cannot overflow.
  let tail = 0;
  let logChoose = 0; // log C(n, 0)
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logChoose - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}
