import { canonicalJson, sha256 } from '../util/hash.js';
import type { CatalogEntry } from './record.js';

/** Texts are referenced by a prefix of their SHA-256: long enough to be unique within one prompt. */
export const TEXT_REF_LENGTH = 10;
export const CATALOG_REF_LENGTH = 16;
export const HASH_REF_LENGTH = 16;

/**
 * The ref of `text` among the texts already known for its prompt: the shortest prefix of its
 * SHA-256 (from 10 hex, 2 at a time) that no other known text of the prompt starts with.
 */
export function textRef(text: string, known: { get(ref: string): string | undefined } = new Map()): string {
  const full = sha256(text);
  for (let length = TEXT_REF_LENGTH; length < full.length; length += 2) {
    const ref = full.slice(0, length);
    const holder = known.get(ref);
    if (holder === undefined || holder === text) return ref;
  }
  return full;
}

/** Whether `ref` is a valid ref of `text`: a prefix of its SHA-256 at least 10 hex long. */
export function isRefOf(ref: string, text: string): boolean {
  return ref.length >= TEXT_REF_LENGTH && sha256(text).startsWith(ref);
}

export function catalogRef(catalog: readonly CatalogEntry[]): string {
  return sha256(canonicalJson(catalog)).slice(0, CATALOG_REF_LENGTH);
}
