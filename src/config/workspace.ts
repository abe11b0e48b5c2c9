/**
 * Paths a config names (suite files, the history, the badge) stay inside the workspace: the
 * directory trackrecord runs in (the current directory for the CLI, GITHUB_WORKSPACE in the
 * action), which holds the config. A config is often edited by people who cannot run the job
 * (a pull request, a copied example), so it must not be able to make a run read or write files
 * elsewhere on the runner, unless it says so with `allow-outside-workspace: true`.
 */
import { resolve } from 'node:path';
import { confinementProblem } from '../util/output-path.js';
import { outputFilesOf } from '../util/output-files.js';
import type { ConfigIssue } from './errors.js';
import type { ModelSpec } from './types.js';
import { DEFAULTS } from './types.js';
import type { YamlFile } from './yaml-file.js';

/**
 * Why `path` (relative to `root`, or absolute) is outside the workspace `root`, or null when
 * it is inside. Symbolic links count where they lead: the nearest part of the path that exists
 * is resolved, so a link in the repository cannot point the run elsewhere.
 */
export function outsideWorkspace(root: string, path: string): string | null {
  const problem = confinementProblem(root, path);
  return problem === null ? null : `${JSON.stringify(path)} ${problem}`;
}

/**
 * Two files of a run at one path (`history:` set to the report, the badge's JSON or the
 * attestations file, say): the run would overwrite one with the other, its history first.
 * Nor over the config or a suite file. Compared without case, as macOS and Windows runners do.
 */
export function collidingOutputs(
  raw: { history?: string; badge?: string },
  models: readonly Pick<ModelSpec, 'id'>[],
  yaml: YamlFile,
  inputs: ReadonlyArray<{ path: string; what: string }> = [],
): ConfigIssue[] {
  const files = outputFilesOf({
    history: raw.history ?? DEFAULTS.history,
    badge: raw.badge ?? DEFAULTS.badge,
    modelIds: models.map((m) => m.id),
  });
  const seen = new Map<string, (typeof files)[number]>();
  const issues: ConfigIssue[] = [];
  const read = new Map(inputs.map((input) => [resolve('/', input.path).toLowerCase(), input]));
  for (const file of files) {
    const at = resolve('/', file.path).toLowerCase();
    const input = read.get(at);
    if (input && raw[file.key] !== undefined) {
      issues.push(
        yaml.issue(
          [file.key],
          `${file.what} would be written over ${input.what} (${input.path}): give it a path of its own`,
        ),
      );
      continue;
    }
    const first = seen.get(at);
    if (!first) {
      seen.set(at, file);
      continue;
    }
    const key = raw[file.key] !== undefined ? file.key : first.key;
    issues.push(
      yaml.issue(
        [key],
        `${first.what} and ${file.what} would both be written to ${file.path}: ` +
          'give `history:` and `badge:` paths whose files do not collide (for example both in .trackrecord/, as by default)',
      ),
    );
  }
  return issues;
}
