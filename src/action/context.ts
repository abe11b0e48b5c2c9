import type { Config } from '../config/types.js';
import type { Signer } from '../evidence/keys.js';
import type { GitHubContext } from '../github/context.js';
import type { ActionHost } from './host.js';
import type { ActionSettings } from './settings.js';

/** Everything a mode needs, resolved once by the entry point. */
export interface ActionContext {
  /** The runner: log, annotations, groups. */
  host: ActionHost;
  settings: ActionSettings;
  config: Config;
  github: GitHubContext;
  env: NodeJS.ProcessEnv;
  /** The repository checkout (GITHUB_WORKSPACE). */
  root: string;
  /** Signs appended records (TRACKRECORD_SIGNING_KEY), or null. */
  signer: Signer | null;
}

/** What a mode hands back to the entry point, which sets outputs and fails the job once. */
export interface ModeResult {
  summary: import('../analysis/summary.js').RunSummary;
  markdown: string;
  /** Path of the written markdown report. */
  reportPath: string;
  /**
   * Path of the history file the run recorded on, when it is not the config's: on a data branch,
   * a copy of the open file as committed (the branch's worktree is removed).
   */
  historyPath?: string;
  /** Track mode: the run's in-toto Statement and its predicate alone (for actions/attest). */
  statement?: { statement: string; predicate: string };
  failures: string[];
  /** Check mode: the change's edits, so that a regression an edit made is annotated on the edited line. */
  edits?: import('../analysis/edit-effect.js').EditComparison | null;
}
