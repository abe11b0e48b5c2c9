/**
 * What ajv says when it refuses a json-schema check's schema, in the words of a suite author,
 * and where in the schema it is: the loader points at that key of the suite file.
 */
import { formatProblem } from './formats.js';

export interface SchemaProblem {
  message: string;
  /** Keys from the schema's root to the part refused; empty for the whole schema. */
  at: Array<string | number>;
}

/** Keywords JSON Schema defines as annotations only: a check naming one would check nothing. */
const ANNOTATIONS: Record<string, string> = {
  contentMediaType: 'check the text with "pattern" instead',
  contentEncoding: 'check the text with "pattern" or "format: byte" instead',
  contentSchema: 'parse the content with an extract step and check it there',
};

/** Turns ajv's compile error `message` about `schema` into a located problem. */
export function schemaProblem(message: string, schema: unknown): SchemaProblem {
  const format = /^unknown format "(.*)" ignored in schema at path "#(.*)"$/.exec(message);
  if (format !== null) {
    const name = format[1]!;
    return { message: formatProblem(name) ?? message, at: [...pointerPath(format[2]!, schema), 'format'] };
  }
  const missing = /^strict mode: missing type "(.*)" for keyword "(.*)" at "#(.*)" \(strictTypes\)$/.exec(message);
  if (missing !== null) {
    const [types, keyword] = [missing[1]!.split(','), missing[2]!];
    const type = types.includes('string') ? 'string' : types[0]!;
    return {
      message:
        `"${keyword}" checks only ${types.join(' or ')} values and this schema does not say its type: ` +
        `add "type: ${type}" beside it, or a value of another type passes unchecked`,
      at: [...pointerPath(missing[3]!, schema), keyword],
    };
  }
  const unknown = /^strict mode: unknown keyword: "(.*)"$/.exec(message);
  if (unknown !== null) {
    const keyword = unknown[1]!;
    const hint = ANNOTATIONS[keyword];
    return {
      message:
        hint === undefined
          ? `unknown keyword "${keyword}" would check nothing; remove it or fix its spelling`
          : `"${keyword}" is only an annotation in JSON Schema and checks nothing; ${hint}`,
      at: findKey(schema, keyword) ?? [],
    };
  }
  // The meta-schema's own errors name where in the schema: "schema is invalid: data/type must be ...".
  const invalid = /^schema is invalid: data(\/\S*)? /.exec(message);
  if (invalid !== null) return { message, at: pointerPath(invalid[1] ?? '', schema) };
  const at = /at "#([^"]*)"/.exec(message);
  return { message: message.replace(/^strict mode: /, ''), at: at === null ? [] : pointerPath(at[1]!, schema) };
}

/** `/properties/a~1b/items/0` -> `['properties', 'a/b', 'items', 0]`: indexes where the schema holds a list. */
function pointerPath(pointer: string, schema: unknown): Array<string | number> {
  if (pointer === '' || pointer === '/') return [];
  const path: Array<string | number> = [];
  let node = schema;
  for (const raw of pointer.slice(1).split('/')) {
    const key = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The first place, depth first, where an object of `node` has the key `key`. */
function findKey(node: unknown, key: string): Array<string | number> | null {
  if (node === null || typeof node !== 'object') return null;
  if (!Array.isArray(node) && Object.hasOwn(node, key)) return [key];
  for (const [k, child] of Object.entries(node)) {
    const below = findKey(child, key);
    if (below !== null) return [Array.isArray(node) ? Number(k) : k, ...below];
  }
  return null;
}
