import { lstat, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { attestationsPathOf } from '../evidence/attestations.js';
import type { Git } from '../git/git.js';
import { refuseUnsafeOutput } from '../util/output-path.js';

// A history is hashed line by line: one CR added by a checkout (core.autocrlf=true, the default
// of Git for Windows) breaks every line. The files a committed run writes are marked `-text` in
// the .gitattributes of the folder it records in, committed with them, so that every later
// checkout on every platform has them byte for byte as committed.

export const ATTRIBUTES_FILE = '.gitattributes';
const HEADER = '# trackrecord: its files are checked out byte-exact on every platform (no line-ending conversion)';

/** The .gitattributes line that marks `path` (relative to the folder) `-text`; null for a path no line can name. */
export function byteExactLine(path: string): string | null {
  const posix = path.split('\\').join('/');
  if (posix === '' || posix.startsWith('../') || isAbsolute(path) || /[\u0000-\u001f\u007f]/.test(posix)) return null;
  const pattern = `/${posix.replace(/[*?[\\]/g, '\\$&')}`;
  // A pattern with a space, a quote or a leading '#'/'!' is written C-quoted, as git reads it.
  return `${/[\s"]/.test(pattern) ? JSON.stringify(pattern) : pattern} -text`;
}

/**
 * Adds the lines that keep `paths` (relative to `root`) byte-exact to `root`/.gitattributes,
 * keeping what it holds. Returns the file's relative path (for the commit), or [] when no path
 * needs a line. A .gitattributes that is not a regular file is refused (OutputPathError).
 */
export async function keepByteExact(root: string, paths: readonly string[]): Promise<string[]> {
  const file = join(root, ATTRIBUTES_FILE);
  const wanted = paths
    .filter((p) => p !== ATTRIBUTES_FILE)
    .map(byteExactLine)
    .filter((l): l is string => l !== null);
  if (wanted.length === 0) return [];
  // A link, a folder or anything but a file there is refused as every output is.
  refuseUnsafeOutput(file, { root });
  const stat = await lstat(file).catch(() => null);
  const text = stat === null ? '' : await readFile(file, 'utf8');
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = [...new Set(wanted)].filter((l) => !have.has(l));
  if (missing.length > 0) {
    const lead = text === '' || text.endsWith('\n') ? '' : '\n';
    const header = have.has(HEADER) ? [] : [HEADER];
    await writeFile(file, `${text}${lead}${[...header, ...missing].join('\n')}\n`);
  }
  return [ATTRIBUTES_FILE];
}

/**
 * The history files (open file, sealed segments, their attestations) that the checkout has with
 * CRLF line endings while git holds them with LF, and that differ in nothing else: rewritten
 * byte-exact from the index. Returns the paths rewritten, relative to `root`. A file with any
 * other change is left for the history's verification to report.
 */
export async function undoLineEndingConversion(git: Git, root: string, config: Config): Promise<string[]> {
  const history = resolve(root, config.history);
  const dir = relative(root, dirname(history)) || '.';
  if (dir.startsWith('..') || isAbsolute(dir)) return [];
  const ext = extname(history);
  const stem = basename(history, ext);
  const attestations = basename(attestationsPathOf(history), '.jsonl');
  const ours = (name: string) =>
    [stem, attestations].some((s) =>
      new RegExp(`^${escapeRegExp(s)}(?:-\\d{4,})?${escapeRegExp(s === stem ? ext : '.jsonl')}$`).test(name),
    );
  const { stdout } = await git.run(['ls-files', '--eol', '-z', '--', dir]);
  const restored: string[] = [];
  for (const entry of stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [index, work] = entry.slice(0, tab).trim().split(/\s+/);
    const path = entry.slice(tab + 1);
    if (index !== 'i/lf' || work !== 'w/crlf' || !ours(basename(path))) continue;
    const committed = await git.run(['cat-file', 'blob', `:./${path}`]).then(
      (r) => r.stdout,
      () => null,
    );
    const onDisk = await readFile(join(root, path), 'utf8').catch(() => null);
    if (committed === null || onDisk === null || onDisk.replace(/\r\n/g, '\n') !== committed) continue;
    await writeFile(join(root, path), committed);
    restored.push(path);
  }
  return restored;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
