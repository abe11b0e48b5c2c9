import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../support/git.js';
import { REPO_ROOT } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

/** A repository whose `npm run build` writes `built` to dist/index.js, with `committed` committed there. */
function repoWith(committed: string, built: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  const env = { ...process.env, ...isolatedGitEnv() };
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(REPO_ROOT, 'scripts/check-dist.sh'), join(dir, 'scripts/check-dist.sh'));
  writeFileSync(join(dir, 'build.cjs'), `require('fs').writeFileSync('dist/index.js', ${JSON.stringify(built)});\n`);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'x', private: true, scripts: { build: 'node build.cjs' } }),
  );
  writeFileSync(join(dir, 'dist/index.js'), committed);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init');
  return { dir, env };
}

describe('scripts/check-dist.sh (run by .ci/run)', () => {
  it('fails when the committed dist/ differs from a fresh build', () => {
    const { dir, env } = repoWith('old bundle', 'new bundle');
    const result = spawnSync('bash', ['scripts/check-dist.sh'], { cwd: dir, env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/dist\/ differs from a fresh build/);
    expect(result.stderr).toMatch(/M dist\/index\.js/);
  });

  it('passes when the committed dist/ is what the build produces', () => {
    const { dir, env } = repoWith('same bundle', 'same bundle');
    const result = spawnSync('bash', ['scripts/check-dist.sh'], { cwd: dir, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/dist\/ matches a fresh build/);
  });
});
