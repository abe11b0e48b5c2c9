/**
 * `npm run generate`: writes the configuration and history record references from the JSON Schemas.
 *
 *   npx tsx scripts/gen-docs.ts           write docs/configuration.md and docs/record.md
 *   npx tsx scripts/gen-docs.ts --check   write nothing; exit 1 listing the files that are stale
 *
 * The schemas are the single source: every key, type, default, constraint and description in the
 * reference comes from them, so improving a description means editing the schema and rerunning
 * this script. test/docs/reference.test.ts fails when the committed files differ from the output.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncGenerated } from './lib/generated.js';

const REPO = resolve(import.meta.dirname, '..');

export const REFERENCE_FILES = ['docs/configuration.md', 'docs/record.md'] as const;
export type ReferenceFile = (typeof REFERENCE_FILES)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The part of draft-07 JSON Schema that trackrecord's schemas use. */
interface Schema {
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

// ---------------------------------------------------------------------------------------------
// Markdown helpers

/** An inline code span that survives backticks in its content. */
function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

/** A JSON value as written in YAML: strings bare unless they would read as something else. */
function value(v: Json): string {
  if (typeof v === 'string') {
    const ambiguous = v === '' || v.trim() !== v || /^(true|false|null|~|-?\d+(\.\d+)?)$/i.test(v);
    return code(ambiguous ? JSON.stringify(v) : v);
  }
  return code(JSON.stringify(v));
}

/** Prose from a schema: `<` outside code spans would start an HTML tag. */
function prose(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('')
    .replace(/\s*\n\s*/g, ' ');
}

/** A table cell: one line, pipes escaped (GFM unescapes them inside code spans too). */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') || ' ';
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function link(text: string, anchor: string): string {
  return `[${text}](#${anchor})`;
}

function plural(n: number, word: string): string {
  return `${code(String(n))} ${word}${n === 1 ? '' : 's'}`;
}

/** "The text..." -> "the text..." after "Each item:", but "SHA-256..." stays. */
function continueSentence(text: string): string {
  return /^[A-Z]([a-z]|\s)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?:)]$/.test(t) ? t : `${t}.`;
}

/** Keywords this generator renders (or deliberately skips); anything else is reported. */
const KNOWN_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'examples', 'default', 'type', 'enum',
  'const', 'properties', 'patternProperties', 'additionalProperties', 'required', 'minProperties',
  'maxProperties', 'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'minimum',
  'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
  'pattern', 'format', 'definitions',
]);

// ---------------------------------------------------------------------------------------------
// Schema shapes

function typesOf(s: Schema): string[] {
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
function mapValues(s: Schema): Array<[pattern: string | null, value: Schema]> {
  const values: Array<[string | null, Schema]> = Object.entries(s.patternProperties ?? {});
  if (typeof s.additionalProperties === 'object') values.push([null, s.additionalProperties]);
  return values;
}

function isMap(s: Schema): boolean {
  return !hasProperties(s) && mapValues(s).length > 0 && typesOf(s).includes('object');
}

function isTuple(s: Schema): boolean {
  return Array.isArray(s.items) && typesOf(s).includes('array');
}

/** Object shapes that get a section of their own: keyed objects, tuples, and maps of structure. */
function kindOf(s: Schema, root: Schema): Section['kind'] | null {
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

function refName(s: Schema): string | null {
  if (!s.$ref) return null;
  const m = /^#\/definitions\/([^/]+)$/.exec(s.$ref);
  if (!m) throw new Error(`gen-docs: unsupported $ref ${s.$ref} (only #/definitions/NAME)`);
  return m[1]!;
}

/** Follows `#/definitions/NAME` refs; `name` is the last definition reached. */
function deref(s: Schema, root: Schema): { schema: Schema; name: string | null } {
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
function isSharedType(def: Schema, root: Schema): boolean {
  return kindOf(def, root) === null;
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface Section {
  /** Key paths, as a user writes them: `models[]`, `prompts[].expect[]`, `catalogs.*[]`. */
  paths: string[];
  anchor: string;
  schema: Schema;
  kind: 'object' | 'map' | 'tuple';
  rendered: boolean;
}

interface Part {
  /** `## ` heading of this schema's part of the page. */
  heading: string;
  headingAnchor: string;
  file: string;
  /** Prefix of every anchor of this part, so two schemas can share a page. */
  prefix: string;
}

class SchemaRenderer {
  private readonly root: Schema;
  private readonly defSections = new Map<string, Section>();
  private readonly shapes = new Map<string, Section>();
  private readonly sharedTypes = new Set<string>();
  readonly undocumented: string[] = [];
  /** Keywords the reference cannot show yet (schema file: key path: keyword). */
  readonly unsupported: string[] = [];
  openObjects = 0;

  constructor(
    private readonly part: Part,
    private readonly anchors: Set<string>,
  ) {
    this.root = JSON.parse(readFileSync(join(REPO, part.file), 'utf8')) as Schema;
  }

  render(): string[] {
    const p = this.part;
    const rootSection = this.newSection('', this.root, 'object', p.headingAnchor);
    const out: string[] = [`<a id="${p.headingAnchor}"></a>`, '', `## ${p.heading}`, ''];
    out.push(`Schema: [\`${p.file}\`](../${p.file}).`, '');
    if (this.root.description) out.push(prose(this.root.description), '');
    out.push(...this.body(rootSection));
    out.push(...this.renderSharedTypes());
    return out;
  }

  private anchorFor(path: string): string {
    const slug = path
      .toLowerCase()
      .replace(/\[\d*\]/g, '')
      .replace(/\*/g, 'any')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return `${this.part.prefix}${slug || 'root'}`;
  }

  private claim(anchor: string): string {
    let a = anchor;
    for (let n = 2; this.anchors.has(a); n++) a = `${anchor}-${n}`;
    this.anchors.add(a);
    return a;
  }

  private newSection(path: string, schema: Schema, kind: Section['kind'], anchor?: string): Section {
    const section: Section = {
      paths: [path],
      anchor: this.claim(anchor ?? this.anchorFor(path)),
      schema,
      kind,
      rendered: false,
    };
    if (kind === 'object' && schema.additionalProperties !== false) this.openObjects++;
    return section;
  }

  /** The section documenting `schema` at `path`, created or shared, queued under `children`. */
  private sectionFor(schema: Schema, path: string, defName: string | null, children: Section[]): Section {
    const kind = kindOf(schema, this.root)!;
    if (defName) {
      const known = this.defSections.get(defName);
      if (known) return known;
    }
    // Structurally identical inline shapes ({pattern, flags} of regex and not-regex) share one.
    const shape = defName
      ? null
      : JSON.stringify([kind, schema.properties, schema.patternProperties, schema.required, schema.items]);
    const same = shape ? this.shapes.get(shape) : undefined;
    if (same) {
      if (!same.rendered && !same.paths.includes(path)) same.paths.push(path);
      return same;
    }
    const section = this.newSection(path, schema, kind);
    if (defName) this.defSections.set(defName, section);
    if (shape) this.shapes.set(shape, section);
    children.push(section);
    return section;
  }

  /** The type column: `string`, `integer \| null`, `array of [object](#...)`, enums, refs. */
  private typeText(s: Schema, path: string, children: Section[]): string {
    const { schema: r, name } = deref(s, this.root);
    if (name && isSharedType(r, this.root)) {
      this.sharedTypes.add(name);
      return `${link(name, this.typeAnchor(name))} (${this.baseType(r)})`;
    }
    if (r.const !== undefined) return value(r.const);
    if (r.enum) return r.enum.map(value).join(' | ');
    const kind = kindOf(r, this.root);
    return typesOf(r)
      .map((t) => {
        if (t === 'object' && (kind === 'object' || kind === 'map')) {
          return link(kind, this.sectionFor(r, path, name, children).anchor);
        }
        if (t === 'object' && isMap(r)) {
          const [[, v]] = mapValues(r) as [[string | null, Schema]];
          return `map of ${this.nested(v, `${path}.*`, children)}`;
        }
        if (t === 'array' && kind === 'tuple') return link('array', this.sectionFor(r, path, name, children).anchor);
        if (t === 'array' && r.items && !Array.isArray(r.items)) {
          return `array of ${this.nested(r.items, `${path}[]`, children)}`;
        }
        return t;
      })
      .join(' | ');
  }

  /** A type inside "array of" / "map of", parenthesized when it is a union. */
  private nested(s: Schema, path: string, children: Section[]): string {
    const text = this.typeText(s, path, children);
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (c === '|' && depth === 0) return `(${text})`;
    }
    return text;
  }

  private baseType(def: Schema): string {
    if (def.const !== undefined) return typeof def.const;
    if (def.enum) return [...new Set(def.enum.map((v) => (v === null ? 'null' : typeof v)))].join(' | ');
    return this.typeText(def, '', []);
  }

  private typeAnchor(name: string): string {
    return `${this.part.prefix}type-${name.toLowerCase()}`;
  }

  /** The constraints column, grouped by the type they apply to when a key takes several. */
  private constraints(s: Schema): string[] {
    const { schema: r, name } = deref(s, this.root);
    if (name && isSharedType(r, this.root)) return []; // listed under "Shared types"
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
    if (isTuple(r) && r.minItems === r.maxItems && r.maxItems !== undefined) arr.push(`exactly ${plural(r.maxItems, 'item')}`);
    if (r.uniqueItems) arr.push('no duplicates');
    if (r.items && !Array.isArray(r.items)) {
      const inner = this.constraints(r.items);
      if (inner.length) arr.push(`each item: ${inner.join(', ')}`);
    }
    if (arr.length) out.push(label('array') + arr.join(', '));

    const obj: string[] = [];
    const keys = countRange(r.minProperties, r.maxProperties, 'key');
    if (keys) obj.push(keys);
    if (isMap(r) && !kindOf(r, this.root)) {
      for (const [pattern, v] of mapValues(r)) {
        if (pattern !== null) obj.push(`keys match ${code(pattern)}`);
        const inner = this.constraints(v);
        if (inner.length) obj.push(`each value: ${inner.join(', ')}`);
      }
    }
    if (obj.length) out.push(label('object') + obj.join(', '));
    return out;
  }

  /** The description column: the key's own words, then those of inline items and values. */
  private description(s: Schema, path: string, own = true): string {
    const { schema: r, name } = deref(s, this.root);
    const parts: string[] = [];
    const text = own ? (s.description ?? r.description) : s.description;
    if (text) parts.push(sentence(prose(text)));
    if (!name || !isSharedType(r, this.root)) {
      const inline = (label: string, inner: Schema, innerPath: string) => {
        if (refName(inner) || kindOf(inner, this.root)) return; // described in its own place
        const d = this.description(inner, innerPath, false);
        if (d) parts.push(`${label}: ${continueSentence(d)}`);
      };
      if (!kindOf(r, this.root)) {
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

  private row(key: string, s: Schema, path: string, required: string, children: Section[]): string[] {
    for (const k of Object.keys(s)) {
      if (!KNOWN_KEYWORDS.has(k)) this.unsupported.push(`${this.part.file}: ${path}: ${k}`);
    }
    const type = this.typeText(s, path, children);
    const desc = this.description(s, path);
    if (!desc) this.undocumented.push(`${this.part.file}: ${path}`);
    return [key, type, required, this.constraints(s).join('; '), desc];
  }

  private requirement(s: Schema, required: boolean, oneOf: boolean): string {
    if (required) return 'required';
    if (oneOf) return 'one of';
    const d = s.default ?? deref(s, this.root).schema.default;
    return d === undefined ? 'optional' : `default ${value(d)}`;
  }

  /** A section's table, then its child sections, depth first. */
  private body(section: Section): string[] {
    section.rendered = true;
    const s = section.schema;
    const children: Section[] = [];
    const rows: string[][] = [];
    const join = (key: string) => (section.paths[0] ? `${section.paths[0]}.${key}` : key);
    const out: string[] = [];
    let header = ['Key', 'Type', 'Required', 'Constraints', 'Description'];

    if (section.kind === 'tuple') {
      const items = s.items as Schema[];
      const fixed = s.additionalItems === false && s.minItems === items.length;
      out.push(fixed ? `An array of exactly ${plural(items.length, 'item')}, by position:` : `An array, by position:`, '');
      header = ['Index', 'Type', 'Required', 'Constraints', 'Description'];
      items.forEach((item, i) => {
        const req = i < (s.minItems ?? 0) ? 'required' : this.requirement(item, false, false);
        rows.push(this.row(code(`[${i}]`), item, `${section.paths[0]}[${i}]`, req, children));
      });
    } else {
      const oneOf = s.minProperties === 1 && s.maxProperties === 1 && !s.required?.length;
      const rule = keysRule(s.minProperties, s.maxProperties);
      if (rule) out.push(`Holds ${rule} of the keys below.`, '');
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const req = this.requirement(prop, s.required?.includes(key) ?? false, oneOf);
        rows.push(this.row(code(key), prop, join(key), req, children));
      }
      for (const [pattern, v] of mapValues(s)) {
        const key = pattern === null ? 'any other key' : `any key matching ${code(pattern)}`;
        rows.push(this.row(key, v, join('*'), 'optional', children));
      }
    }
    out.push(...table(header, rows), '');

    for (const child of children) {
      out.push(`<a id="${child.anchor}"></a>`, '', `### ${child.paths.map(code).join(', ')}`, '');
      // A key that is a string or an object describes both forms in its row, not here; an item
      // or a value has no row of its own, so its description goes here.
      const d = child.schema.description;
      const ownRow = !/(\[\]|\*)$/.test(child.paths[0]!);
      const union = typesOf(child.schema).filter((t) => t !== 'null').length > 1;
      if (d && !(ownRow && union)) out.push(sentence(prose(d)), '');
      out.push(...this.body(child));
    }
    return out;
  }

  private renderSharedTypes(): string[] {
    const names = Object.keys(this.root.definitions ?? {}).filter((n) => this.sharedTypes.has(n));
    if (names.length === 0) return [];
    const rows = names.map((n) => {
      const def = this.root.definitions![n]!;
      const desc = this.description(def, `#/definitions/${n}`);
      if (!desc) this.undocumented.push(`${this.part.file}: #/definitions/${n}`);
      return [
        `<a id="${this.typeAnchor(n)}"></a>${code(n)}`,
        def.enum || def.const !== undefined ? this.typeText(def, n, []) : this.baseType(def),
        this.constraints(def).join('; '),
        desc,
      ];
    });
    const anchor = this.claim(`${this.part.prefix}shared-types`);
    return [
      `<a id="${anchor}"></a>`,
      '',
      '### Shared types',
      '',
      'Types used by several keys above, by their name in the schema.',
      '',
      ...table(['Name', 'Type', 'Constraints', 'Description'], rows),
      '',
    ];
  }

  /** Headings for the contents list: [path label, anchor]. */
  static contents(lines: string[]): Array<[level: number, heading: string, anchor: string]> {
    const out: Array<[number, string, string]> = [];
    for (let i = 0; i < lines.length; i++) {
      const a = /^<a id="([^"]+)"><\/a>$/.exec(lines[i]!);
      const h = /^(#{2,3}) (.*)$/.exec(lines[i + 2] ?? '');
      if (a && h) out.push([h[1]!.length, h[2]!, a[1]!]);
    }
    return out;
  }
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
function keysRule(min: number | undefined, max: number | undefined): string {
  if (min === 1 && max === 1) return 'exactly one';
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${code(String(min))}` : `${code(String(min))} to ${code(String(max))}`;
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

// ---------------------------------------------------------------------------------------------
// Pages

const GENERATED =
  '<!-- Generated from schema/*.json by `npm run generate` (scripts/gen-docs.ts). Do not edit by hand: edit the schema and rerun. -->';

function notice(files: string[]): string {
  return (
    `> Generated from ${files.map((f) => `[\`${f}\`](../${f})`).join(' and ')} by \`npm run generate\`. ` +
    'Do not edit this file by hand: change the descriptions in the schema and run `npm run generate`.'
  );
}

const RAW_URL = 'https://raw.githubusercontent.com/OWNER/trackrecord/main/schema/config.schema.json';

const EDITOR_COMPLETION = [
  '<a id="editor-completion"></a>',
  '',
  '## Editor completion',
  '',
  'Editors that run the YAML language server (VS Code with the Red Hat YAML extension, Neovim,',
  'Helix, Zed, Sublime Text with LSP-yaml...) complete keys, show the descriptions above on hover',
  'and underline mistakes as you type, once they know which schema a file follows. Name it in a',
  'modeline, a comment at the top of the file:',
  '',
  '```yaml',
  `# yaml-language-server: $schema=${RAW_URL}`,
  'models:',
  '  - id: gpt-4o-mini',
  '    model: gpt-4o-mini',
  'suites:',
  '  - builtin:smoke',
  '```',
  '',
  'Replace `OWNER` with the owner of the trackrecord repository you use, and `main` with the tag',
  'your workflow pins (`uses: OWNER/trackrecord@TAG`), so that the editor checks against the',
  'schema of the version that runs. A suite file names',
  '`https://raw.githubusercontent.com/OWNER/trackrecord/main/schema/suite.schema.json` the same way.',
  '',
  'The modeline also takes a path relative to the YAML file, which works offline. With',
  'trackrecord installed from npm, the config file `.github/trackrecord.yml` can use:',
  '',
  '```yaml',
  '# yaml-language-server: $schema=../node_modules/trackrecord/schema/config.schema.json',
  '```',
  '',
  'A suite file in `prompts/` names `../node_modules/trackrecord/schema/suite.schema.json` the same',
  "way; the built-in suites in this repository's `suites/` use `../schema/suite.schema.json`.",
  '',
  'Both schemas also accept a top-level `$schema` key holding the same URL or path, and',
  'trackrecord ignores it. JetBrains IDEs read the schema from that key, and the YAML language',
  'server has added support for it too; the modeline works with every version.',
  '',
  '```yaml',
  '$schema: ../node_modules/trackrecord/schema/config.schema.json',
  'models:',
  '  # ...',
  '```',
  '',
  'To cover many files without touching them, map schemas to file patterns in the editor',
  "settings instead, e.g. VS Code's `yaml.schemas`:",
  '',
  '```json',
  '{',
  '  "yaml.schemas": {',
  '    "./node_modules/trackrecord/schema/config.schema.json": ".github/trackrecord.yml",',
  '    "./node_modules/trackrecord/schema/suite.schema.json": "prompts/*.yaml"',
  '  }',
  '}',
  '```',
  '',
];

interface PageSpec {
  title: string;
  intro: string[];
  parts: Part[];
  outro: string[];
}

const PAGES: Record<ReferenceFile, PageSpec> = {
  'docs/configuration.md': {
    title: 'Configuration reference',
    intro: [
      'trackrecord reads two kinds of YAML file: one config file (`.github/trackrecord.yml` unless',
      'told otherwise), which names the models to track and the prompt suites to run on them, and',
      'the suite files it lists. `trackrecord validate` checks both against the schemas below and',
      'reports every problem with its file, line and key path.',
    ],
    parts: [
      {
        heading: 'Config file',
        headingAnchor: 'config-file',
        file: 'schema/config.schema.json',
        prefix: '',
      },
      {
        heading: 'Suite file',
        headingAnchor: 'suite-file',
        file: 'schema/suite.schema.json',
        prefix: 'suite-',
      },
    ],
    outro: EDITOR_COMPLETION,
  },
  'docs/record.md': {
    title: 'History record reference',
    intro: [
      'Each line of the history file (`.trackrecord/history.jsonl` by default) is one JSON record:',
      'the results of one run for one model. [history.md](history.md) explains how to read and',
      'verify the file; this page lists every field.',
    ],
    parts: [
      {
        heading: 'Record',
        headingAnchor: 'record',
        file: 'schema/record.schema.json',
        prefix: '',
      },
    ],
    outro: [],
  },
};

function renderPage(spec: PageSpec, undocumented: string[], unsupported: string[]): string {
  const anchors = new Set<string>(['editor-completion']);
  const body: string[] = [];
  let openObjects = 0;
  for (const part of spec.parts) {
    const renderer = new SchemaRenderer(part, anchors);
    body.push(...renderer.render());
    undocumented.push(...renderer.undocumented);
    unsupported.push(...renderer.unsupported);
    openObjects += renderer.openObjects;
  }
  body.push(...spec.outro);

  const contents = SchemaRenderer.contents(body).map(
    ([level, heading, anchor]) => `${'  '.repeat(level - 2)}- ${link(heading, anchor)}`,
  );
  const closed =
    openObjects === 0
      ? ['Every object accepts only the keys listed for it: any other key is an error.', '']
      : [];
  const lines = [
    GENERATED,
    '',
    `# ${spec.title}`,
    '',
    notice(spec.parts.map((p) => p.file)),
    '',
    ...spec.intro,
    '',
    ...closed,
    '**Contents**',
    '',
    ...contents,
    '',
    ...body,
  ];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

function renderAll(): { files: Record<ReferenceFile, string>; undocumented: string[]; unsupported: string[] } {
  const undocumented: string[] = [];
  const unsupported: string[] = [];
  const files = {
    'docs/configuration.md': renderPage(PAGES['docs/configuration.md'], undocumented, unsupported),
    'docs/record.md': renderPage(PAGES['docs/record.md'], undocumented, unsupported),
  };
  return { files, undocumented, unsupported };
}

/** The reference pages as they should be committed, from the schemas on disk. Writes nothing. */
export function renderReference(): Record<ReferenceFile, string> {
  return renderAll().files;
}

/** Keys the reference shows without a description (schema file: key path), for the schema authors. */
export function undocumentedKeys(): string[] {
  return renderAll().undocumented;
}

function main(argv: string[]): number {
  if (argv.some((a) => a !== '--check')) {
    process.stderr.write(`usage: tsx scripts/gen-docs.ts [--check]\n`);
    return 2;
  }
  const { files, undocumented, unsupported } = renderAll();
  const code = syncGenerated('docs', files, argv.includes('--check'));
  if (argv.includes('--check')) return code;
  if (unsupported.length > 0) {
    process.stderr.write(
      `warning: the reference does not show these schema keywords:\n${unsupported.map((k) => `  ${k}\n`).join('')}`,
    );
  }
  if (undocumented.length > 0) {
    process.stderr.write(
      `note: ${undocumented.length} keys have no description:\n${undocumented.map((k) => `  ${k}\n`).join('')}`,
    );
  }
  return code;
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
