import { resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { lockPathOf } from '../history/lock.js';
import { sealedSegments, segmentPath } from '../history/segments.js';
import { attestationsPathOf, outputFilesOf } from '../util/output-files.js';
import { refuseUnsafeOutput, type OutputCheck } from '../util/output-path.js';

/** How the files of `config` are checked in `root` (a checkout, or a data branch's worktree). */
export function outputCheckOf(config: Pick<Config, 'allowOutsideWorkspace'>, root: string): OutputCheck {
  return { root, outside: config.allowOutsideWorkspace === true };
}

/**
 * Refuses (OutputPathError) a run whose files could not be written where they belong: every file
 * a recorded run writes (history, the segment it would be sealed as, attestations, report,
 * badges, the lock) must be a regular file or missing, inside `root` with links resolved. Called before
 * the first request and again right before the files are written.
 */
export async function refuseUnsafeOutputs(config: Config, root: string): Promise<void> {
  const check = outputCheckOf(config, root);
  const files = outputFilesOf({
    history: config.history,
    badge: config.badge,
    modelIds: config.models.map((m) => m.id),
  });
  for (const file of files) refuseUnsafeOutput(file.path, check);
  const history = resolve(root, config.history);
  // Sealed segments are only read, but are the record as much as the open file: never a link either.
  const sealed = await sealedSegments(history).catch(() => []);
  for (const path of sealed.flatMap((p) => [p, attestationsPathOf(p)])) refuseUnsafeOutput(path, check);
  const next = segmentPath(history, sealed.length + 1);
  // The lock is created exclusively (never through a link), but a link there would be read as another writer's lock.
  for (const path of [next, attestationsPathOf(next), lockPathOf(history)]) refuseUnsafeOutput(path, check);
}
