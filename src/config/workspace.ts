/**
 * Paths a config names (suite files, the history, the badge) stay inside the workspace: the
 * directory trackrecord runs in (the current directory for the CLI, GITHUB_WORKSPACE in the
 * action), which holds the config. A config is often edited by people who cannot run the job
 * (a pull request, a copied example), so it must not be able to make a run read or write files
 * elsewhere on the runner, unless it says so with `allow-outside-workspace: true`.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Why `path` (relative to `root`, or absolute) is outside the workspace `root`, or null when
 * it is inside. Symbolic links count where they lead: the nearest part of the path that exists
 * is resolved, so a link in the repository cannot point the run elsewhere.
 */
export function outsideWorkspace(root: string, path: string): string | null {
  const absolute = resolve(root, path);
  if (!within(resolve(root), absolute)) return `"${path}" is outside the workspace`;
  if (!within(real(root), real(absolute))) return `"${path}" leads outside the workspace through a symbolic link`;
  return null;
}

function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path of the nearest existing ancestor of `path`, joined with the rest of it. */
function real(path: string): string {
  let existing = path;
  for (;;) {
    try {
      return resolve(realpathSync(existing), relative(existing, path));
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return path;
      existing = parent;
    }
  }
}
