import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git } from '../../src/git/git.js';
import { tempDir } from './tmp.js';

/**
 * An environment isolated from the machine's git config: no global or system config, and
 * `user.useConfigOnly` so a commit without an explicit identity fails instead of guessing one.
 * GIT_* variables from the outer process (GIT_DIR from a hook, author overrides) are unset.
 */
export function isolatedGitEnv(): NodeJS.ProcessEnv {
  const home = tempDir();
  const globalConfig = join(home, 'gitconfig');
  writeFileSync(globalConfig, '[user]\n\tuseConfigOnly = true\n[init]\n\tdefaultBranch = main\n');
  const env: NodeJS.ProcessEnv = {};
  for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) env[key] = undefined;
  return { ...env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1' };
}

export interface Remote {
  /** The bare repository (with reflogs on, so every update of main is recorded). */
  bare: string;
  /** Git on the bare repository. */
  remoteGit: Git;
  /** The environment every Git here uses. */
  env: NodeJS.ProcessEnv;
  /** The seed commit on main. */
  seed: string;
  /** A fresh clone of the bare repository on main, without any user identity configured. */
  clone(options?: { depth?: number }): Promise<{ dir: string; git: Git }>;
}

const SEED = ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com'];

/** A temp bare repository on `main` with one seed commit (README.md, log.txt) pushed from a seed clone. */
export async function makeRemote(): Promise<Remote> {
  const env = isolatedGitEnv();
  const root = tempDir();
  const bare = join(root, 'remote.git');
  const top = new Git(root, env);
  await top.run(['init', '--quiet', '--bare', '-b', 'main', bare]);
  const remoteGit = new Git(bare, env);
  await remoteGit.run(['config', 'core.logAllRefUpdates', 'true']);

  let clones = 0;
  const clone = async (options: { depth?: number } = {}): Promise<{ dir: string; git: Git }> => {
    const dir = join(root, `clone-${++clones}`);
    const source = options.depth === undefined ? bare : `file://${bare}`;
    const depth = options.depth === undefined ? [] : ['--depth', String(options.depth)];
    await top.run(['clone', '--quiet', ...depth, source, dir]);
    return { dir, git: new Git(dir, env) };
  };

  const seedClone = await clone();
  writeFileSync(join(seedClone.dir, 'README.md'), '# seed\n');
  writeFileSync(join(seedClone.dir, 'log.txt'), 'seed\n');
  await seedClone.git.run(['add', 'README.md', 'log.txt']);
  await seedClone.git.run([...SEED, 'commit', '--quiet', '-m', 'seed']);
  await seedClone.git.run(['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
  const seed = await seedClone.git.headSha();
  return { bare, remoteGit, env, seed, clone };
}

/** Commits on main in the bare repository, oldest first, with their parents. */
export async function remoteHistory(
  remote: Remote,
): Promise<Array<{ sha: string; parents: string[]; subject: string }>> {
  const { stdout } = await remote.remoteGit.run(['log', '--reverse', '--format=%H %P%x09%s', 'main']);
  return stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [ids = '', subject = ''] = line.split('\t');
      const [sha = '', ...parents] = ids.trim().split(' ');
      return { sha, parents, subject };
    });
}

/** The paths a commit in the bare repository changed, sorted. */
export async function commitFiles(remote: Remote, sha: string): Promise<string[]> {
  const { stdout } = await remote.remoteGit.run(['show', '--name-only', '--format=', sha]);
  return stdout.trim().split('\n').sort();
}

/** Every value main has had in the bare repository, oldest first (from its reflog). */
export async function remoteTips(remote: Remote): Promise<string[]> {
  const { stdout } = await remote.remoteGit.run(['log', '-g', '--format=%H', 'refs/heads/main']);
  return stdout.trim().split('\n').reverse();
}
