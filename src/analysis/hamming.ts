/**
 * The Hamming kernel over characters and the maximum mean discrepancy (MMD) it induces, for
 * free-text answers. Gao, Liang and Guestrin ("Model Equality Testing: Which Model Is This API
 * Serving?", ICLR 2025, arXiv:2410.20247) found an MMD test with a simple Hamming string kernel
 * powerful at telling two language-model output distributions apart from about ten samples per
 * prompt; here it compares one prompt's samples tonight with its reference samples.
 */

/** Characters compared per text: differences past this point are not seen, and cost stays bounded. */
export const HAMMING_LENGTH = 256;

/**
 * k(x, y) = (1/L) * #{positions i < L where x[i] = y[i]}, both texts padded to length L by a pad
 * symbol (which matches itself) and cut at L. With L fixed for a pool, k is a sum of per-position
 * indicator kernels, hence positive definite, and k(x, x) = 1. `null` (no answer) matches only null.
 */
export function hammingKernel(x: string | null, y: string | null, length: number): number {
  if (x === null || y === null) return x === y ? 1 : 0;
  if (length === 0) return 1;
  const lx = Math.min(x.length, length);
  const ly = Math.min(y.length, length);
  let same = length - Math.max(lx, ly); // positions where both are padding
  const shared = Math.min(lx, ly);
  for (let i = 0; i < shared; i++) if (x.charCodeAt(i) === y.charCodeAt(i)) same += 1;
  return same / length;
}

/** The kernel between every pair of distinct values, with L = the longest value (at most HAMMING_LENGTH). */
export function kernelMatrix(values: readonly (string | null)[]): Float64Array[] {
  const length = Math.min(
    HAMMING_LENGTH,
    values.reduce((longest, v) => Math.max(longest, v?.length ?? 0), 0),
  );
  const rows = values.map(() => new Float64Array(values.length));
  for (let i = 0; i < values.length; i++) {
    rows[i]![i] = 1;
    for (let j = i + 1; j < values.length; j++) {
      const k = hammingKernel(values[i]!, values[j]!, length);
      rows[i]![j] = k;
      rows[j]![i] = k;
    }
  }
  return rows;
}

/**
 * Biased MMD^2 between the pooled items at `chosen` (tonight) and the rest (reference):
 * mean k(S, S) + mean k(R, R) - 2 mean k(S, R), with `ids[i]` the distinct value of item i.
 * `rowSums[i]` = sum_j k(item i, item j) and `total` = their sum make each evaluation O(n^2).
 */
export function mmdSquared(
  chosen: readonly number[],
  ids: readonly number[],
  kernel: readonly Float64Array[],
  rowSums: readonly number[],
  total: number,
): number {
  const n = chosen.length;
  const m = ids.length - n;
  if (n === 0 || m === 0) return 0;
  let ss = 0;
  let rows = 0;
  for (const a of chosen) {
    rows += rowSums[a]!;
    const ka = kernel[ids[a]!]!;
    for (const b of chosen) ss += ka[ids[b]!]!;
  }
  const sr = rows - ss;
  const rr = total - 2 * rows + ss;
  return ss / (n * n) + rr / (m * m) - (2 * sr) / (n * m);
}
