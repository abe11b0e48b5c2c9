import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The folder holding trackrecord's package.json, whether running from `src/` (tests),
 * from the bundled `dist/` (CLI and action), or from an npm install.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schema'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('trackrecord: cannot find its own package folder');
    dir = parent;
  }
}

export function builtinSuitesDir(): string {
  return join(packageRoot(), 'suites');
}
