import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { runAndRecord } from '../../src/run-and-record.js';
import { REPO_ROOT, primeConfig, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The verifier docs/history.md gives readers, taken from the page itself so the page cannot go stale. */
function documentedVerifier(): string {
  const page = readFileSync(join(REPO_ROOT, 'docs/history.md'), 'utf8');
  const block = /```python\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('docs/history.md has no python block');
  return block[1]!;
}

describe('docs/history.md', () => {
  it('gives a standalone verifier that accepts a real history and catches a changed byte', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'c.yml': primeConfig(server.baseUrl, 'gpt-4-0314'), 'verify.py': documentedVerifier() });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    for (let i = 0; i < 3; i++) await runAndRecord(config, { root, env: {}, useHistory: true, regressions: false });
    const history = join(root, config.history);
    const python = (file: string) => spawnSync('python3', ['verify.py', file], { cwd: root, encoding: 'utf8' });

    const intact = python(history);
    expect(intact.error).toBeUndefined();
    expect(intact).toMatchObject({ status: 0, stdout: 'chain intact\n' });

    writeFileSync(history, readFileSync(history, 'utf8').replace('"trigger":"cli"', '"trigger":"cl1"'));
    const tampered = python(history);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toBe(`${history} line 2: chain broken\n`);
  });
});
