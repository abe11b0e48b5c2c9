import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * Brings committed generated files up to date with what their generator renders, or with
 * `check`, only reports the stale ones. Returns the exit code: 1 when `check` finds stale files.
 */
export function syncGenerated(what: string, files: Record<string, string>, check: boolean): number {
  const stale = Object.keys(files).filter((file) => readOrNull(file) !== files[file]);
  if (check) {
    if (stale.length === 0) return 0;
    process.stderr.write(`${what} are out of date: run npm run generate\n${stale.map((f) => `  ${f}\n`).join('')}`);
    return 1;
  }
  for (const file of stale) {
    writeFileSync(join(REPO, file), files[file]!);
    process.stdout.write(`wrote ${file}\n`);
  }
  if (stale.length === 0) process.stdout.write(`${what} are up to date\n`);
  return 0;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(join(REPO, file), 'utf8');
  } catch {
    return null;
  }
}
