import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigIssue } from './errors.js';
import { formatPath } from './errors.js';

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
    return { yaml: new YamlFile(file, doc.toJS({ maxAliasCount: 100 }), doc, lines), issues: [] };
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
