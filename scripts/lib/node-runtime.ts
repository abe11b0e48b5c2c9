/**
 * A Node.js runtime of another major version, from npm's `node-<platform>-<arch>` packages (the
 * official binaries, published to the npm registry): the action runs on node24 while this
 * machine may have another Node, and promptfoo wants a newer one than ours.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface NodeRuntime {
  /** Path of the `node` binary. */
  node: string;
  /** Its version, without the leading v. */
  version: string;
}

/** `npm install --prefix` one package spec; throws with npm's last words when it fails. */
export function npmInstall(prefix: string, spec: string): void {
  mkdirSync(prefix, { recursive: true });
  const run = spawnSync('npm', ['install', '--prefix', prefix, spec, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: prefix,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (run.status !== 0) {
    const why = (run.stderr ?? '').trim().split('\n').slice(-5).join('\n');
    throw new Error(`npm install ${spec} exited ${run.status ?? run.signal}: ${why}`);
  }
}

/** Node `major` installed under `dir` (kept there: a second call reuses it). */
export function nodeRuntime(major: number, dir: string): NodeRuntime {
  const pkg = `node-${process.platform}-${process.arch}`;
  const node = join(dir, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(node)) npmInstall(dir, `${pkg}@${major}`);
  const run = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = (run.stdout ?? '').trim().replace(/^v/, '');
  if (run.status !== 0 || Number.parseInt(version, 10) !== major) {
    throw new Error(`${pkg}@${major} from npm gave ${version || 'nothing runnable'}`);
  }
  return { node, version };
}
