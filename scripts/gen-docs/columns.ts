/**
 * The Constraints and Description columns of a key's row. Unlike its Type column, they depend on
 * the schema alone, not on the sections rendered so far.
 */
import { code, continueSentence, plural, prose, sentence, value } from './markdown.js';
import { type Schema, deref, isMap, isSharedType, isTuple, kindOf, mapValues, refName, typesOf } from './schema.js';

/** The constraints column, grouped by the type they apply to when a key takes several. */
export function constraints(s: Schema, root: Schema): string[] {
  const { schema: r, name } = deref(s, root);
  if (name && isSharedType(r, root)) return []; // listed under "Shared types"
  const types = typesOf(r).filter((t) => t !== 'null');
  const label = (t: string) => (types.length > 1 ? `${t}: ` : '');
  const out: string[] = [];

  const str: string[] = [];
  if (r.pattern !== undefined) str.push(`pattern ${code(r.pattern)}`);
  const len = range(r.minLength, r.maxLength);
  if (len) str.push(`length ${len}`);
  if (r.format) str.push(`format ${code(r.format)}`);
  if (str.length) out.push(label('string') + str.join(', '));

  const num = numberRange(r);
  if (num) out.push(label(types.find((t) => t === 'integer' || t === 'number') ?? 'number') + num);
  if (r.multipleOf !== undefined) out.push(`multiple of ${code(String(r.multipleOf))}`);

  const arr: string[] = [];
  const count = countRange(r.minItems, r.maxItems, 'item');
  if (count && !(isTuple(r) && r.minItems === r.maxItems)) arr.push(count);
  if (isTuple(r) && r.minItems === r.maxItems && r.maxItems !== undefined)
    arr.push(`exactly ${plural(r.maxItems, 'item')}`);
  if (r.uniqueItems) arr.push('no duplicates');
  if (r.items && !Array.isArray(r.items)) {
    const inner = constraints(r.items, root);
    if (inner.length) arr.push(`each item: ${inner.join(', ')}`);
  }
  if (arr.length) out.push(label('array') + arr.join(', '));

  const obj: string[] = [];
  const keys = countRange(r.minProperties, r.maxProperties, 'key');
  if (keys) obj.push(keys);
  if (isMap(r) && !kindOf(r, root)) {
    for (const [pattern, v] of mapValues(r)) {
      if (pattern !== null) obj.push(`keys match ${code(pattern)}`);
      const inner = constraints(v, root);
      if (inner.length) obj.push(`each value: ${inner.join(', ')}`);
    }
  }
  if (obj.length) out.push(label('object') + obj.join(', '));
  return out;
}

/** The description column: the key's own words, then those of inline items and values. */
export function description(s: Schema, path: string, root: Schema, own = true): string {
  const { schema: r, name } = deref(s, root);
  const parts: string[] = [];
  const text = own ? (s.description ?? r.description) : s.description;
  if (text) parts.push(sentence(prose(text)));
  if (!name || !isSharedType(r, root)) {
    const inline = (label: string, inner: Schema, innerPath: string) => {
      if (refName(inner) || kindOf(inner, root)) return; // described in its own place
      const d = description(inner, innerPath, root, false);
      if (d) parts.push(`${label}: ${continueSentence(d)}`);
    };
    if (!kindOf(r, root)) {
      if (r.items && !Array.isArray(r.items) && typesOf(r).includes('array')) inline('Each item', r.items, `${path}[]`);
      if (isMap(r)) for (const [, v] of mapValues(r)) inline('Each value', v, `${path}.*`);
    }
    const examples = s.examples ?? r.examples;
    if (own && examples?.length) {
      parts.push(`${examples.length === 1 ? 'Example' : 'Examples'}: ${examples.map(value).join(', ')}.`);
    }
  }
  return parts.join(' ');
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return min === max ? `exactly ${code(String(min))}` : `${code(String(min))} to ${code(String(max))}`;
  }
  if (min !== undefined) return min === 0 ? '' : `at least ${code(String(min))}`;
  if (max !== undefined) return `at most ${code(String(max))}`;
  return '';
}

/** "exactly one", "at least `2`", "`1` to `3`" keys of a section's table. */
export function keysRule(min: number | undefined, max: number | undefined): string {
  if (min === 1 && max === 1) return 'exactly one';
  if (min !== undefined && max !== undefined)
    return min === max ? `exactly ${code(String(min))}` : `${code(String(min))} to ${code(String(max))}`;
  if (min !== undefined && min > 0) return min === 1 ? 'at least one' : `at least ${code(String(min))}`;
  if (max !== undefined) return `at most ${code(String(max))}`;
  return '';
}

function countRange(min: number | undefined, max: number | undefined, word: string): string {
  if (min !== undefined && max !== undefined) {
    return min === max ? `exactly ${plural(min, word)}` : `${code(String(min))} to ${plural(max, word)}`;
  }
  if (min !== undefined && min > 0) return `at least ${plural(min, word)}`;
  if (max !== undefined) return `at most ${plural(max, word)}`;
  return '';
}

function numberRange(s: Schema): string {
  const low =
    s.exclusiveMinimum !== undefined
      ? `greater than ${code(String(s.exclusiveMinimum))}`
      : s.minimum !== undefined
        ? `at least ${code(String(s.minimum))}`
        : '';
  const high =
    s.exclusiveMaximum !== undefined
      ? `less than ${code(String(s.exclusiveMaximum))}`
      : s.maximum !== undefined
        ? `at most ${code(String(s.maximum))}`
        : '';
  if (s.minimum !== undefined && s.maximum !== undefined) {
    return `${code(String(s.minimum))} to ${code(String(s.maximum))}`;
  }
  return [low, high].filter(Boolean).join(', ');
}
