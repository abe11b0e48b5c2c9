/** Semantic similarity: cosine of embedding vectors, which the run fetched before checks ran. */
import type { Expectation, CheckedPrompt } from './types.js';
import { normalize } from './normalize.js';

/** An embedding vector as the endpoint returned it. */
export type Vector = ArrayLike<number>;

/**
 * The vectors a run fetched, by text, for one embedding model. Checks are pure: they read
 * vectors, never fetch them; a text without one (its request failed) cannot be judged.
 */
export type Vectors = (text: string) => Vector | undefined;

/** cos(a, b) = a·b / (|a| |b|); 0 when either is all zeros. Vectors of different lengths are a server bug. */
export function cosine(a: Vector, b: Vector): number {
  if (a.length !== b.length) throw new Error(`embeddings of different lengths: ${a.length} and ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The cosine of two texts' vectors, or null when either has none. An empty text has no meaning to embed: it is like nothing else. */
export function similarity(a: string, b: string, vectors: Vectors | undefined): number | null {
  if (a === '' || b === '') return a === b ? 1 : 0;
  const va = vectors?.(a);
  const vb = vectors?.(b);
  return va && vb ? cosine(va, vb) : null;
}

/** The texts a prompt's `similar` checks compare answers with, normalized like the answer (what gets embedded). */
export function similarTargets(prompt: Pick<CheckedPrompt, 'expect' | 'normalize'>): string[] {
  return prompt.expect.flatMap((e: Expectation) => (e.kind === 'similar' ? [normalize(e.to, prompt.normalize)] : []));
}
