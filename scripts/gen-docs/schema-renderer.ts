/**
 * Renders one schema as a `## ` part of a reference page: a table per section (the root, each
 * keyed object, map and tuple, depth first), then the shared types.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constraints, description, keysRule } from './columns.js';
import { code, link, plural, prose, sentence, table, value } from './markdown.js';
import {
  KNOWN_KEYWORDS,
  type Schema,
  type SectionKind,
  deref,
  isMap,
  isSharedType,
  kindOf,
  mapValues,
  typesOf,
} from './schema.js';

const REPO = resolve(import.meta.dirname, '../..');

interface Section {
  /** Key paths, as a user writes them: `models[]`, `prompts[].expect[]`, `catalogs.*[]`. */
  paths: string[];
  anchor: string;
  schema: Schema;
  kind: SectionKind;
  rendered: boolean;
}

export interface Part {
  /** `## ` heading of this schema's part of the page. */
  heading: string;
  headingAnchor: string;
  file: string;
  /** Prefix of every anchor of this part, so two schemas can share a page. */
  prefix: string;
}

export class SchemaRenderer {
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

  private row(key: string, s: Schema, path: string, required: string, children: Section[]): string[] {
    for (const k of Object.keys(s)) {
      if (!KNOWN_KEYWORDS.has(k)) this.unsupported.push(`${this.part.file}: ${path}: ${k}`);
    }
    const type = this.typeText(s, path, children);
    const desc = description(s, path, this.root);
    if (!desc) this.undocumented.push(`${this.part.file}: ${path}`);
    return [key, type, required, constraints(s, this.root).join('; '), desc];
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
      out.push(
        fixed ? `An array of exactly ${plural(items.length, 'item')}, by position:` : `An array, by position:`,
        '',
      );
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
      const desc = description(def, `#/definitions/${n}`, this.root);
      if (!desc) this.undocumented.push(`${this.part.file}: #/definitions/${n}`);
      return [
        `<a id="${this.typeAnchor(n)}"></a>${code(n)}`,
        def.enum || def.const !== undefined ? this.typeText(def, n, []) : this.baseType(def),
        constraints(def, this.root).join('; '),
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
