/**
 * The check-side types: what a prompt's checks read of it. Checks own them (config resolves
 * YAML into them), so checks import nothing of config.
 */

export type NormalizeStep = 'trim' | 'lowercase' | 'collapse-whitespace' | 'strip-punctuation' | 'strip-markdown';

/** How the answer is pulled out of a raw output before normalization. */
export type Extractor = { kind: 'regex'; pattern: string; flags: string } | { kind: 'json-path'; path: string };

/** One check on each sample's answer. Expected strings are normalized like the answer. */
export type Expectation =
  | { kind: 'equals'; value: string }
  | { kind: 'contains'; value: string }
  | { kind: 'not-contains'; value: string }
  | { kind: 'regex'; pattern: string; flags: string }
  | { kind: 'not-regex'; pattern: string; flags: string }
  | { kind: 'one-of'; values: string[] }
  | { kind: 'json-schema'; schema: Record<string, unknown> }
  | { kind: 'max-length'; value: number }
  | { kind: 'min-length'; value: number }
  | { kind: 'number'; equals: number; tolerance: number }
  /** Words: maximal runs of non-whitespace. `max` null: no upper bound. */
  | { kind: 'word-count'; min: number; max: number | null }
  /** Lines: lines holding a non-whitespace character (blank lines do not count). */
  | { kind: 'line-count'; min: number; max: number | null }
  /** Cosine similarity of the answer's and `to`'s embeddings (the model's embedding model) reaches `threshold`. */
  | { kind: 'similar'; to: string; threshold: number };

/** How two answers are judged the same, between samples and between runs. */
export type Comparison =
  | { kind: 'exact' }
  | { kind: 'similarity'; threshold: number }
  /** Cosine similarity of embeddings; `model` null: the embedding model of the model answering. */
  | { kind: 'embedding'; model: string | null; threshold: number };

/** What checks read of a prompt: how its answer is pulled out, normalized and judged. */
export interface CheckedPrompt {
  extract: Extractor | null;
  normalize: NormalizeStep[];
  expect: Expectation[];
}
