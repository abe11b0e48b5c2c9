import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

// The TypeScript loader, named by its file: the test runs in a folder with no node_modules.
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs the CLI's entry from source with its stdout closed before it writes, as `| head -1` leaves it. */
function runWithClosedStdout(argv: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/index.ts'), ...argv], {
      cwd,
      env: { PATH: process.env['PATH'] },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** What a plain `trackrecord init` writes. */
async function initFiles(): Promise<string[]> {
  const cwd = tempDir();
  expect((await runCli(['init'], cwd)).code).toBe(0);
  return readdirSync(cwd, { recursive: true, encoding: 'utf8' }).sort();
}

describe('the CLI with its output closed early', () => {
  it('`trackrecord init | head -1` ends quietly, with no EPIPE stack trace', async () => {
    for (const argv of [['init'], ['--help']]) {
      const cwd = tempDir();
      const result = await runWithClosedStdout(argv, cwd);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // init still wrote every file, though nobody read what it said.
      if (argv[0] === 'init')
        expect(readdirSync(cwd, { recursive: true, encoding: 'utf8' }).sort()).toEqual(await initFiles());
    }
  }, 30_000);
});
