/** How close two answers are, for deciding whether samples and runs agree. */
import type { Comparison } from './types.js';
import { similarity, type Vectors } from './embedding.js';

// Tokens: maximal runs of Unicode letters and digits, lowercased. Punctuation and
// whitespace only separate tokens, so "Paris." and "paris" are the same answer.
const TOKEN = /[\p{L}\p{N}]+/gu;

function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/**
 * SQuAD-style token F1, symmetric in its arguments:
 *   overlap   = Σ over distinct tokens t of min(count_a(t), count_b(t))   (multiset)
 *   precision = overlap / |tokens(a)|,  recall = overlap / |tokens(b)|
 *   F1        = 2 · precision · recall / (precision + recall), 0 when overlap is 0
 * Two texts without any token score 1; exactly one without tokens scores 0.
 */
export function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return ta.length === tb.length ? 1 : 0;

  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of tb) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap += 1;
      counts.set(t, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / ta.length;
  const recall = overlap / tb.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * Whether two answers count as the same. A missing answer (null) equals only another null.
 * `compare: embedding` reads `vectors` (the embedding model's, fetched by the run); two answers
 * without both vectors count as the same only when equal.
 */
export function sameAnswer(a: string | null, b: string | null, compare: Comparison, vectors?: Vectors): boolean {
  if (a === null || b === null) return a === b;
  if (a === b || compare.kind === 'exact') return a === b;
  if (compare.kind === 'similarity') return tokenF1(a, b) >= compare.threshold;
  return (similarity(a, b, vectors) ?? -Infinity) >= compare.threshold;
}
