import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/prime.js';

const SRC = join(REPO_ROOT, 'src');

/** Every .ts file of src/ and the files of src/ it imports (types too: a cycle of types is still a cycle). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(SRC, f));
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)];
      const targets = specifiers.map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
      return [file, targets.filter((t) => known.has(t))];
    }),
  );
}

/** One import cycle per file on one, as `a -> b -> a` relative to src/. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const at = path.indexOf(file);
    if (at !== -1) {
      found.push([...path.slice(at), file].map((f) => relative(SRC, f)).join(' -> '));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe('the imports of src/', () => {
  it('have no cycle between files', () => {
    const graph = importGraph();
    expect(graph.get(join(SRC, 'history/file.ts'))).toContain(join(SRC, 'history/complete.ts'));
    expect(cycles(graph)).toEqual([]);
  });
});

/** The folder of a file of src/, as the layers name it: `report/document`, `cli/commands`, `app`. */
function folderOf(file: string): string {
  return dirname(relative(SRC, file));
}

describe('the folders of src/', () => {
  it('have no cycle between them: a folder and its subfolders import one way', () => {
    const graph = new Map<string, Set<string>>();
    for (const [file, targets] of importGraph()) {
      const from = folderOf(file);
      for (const target of targets) {
        const to = folderOf(target);
        if (to === from) continue;
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
    const folders = new Map([...graph].map(([from, to]) => [join(SRC, from), [...to].map((t) => join(SRC, t))]));
    expect(folders.get(join(SRC, 'cli/commands'))).toContain(join(SRC, 'app'));
    expect(cycles(folders)).toEqual([]);
  });
});
