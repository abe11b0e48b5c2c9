import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { PartialError } from './file.js';

/**
 * The files that paths or patterns name, as absolute paths (relative ones from `root`). A
 * pattern's segments may hold `*` and `?` (within one folder or file name) or be `**` (any
 * number of folders), which covers how `actions/download-artifact` lays artifacts out, one
 * folder per artifact or merged into one. Sorted, without duplicates; a pattern that matches
 * nothing is an error, so a missing artifact fails the merge instead of shrinking it.
 */
export async function expandPartialPaths(patterns: readonly string[], root: string): Promise<string[]> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    const matches = hasMagic(pattern) ? await glob(pattern, root) : [resolve(root, pattern)];
    if (matches.length === 0) throw new PartialError(`no partial file matches "${pattern}" (in ${root})`);
    for (const m of matches) out.add(m);
  }
  return [...out].sort();
}

function hasMagic(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

async function glob(pattern: string, root: string): Promise<string[]> {
  const normalized = pattern.replace(/\\/g, '/');
  const base = isAbsolute(normalized) ? '/' : root;
  const segments = normalized.split('/').filter((s) => s !== '' && s !== '.');
  const found: string[] = [];
  await walk(base, segments, found);
  return found;
}

async function walk(dir: string, segments: readonly string[], found: string[]): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === '**') {
    await walk(dir, rest, found); // zero folders
    for (const entry of await entries(dir)) if (entry.isDirectory()) await walk(join(dir, entry.name), segments, found);
    return;
  }
  if (!hasMagic(head)) {
    const path = join(dir, head);
    if (rest.length === 0) {
      if ((await entries(dir)).some((e) => e.name === head && e.isFile())) found.push(path);
    } else {
      await walk(path, rest, found);
    }
    return;
  }
  const re = segmentRegExp(head);
  for (const entry of await entries(dir)) {
    if (!re.test(entry.name)) continue;
    if (rest.length === 0 ? entry.isFile() : entry.isDirectory()) {
      if (rest.length === 0) found.push(join(dir, entry.name));
      else await walk(join(dir, entry.name), rest, found);
    }
  }
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function segmentRegExp(segment: string): RegExp {
  const source = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`);
}

/** A path as messages show it: relative to `root` when inside it. */
export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
