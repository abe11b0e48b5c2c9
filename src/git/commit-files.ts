import { isAbsolute, relative } from 'node:path';
import type { Git } from './git.js';

/** The shape of the config loader's file source (`config/load.ts`), which git/ cannot import. */
export interface CommitFiles {
  read(absolute: string): Promise<string | null>;
  name(shown: string): string;
}

/**
 * The files of one commit as the config loader reads them: paths under the Git's working
 * directory come from `git cat-file` at `ref`, so a config or suite of another version loads
 * (and fails) exactly like the working tree's, with messages naming `label:path` and the line.
 * Paths outside it (built-in suites) are not part of the commit: the loader reads those itself.
 */
export async function commitFiles(git: Git, ref: string, label = ref): Promise<CommitFiles> {
  // Paths in `ref:path` are from the repository's top; the working directory may be below it.
  const prefix = (await git.run(['rev-parse', '--show-prefix'])).stdout.trim();
  return {
    async read(absolute) {
      const path = relative(git.cwd, absolute);
      if (path.startsWith('..') || isAbsolute(path)) return null;
      return git.show(ref, `${prefix}${path.split('\\').join('/')}`);
    },
    name: (shown) => `${label}:${shown}`,
  };
}
