import { logChoose } from './exact.js';

/**
 * The smallest shift of one prompt's answers that its exact test detects with the given power:
 * a share `delta` of its answers moves to an answer never given in the reference. Tonight's n
 * samples then hold j ~ Binomial(n, delta) new answers, and against a reference of N - n samples
 * that all agree, the exact test's p-value for j new answers is C(n, j) / C(N, j) (the chance
 * that every copy of the new answer falls among tonight's samples). The shift is detected when
 * that p-value is at most alpha, that is when j >= j*, so the power is P(Binomial(n, delta) >= j*),
 * and the result is the delta where it reaches `power`. Null when no j <= n is enough: the
 * reference is too small for one prompt to be judged on its own.
 */
export function detectableShift(n: number, pooled: number, alpha: number, power = 0.8): number | null {
  if (n < 1 || pooled <= n) return null;
  let needed = -1;
  for (let j = 1; j <= n; j++) {
    if (logChoose(n, j) - logChoose(pooled, j) <= Math.log(alpha)) {
      needed = j;
      break;
    }
  }
  if (needed < 0) return null;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (binomialTail(n, needed, mid) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** P(Binomial(n, p) >= k). */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let tail = 0;
  for (let j = k; j <= n; j++) tail += Math.exp(logChoose(n, j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
  return Math.min(1, tail);
}
