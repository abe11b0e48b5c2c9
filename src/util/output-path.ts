/**
 * The one way every file trackrecord writes is checked: the history and its segments, the
 * attestations, the report, the badges, partial files. A repository (or a data branch) can
 * commit symbolic links, and a config is often edited by people who cannot run the job, so a
 * path named or derived from it must not lead a run to write elsewhere: it must stay inside the
 * workspace with every link resolved, and the file itself must not be a link (writing through it
 * changes its target while git stages the unchanged link) nor anything but a regular file.
 * Checked before the first request, and again right before each write.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { EXIT, TrackrecordError } from './errors.js';

/** A path a run may not write: names the file as given and why, and what to do. */
export class OutputPathError extends TrackrecordError {
  readonly code = 'output-path';
  readonly exitStatus = EXIT.invalid;
  override readonly scope = 'program';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file} ${reason}`);
    this.name = 'OutputPathError';
  }
}

export interface OutputCheck {
  /** The workspace the file must stay in (the config's root, or a data branch's worktree). */
  root: string;
  /** Whether the file may lie outside `root` (the config's `allow-outside-workspace: true`). */
  outside?: boolean;
}

/** Throws an OutputPathError when `path` (absolute, or relative to the root) may not be written. */
export function refuseUnsafeOutput(path: string, check: OutputCheck): void {
  const problem = outputProblem(path, check);
  if (problem !== null) throw new OutputPathError(shown(check.root, resolve(check.root, path)), problem);
}

/** Why `path` may not be written, or null when it may. */
export function outputProblem(path: string, check: OutputCheck): string | null {
  const absolute = resolve(check.root, path);
  const kind = kindOf(absolute);
  if (kind === 'link') {
    return (
      `is a symbolic link (to ${readlinkSync(absolute)}): trackrecord writes its files in place, never through a ` +
      'link; replace the link with a regular file (or remove it), or point the config at the file itself'
    );
  }
  if (kind === 'directory')
    return 'is a directory: trackrecord writes a file there; move the directory away or rename the output in the config';
  if (kind === 'other') return 'is not a regular file: remove it, or rename the output in the config';
  const confined = check.outside ? null : confinementProblem(check.root, absolute);
  if (confined !== null) return confined;
  // A link to a folder inside the workspace (or to nowhere yet) is still a link: the file would be
  // written at its target while git refuses to stage a path beyond it, after the night's requests.
  const link = linkedFolder(check.root, absolute);
  return link === null
    ? null
    : `is reached through the symbolic link ${shown(check.root, link)}: trackrecord writes its files in place, ` +
        'never through a link; replace the link with a folder, or point the config at the folder itself';
}

/** The first folder between `root` and `path` (from the root down) that is a symbolic link, or null. */
function linkedFolder(root: string, path: string): string | null {
  const top = resolve(root);
  let found: string | null = null;
  for (let dir = dirname(path); within(top, dir) && dir !== top; dir = dirname(dir)) {
    if (kindOf(dir) === 'link') found = dir;
  }
  return found;
}

/**
 * Why `path` (absolute, or relative to `root`) is outside `root`, or null when it is inside.
 * Links count where they lead: the nearest existing ancestor is resolved, and the link that
 * leads out is named.
 */
export function confinementProblem(root: string, path: string): string | null {
  const absolute = resolve(root, path);
  if (!within(resolve(root), absolute)) return 'is outside the workspace';
  const realRoot = realOf(root);
  if (within(realRoot, realOf(absolute))) return null;
  // The link that leads out: the first ancestor (from the root down) whose real path is outside.
  let link = absolute;
  for (let dir = dirname(absolute); within(resolve(root), dir) && dir !== resolve(root); dir = dirname(dir)) {
    if (!within(realRoot, realOf(dir))) link = dir;
  }
  return `leads outside the workspace through the symbolic link ${shown(root, link)}`;
}

type Kind = 'missing' | 'file' | 'link' | 'directory' | 'other';

function kindOf(path: string): Kind {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return 'link';
    if (stat.isDirectory()) return 'directory';
    return stat.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path of the nearest existing ancestor of `path`, joined with the rest of it. */
function realOf(path: string): string {
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

/** A path as messages show it: relative to the root when inside it, with forward slashes. */
function shown(root: string, path: string): string {
  const rel = relative(resolve(root), path);
  return rel && within(resolve(root), path) ? rel.split(sep).join('/') : path;
}
