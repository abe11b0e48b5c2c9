/**
 * Reading trackrecord's JSON Schemas: the keywords they use, and the shapes the reference tells
 * apart (keyed objects, maps, tuples, shared types), following `#/definitions/NAME` refs.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The part of draft-07 JSON Schema that trackrecord's schemas use. */
export interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  examples?: Json[];
  default?: Json;
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  minProperties?: number;
  maxProperties?: number;
  items?: Schema | Schema[];
  additionalItems?: boolean | Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  definitions?: Record<string, Schema>;
}

/** Keywords this generator renders (or deliberately skips); anything else is reported. */
export const KNOWN_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'type',
  'enum',
  'const',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'minProperties',
  'maxProperties',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'definitions',
]);

/** Object shapes that get a section of their own in the reference. */
export type SectionKind = 'object' | 'map' | 'tuple';

export function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.const !== undefined || s.enum) return [];
  if (s.properties || s.patternProperties || typeof s.additionalProperties === 'object') return ['object'];
  if (s.items) return ['array'];
  return ['any'];
}

function hasProperties(s: Schema): boolean {
  return Object.keys(s.properties ?? {}).length > 0;
}

/** The value schemas of an object used as a dictionary: [key label, pattern or null, schema]. */
export function mapValues(s: Schema): Array<[pattern: string | null, value: Schema]> {
  const values: Array<[string | null, Schema]> = Object.entries(s.patternProperties ?? {});
  if (typeof s.additionalProperties === 'object') values.push([null, s.additionalProperties]);
  return values;
}

export function isMap(s: Schema): boolean {
  return !hasProperties(s) && mapValues(s).length > 0 && typesOf(s).includes('object');
}

export function isTuple(s: Schema): boolean {
  return Array.isArray(s.items) && typesOf(s).includes('array');
}

/** Object shapes that get a section of their own: keyed objects, tuples, and maps of structure. */
export function kindOf(s: Schema, root: Schema): SectionKind | null {
  if (hasProperties(s) && typesOf(s).includes('object')) return 'object';
  if (isTuple(s)) return 'tuple';
  if (isMap(s)) {
    const values = mapValues(s);
    if (values.length > 1 || values.some(([, v]) => holdsStructure(v, root))) return 'map';
  }
  return null;
}

function holdsStructure(s: Schema, root: Schema): boolean {
  const r = deref(s, root).schema;
  if (kindOf(r, root) || isMap(r)) return true;
  return !!r.items && !Array.isArray(r.items) && typesOf(r).includes('array') && holdsStructure(r.items, root);
}

export function refName(s: Schema): string | null {
  if (!s.$ref) return null;
  const m = /^#\/definitions\/([^/]+)$/.exec(s.$ref);
  if (!m) throw new Error(`gen-docs: unsupported $ref ${s.$ref} (only #/definitions/NAME)`);
  return m[1]!;
}

/** Follows `#/definitions/NAME` refs; `name` is the last definition reached. */
export function deref(s: Schema, root: Schema): { schema: Schema; name: string | null } {
  let current = s;
  let name: string | null = null;
  for (let hops = 0; current.$ref; hops++) {
    if (hops > 20) throw new Error(`gen-docs: $ref loop at ${s.$ref}`);
    name = refName(current)!;
    const target = root.definitions?.[name];
    if (!target) throw new Error(`gen-docs: ${current.$ref} is not defined`);
    current = target;
  }
  return { schema: current, name };
}

/** A schema with a section of its own is documented there; others are "shared types". */
export function isSharedType(def: Schema, root: Schema): boolean {
  return kindOf(def, root) === null;
}
