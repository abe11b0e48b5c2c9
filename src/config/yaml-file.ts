import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import type { ConfigIssue } from './errors.js';
import { formatPath } from './errors.js';
import { grouped } from '../util/numbers.js';

export type PathSegments = ReadonlyArray<string | number>;

/**
 * A parsed YAML file that remembers where every value came from, so validation
 * errors can name the line a person has to edit.
 */
export class YamlFile {
  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; YAML syntax errors (and duplicate keys) come back as issues, not exceptions. */
  static parse(file: string, text: string): { yaml: YamlFile | null; issues: ConfigIssue[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const issues = doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          path: '',
          message: `YAML syntax error: ${firstLine(e.message)}`,
        };
      });
      return { yaml: null, issues };
    }
    const problem = aliasProblem(doc);
    if (problem !== null) {
      const pos = lines.linePos(rangeStart(problem.node) ?? 0);
      return { yaml: null, issues: [{ file, line: pos.line, column: pos.col, path: '', message: problem.message }] };
    }
    // aliasProblem bounds what aliases expand to, in place of the library's count of them.
    return { yaml: new YamlFile(file, doc.toJS({ maxAliasCount: -1 }), doc, lines), issues: [] };
  }

  /**
   * An issue located at `path`. With `key`, points at that key of the mapping at `path`
   * (for unknown keys); otherwise at the deepest node of `path` that exists.
   */
  issue(path: PathSegments, message: string, key?: string): ConfigIssue {
    const offset = this.offsetOf(path, key);
    const pos = offset === null ? { line: 1, col: 1 } : this.lines.linePos(offset);
    const fullPath = key === undefined ? path : [...path, key];
    return { file: this.file, line: pos.line, column: pos.col, path: formatPath(fullPath), message };
  }

  /** The 1-based line of the value at `path` (or of its deepest existing parent). */
  lineOf(path: PathSegments): number {
    const offset = this.offsetOf(path);
    return offset === null ? 1 : this.lines.linePos(offset).line;
  }

  /**
   * The line of each key of the mapping at `path`, and of each item of the lists among them, as
   * `key` and `key.N`: where each part of a definition is written.
   */
  keyLines(path: PathSegments): Record<string, number> {
    const data = path.reduce<unknown>((v, s) => (v as Record<string | number, unknown> | undefined)?.[s], this.data);
    const out: Record<string, number> = {};
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return out;
    for (const [key, value] of Object.entries(data)) {
      const offset = this.offsetOf(path, key);
      if (offset !== null) out[key] = this.lines.linePos(offset).line;
      if (Array.isArray(value)) value.forEach((_, i) => (out[`${key}.${i}`] = this.lineOf([...path, key, i])));
    }
    return out;
  }

  private offsetOf(path: PathSegments, key?: string): number | null {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next.value;
      offset = rangeStart(next.value) ?? rangeStart(next.key) ?? offset;
    }
    if (key !== undefined) {
      const pair = child(node, key);
      if (pair) offset = rangeStart(pair.key) ?? offset;
    }
    return offset;
  }
}

/**
 * What aliases may add to a file, in values: this many, or ALIAS_GROWTH times the values the file
 * writes out, whichever is more. An alias shares one object in the parsed data, but validation
 * and hashing walk it expanded, so a few nested aliases ("billion laughs") would hang the run.
 * Counting only what aliases add, relative to what is written, keeps that work within a small
 * multiple of parsing the file itself: a 100,000-prompt suite reusing one `expect:` anchor loads,
 * as the same suite written out does.
 */
export const MAX_ALIASED_VALUES = 1_000_000;
export const ALIAS_GROWTH = 10;

/**
 * The first alias that cannot be used, in document order: one with no anchor before it, one
 * inside the value it names (the data would be circular), or the one past which aliases would
 * add more values than the file may take (see MAX_ALIASED_VALUES). Each alias before it is
 * pointed at its anchor (resolveTo).
 */
function aliasProblem(doc: Document): { node: Node; message: string } | null {
  let written = 0;
  visit(doc, { Node: (_, node) => void (isAlias(node) ? undefined : (written += 1)) });
  const limit = Math.max(MAX_ALIASED_VALUES, ALIAS_GROWTH * written);
  const anchors = new Map<string, Node>();
  // Expanded size of each anchored node, known once the walk has left it.
  const sizes = new Map<Node, number>();
  let added = 0;
  let problem: { node: Node; message: string } | null = null;

  const walk = (node: unknown): number => {
    if (problem !== null || node === null || typeof node !== 'object') return 0;
    if (isAlias(node)) {
      const source = anchors.get(node.source);
      const size = source === undefined ? undefined : sizes.get(source);
      if (source === undefined)
        problem = { node, message: `alias *${node.source} has no anchor &${node.source} before it` };
      else if (size === undefined) problem = { node, message: `alias *${node.source} is inside the value it names` };
      else if ((added += size) <= limit) resolveTo(node, source);
      else {
        problem = {
          node,
          message:
            `aliases add more than ${grouped(limit)} values to this file (the larger of ${grouped(MAX_ALIASED_VALUES)} ` +
            `and ${ALIAS_GROWTH} times the ${grouped(written)} it writes out); write the repeated values out, or split the file`,
        };
      }
      return size ?? 0;
    }
    const anchor = (node as Node).anchor;
    if (anchor !== undefined) anchors.set(anchor, node as Node);
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) size += isPair(item) ? walk(item.key) + walk(item.value) : walk(item);
    }
    if (anchor !== undefined) sizes.set(node as Node, size);
    return size;
  };
  walk(doc.contents);
  return problem;
}

/**
 * Makes the alias take its value from `source` when the data is built. The library finds an
 * alias's anchor by scanning every anchor and alias before it, which is quadratic in their
 * number: a suite reusing one anchor in 100,000 prompts would take hours. The walk above has
 * found the same anchor (the last one before the alias, in document order).
 */
function resolveTo(alias: Alias, source: Node): void {
  const resolve = alias.toJSON.bind(alias);
  alias.toJSON = (arg, ctx) => ctx?.anchors.get(source)?.res ?? resolve(arg, ctx);
}

function child(node: unknown, segment: string | number): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(k) === String(segment)) return { key: pair.key, value: pair.value };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
