import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/prime.js';

const dist = join(REPO_ROOT, 'dist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

/** The files Node loads before running `file`: it and everything it imports statically. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, chunk] of read(file).matchAll(/^import\s[^;]*?["']\.\/(?:chunks\/)?([^"']+\.js)["']/gm)) {
    staticClosure(join('chunks', chunk!.replace(/^chunks\//, '')), seen);
  }
  return seen;
}

/**
 * The npm packages bundled into a file: esbuild marks each bundled module with a comment holding
 * its path, in which the last node_modules/ names the package (nested installs included).
 */
function packagesIn(file: string): Set<string> {
  return new Set(
    [...read(file).matchAll(/^\/\/ (?:[^\n]*\/)?node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)].map((m) => m[1]!),
  );
}

describe('the action bundle (scripts/build.mjs)', () => {
  // Each of these is needed by some runs only; loading them at start cost most of the start-up budget.
  const onFirstUse = ['@octokit/core', '@actions/http-client', 'undici', 'tunnel', 'badge-maker', 'anafanafo'];

  it('loads Octokit, its HTTP client and badge-maker on first use, not at start', () => {
    const atStart = new Set([...staticClosure('index.js')].flatMap((file) => [...packagesIn(file)]));
    expect(atStart).toContain('openai');
    expect(atStart).toContain('yaml');
    for (const name of onFirstUse) expect(atStart, name).not.toContain(name);
  });

  it('still bundles them, into chunks the entry imports dynamically', () => {
    const chunks = readdirSync(join(dist, 'chunks')).map((c) => join('chunks', c));
    const inChunks = new Set(chunks.flatMap((file) => [...packagesIn(file)]));
    for (const name of onFirstUse) expect(inChunks, name).toContain(name);
    const dynamic = [...read('index.js').matchAll(/import\(["']\.\/chunks\/([^"']+)["']\)/g)].map((m) => m[1]);
    expect(dynamic.length).toBeGreaterThanOrEqual(2);
  });
});
