import { tmpdir } from 'node:os';
import { basename, relative, resolve } from 'node:path';
import type { EditComparison } from '../analysis/edit-effect.js';
import { buildRecords } from '../analysis/records.js';
import { ConfigError } from '../config/errors.js';
import type { Config } from '../config/types.js';
import { attestationsPathOf, describeAttestations, describeEnvelopes } from '../evidence/attestations.js';
import { commitFiles } from '../git/commit-files.js';
import { fetchIfPresent, historyFilesAt } from '../git/data-branch.js';
import { Git } from '../git/git.js';
import { HistoryError } from '../history/errors.js';
import { readRecent, type HistoryRead } from '../history/read.js';
import { emptyContext } from '../history/verify.js';
import { HistoryView } from '../history/view.js';
import { renderCheckComment } from '../report/check-comment.js';
import type { SigningNote } from '../evidence/attestations.js';
import { failingPrompts, specLookup } from '../analysis/failing.js';
import { buildReport } from '../report/data/report.js';
import { sinceLastRecord, summarize, withEditRegressions, type RunSummary } from '../analysis/summary.js';
import { thresholdFailures } from '../report/thresholds.js';
import type { ProgressSink } from '../run/progress.js';
import { baseConfigFrom, compareEdits, editFailures } from './compare-edits.js';
import { runSuites } from './engine.js';
import { readVerifiedHistory, runsNeeded } from './run-and-record.js';
import { count } from '../util/numbers.js';

/** What a check of a change reports: the verdict, the failures it makes, and the comment. */
export interface ChangeVerdict {
  /** The models' own drift and flips since the last record, plus the flips the change's edits made. */
  summary: RunSummary;
  /** Broken thresholds, one sentence each: the models' regressions beyond noise, and the edits'. */
  failures: string[];
}

/**
 * The one way a change is judged, by `trackrecord run --compare-with` and the action's check
 * mode alike: thresholds on what the models did since the last record (the edited prompts left
 * out, as they are judged against their base version instead), and the edits' own regressions.
 */
export function judgeChange(config: Config, recorded: RunSummary, edits: EditComparison | null): ChangeVerdict {
  return {
    summary: withEditRegressions(recorded, edits),
    failures: [
      ...thresholdFailures(config, sinceLastRecord(recorded, edits), { regressions: true }),
      ...editFailures(config.thresholds, edits),
    ],
  };
}

/** Where a check tells what it does: the action's log (folded in groups) or nothing. */
export interface CheckLog {
  info(message: string): void;
  warning(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  progress?: ProgressSink;
}

export interface CheckSettings {
  config: Config;
  /** The checkout of the change. */
  root: string;
  /** The config file, as the checkout names it. */
  configPath: string;
  env: NodeJS.ProcessEnv;
  /** The branch the track record is committed on, when it is not the pull request's base. */
  historyBranch: string | null;
  /** The pull request's base branch; null outside a pull request (then no edit is compared). */
  baseRef: string | null;
}

export interface CheckResult extends ChangeVerdict {
  edits: EditComparison | null;
  /** The check's comment: the change's verdict against the base's records. */
  markdown: string;
}

/**
 * A check of a change: run it, compare it with the latest records of the base branch's history
 * (and, for a pull request, its edited prompts with their base version in the same run), and
 * word the verdict as one comment. Nothing is written to the repository.
 */
export async function checkChange(settings: CheckSettings, log: CheckLog): Promise<CheckResult> {
  const { config } = settings;
  const { history: base, config: baseConfig } = await log.group('Read the base history and config', () =>
    readBase(settings, log),
  );
  const view = new HistoryView(base.records, base.context);
  const baseRef = settings.baseRef ?? 'the current branch';
  const signing = await baseSigning(settings);
  const outcome = await log.group('Run the suites', () =>
    runSuites(config, { env: settings.env, progress: log.progress, warn: (m) => log.warning(m) }),
  );
  // The base's records as read: "last recorded" is the base's, not this run's.
  const edits = baseConfig
    ? await log.group("Run the base's version of edited prompts", () =>
        compareEdits(outcome, baseConfig, base, {
          env: settings.env,
          progress: log.progress,
          warn: (m) => log.warning(m),
          baseRef,
        }),
      )
    : null;
  if (edits) log.info(`${count(edits.rerun, 'base version')} run: ${count(edits.extraRequests, 'extra request')}`);
  const built = buildRecords(outcome, view);
  const specs = specLookup(config);
  const verdict = judgeChange(
    config,
    summarize(built.records, (id) => failingPrompts(built.view, id, specs)),
    edits,
  );
  // The base's records with this run's on top: the change's run against the base's latest.
  const report = buildReport(built.view, { models: config.models.map((m) => m.id), specs });
  return { ...verdict, edits, markdown: renderCheckComment(report, baseRef, signing, edits) };
}

/**
 * The config (and suites) as commit `ref` of the repository at `root` has them, to match a
 * change's edits with; a commit from before the config has no prompt or model. A ref that names
 * no commit is null.
 */
export async function configAtRef(
  head: Config,
  options: { root: string; configPath?: string; env: NodeJS.ProcessEnv; ref: string },
): Promise<Config | null> {
  const git = new Git(options.root, options.env);
  const sha = await git.revParse(options.ref).catch(() => null);
  if (sha === null) return null;
  const files = await commitFiles(git, sha, options.ref);
  return (await baseConfigFrom(head, { root: options.root, configPath: options.configPath, files })).config;
}

/** The signed envelopes beside the base branch's history (as fetched by baseHistory: the open file's), if any. */
async function baseSigning(settings: CheckSettings): Promise<SigningNote | null> {
  const historyPath = resolve(settings.root, settings.config.history);
  const ref = settings.historyBranch ?? settings.baseRef;
  if (ref === null) return describeAttestations(historyPath);
  const at = `refs/remotes/origin/${ref}`;
  const git = new Git(settings.root, settings.env);
  if ((await git.revParse(at)) === null) return null;
  const text = await git.show(at, relative(settings.root, attestationsPathOf(historyPath)));
  return text === null ? null : describeEnvelopes(text);
}

/**
 * The base branch's records (see baseHistory) and, for a pull request, its config: the
 * definitions edits are matched with (without a pull request, no edits to compare).
 */
async function readBase(
  settings: CheckSettings,
  log: CheckLog,
): Promise<{ history: BaseHistory; config: Config | null }> {
  const history = await baseHistory(settings, log);
  const { baseRef } = settings;
  if (baseRef === null) return { history, config: null };
  const git = new Git(settings.root, settings.env);
  // baseHistory fetched the pull request's base already, unless the history lives on its own branch.
  const fetched = settings.historyBranch === null || settings.historyBranch === baseRef;
  if (!fetched && !(await fetchIfPresent(git, 'origin', baseRef))) return { history, config: null };
  const sha = (await git.revParse(`refs/remotes/origin/${baseRef}`)) ?? `refs/remotes/origin/${baseRef}`;
  return { history, config: await baseConfigAt(settings, log, git, sha, baseRef) };
}

/**
 * The config (and suites) as the base commit has them, loaded like the checkout's, so that edits
 * can be matched by identity. A base without the config file has no prompt or model: everything
 * is new, and listed so. A base config that does not load is reported, and the check goes on
 * without comparing edits.
 */
async function baseConfigAt(
  settings: CheckSettings,
  log: CheckLog,
  git: Git,
  sha: string,
  baseRef: string,
): Promise<Config | null> {
  const files = await commitFiles(git, sha, baseRef);
  try {
    const base = await baseConfigFrom(settings.config, { root: settings.root, configPath: settings.configPath, files });
    if (base.missing) log.info(`${baseRef} has no ${settings.configPath}: every prompt and model is new`);
    return base.config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.warning(`the config on ${baseRef} does not load, so edits are not compared with it: ${error.message}`);
    return null;
  }
}

/** The base branch's latest records, and the texts and catalogs they refer to from earlier lines. */
type BaseHistory = Pick<HistoryRead, 'records' | 'context'>;

const NONE: BaseHistory = { records: [], context: emptyContext() };

/**
 * The records on the base branch: fetched from origin (the history's own branch when set, else
 * the pull request's base), else the checkout's own files. A base history that does not verify
 * is reported and compared with nothing: a check must never be judged against records that
 * cannot be trusted.
 */
async function baseHistory(settings: CheckSettings, log: CheckLog): Promise<BaseHistory> {
  const { config, root, env } = settings;
  const ref = settings.historyBranch ?? settings.baseRef;
  if (ref === null) return await readVerifiedHistory(config, root);
  const git = new Git(root, env);
  const copy = (await fetchIfPresent(git, 'origin', ref))
    ? await historyFilesAt(
        git,
        `refs/remotes/origin/${ref}`,
        config.history,
        env['RUNNER_TEMP'] || tmpdir(),
        runsNeeded(config),
      )
    : null;
  if (copy === null) {
    log.info(`${ref} has no ${config.history} yet: every prompt starts a new series`);
    return NONE;
  }
  try {
    const read = await readRecent(copy.path, runsNeeded(config), { firstSealed: copy.firstSealed });
    log.info(`${count(read.records.length, 'record')} on ${ref}`);
    return read;
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    log.warning(
      `the history on ${ref} does not verify (${basename(error.file)}${error.line > 0 ? ` line ${error.line}` : ''}: ${error.reason}); comparing with nothing`,
    );
    return NONE;
  } finally {
    await copy.remove();
  }
}
