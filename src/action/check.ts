import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildRecords } from '../analysis/records.js';
import { thresholdFailures } from '../report/thresholds.js';
import { runSuites } from '../app/engine.js';
import { attestationsPathOf, describeAttestations, describeEnvelopes } from '../evidence/attestations.js';
import { fetchIfPresent, historyFilesAt } from '../git/data-branch.js';
import type { SigningNote } from '../report/document/report-document.js';
import { Git } from '../git/git.js';
import { HistoryError } from '../history/errors.js';
import { readRecent, type HistoryRead } from '../history/read.js';
import { emptyContext } from '../history/verify.js';
import { HistoryView } from '../history/view.js';
import { listSome } from '../util/numbers.js';
import { summarize } from '../report/summary.js';
import { readVerifiedHistory, runsNeeded } from '../app/run-and-record.js';
import type { ActionContext, ModeResult } from './context.js';
import type { ActionHost } from './host.js';
import { progressToLog } from './log.js';
import { renderCheckComment } from '../report/check-comment.js';
import type { EditComparison } from '../analysis/edit-effect.js';
import {
  baseConfigFrom,
  compareEdits,
  editFailures,
  sinceLastRecord,
  withEditRegressions,
} from '../app/compare-edits.js';
import { ConfigError } from '../config/errors.js';
import type { Config } from '../config/types.js';
import { commitFiles } from '../git/commit-files.js';
import { buildReport } from '../report/report.js';

export const COMMENT_MARKER = 'trackrecord:check';

/**
 * Check mode: run the change, compare with the latest records of the base branch's history, and
 * report in one sticky comment. Nothing is written to the repository.
 */
export async function checkMode(ctx: ActionContext): Promise<ModeResult> {
  const { config, github, settings } = ctx;
  const { history: base, config: baseConfig } = await ctx.host.group('Read the base history and config', () =>
    readBase(ctx),
  );
  const view = new HistoryView(base.records, base.context);
  const baseRef = github.pullRequest?.baseRef ?? 'the current branch';
  const signing = await baseSigning(ctx);

  const outcome = await ctx.host.group('Run the suites', () =>
    runSuites(config, { env: ctx.env, progress: progressToLog(ctx.host) }),
  );
  // Before this run's records join the view: "last recorded" is the base's.
  const edits = baseConfig
    ? await ctx.host.group("Run the base's version of edited prompts", () =>
        compareEdits(outcome, baseConfig, view, { env: ctx.env, progress: progressToLog(ctx.host), baseRef }),
      )
    : null;
  if (edits) {
    ctx.host.info(`${edits.rerun} base version(s) run: ${edits.extraRequests} extra request(s)`);
    annotateModelEdits(ctx.host, edits);
  }
  const recorded = summarize(buildRecords(outcome, view));
  const summary = withEditRegressions(recorded, edits);
  const reportPath = join(ctx.env['RUNNER_TEMP'] ?? resolve(ctx.root, '.trackrecord'), 'trackrecord-report.md');
  const report = buildReport(view, { models: config.models.map((m) => m.id) });
  const markdown = renderCheckComment(report, baseRef, signing, edits);
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, markdown);

  const pr = github.pullRequest;
  if (settings.comment && pr) {
    try {
      // Loaded here, not at start-up: only a run that comments needs Octokit.
      const [{ createOctokit }, { upsertStickyComment }] = await Promise.all([
        import('../github/octokit.js'),
        import('../github/comment.js'),
      ]);
      const octokit = createOctokit(settings.githubToken, github.apiUrl);
      const comment = await upsertStickyComment(octokit, {
        owner: github.repo.owner,
        repo: github.repo.repo,
        issueNumber: pr.number,
        marker: COMMENT_MARKER,
        body: markdown,
      });
      ctx.host.info(`${comment.action} the pull request comment: ${comment.url}`);
    } catch (error) {
      // A read-only token (a fork's pull request) cannot comment; the job summary still has the report.
      ctx.host.warning(
        `could not comment on the pull request: ${(error as Error).message}. Grant "permissions: pull-requests: write".`,
      );
    }
  }
  return {
    summary,
    markdown,
    reportPath,
    failures: [
      ...thresholdFailures(config.thresholds, sinceLastRecord(recorded, edits), { regressions: true }),
      ...editFailures(config.thresholds, edits),
    ],
    edits,
  };
}

/** The signed envelopes beside the base branch's history (as fetched by baseHistory: the open file's), if any. */
async function baseSigning(ctx: ActionContext): Promise<SigningNote | null> {
  const historyPath = resolve(ctx.root, ctx.config.history);
  const ref = ctx.settings.branch ?? ctx.github.pullRequest?.baseRef;
  if (ref === undefined) return describeAttestations(historyPath);
  const at = `refs/remotes/origin/${ref}`;
  if ((await new Git(ctx.root, ctx.env).revParse(at)) === null) return null;
  const text = await new Git(ctx.root, ctx.env).show(at, relative(ctx.root, attestationsPathOf(historyPath)));
  return text === null ? null : describeEnvelopes(text);
}

/**
 * The base branch's records (see baseHistory) and, for a pull request, its config: the
 * definitions edits are matched with (without a pull request, no edits to compare).
 */
async function readBase(ctx: ActionContext): Promise<{ history: BaseHistory; config: Config | null }> {
  const history = await baseHistory(ctx);
  const pr = ctx.github.pullRequest;
  if (!pr) return { history, config: null };
  const git = new Git(ctx.root, ctx.env);
  // baseHistory fetched the pull request's base already, unless the history lives on its own branch.
  const fetched = ctx.settings.branch === null || ctx.settings.branch === pr.baseRef;
  if (!fetched && !(await fetchIfPresent(git, 'origin', pr.baseRef))) return { history, config: null };
  const sha = (await git.revParse(`refs/remotes/origin/${pr.baseRef}`)) ?? `refs/remotes/origin/${pr.baseRef}`;
  return { history, config: await baseConfigAt(ctx, git, sha, pr.baseRef) };
}

/**
 * The config (and suites) as the base commit has them, loaded like the checkout's, so that edits
 * can be matched by identity. A base without the config file has no prompt or model: everything
 * is new, and listed so. A base config that does not load is reported, and the check goes on
 * without comparing edits.
 */
async function baseConfigAt(ctx: ActionContext, git: Git, sha: string, baseRef: string): Promise<Config | null> {
  const files = await commitFiles(git, sha, baseRef);
  try {
    const base = await baseConfigFrom(ctx.config, { root: ctx.root, configPath: ctx.settings.configPath, files });
    if (base.missing) ctx.host.info(`${baseRef} has no ${ctx.settings.configPath}: every prompt and model is new`);
    return base.config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    ctx.host.warning(`the config on ${baseRef} does not load, so edits are not compared with it: ${error.message}`);
    return null;
  }
}

/** The base branch's latest records, and the texts and catalogs they refer to from earlier lines. */
type BaseHistory = Pick<HistoryRead, 'records' | 'context'>;

const NONE: BaseHistory = { records: [], context: emptyContext() };

/**
 * The records on the base branch: fetched from origin (the `branch` input's branch when set,
 * else the pull request's base), else the checkout's own files. A base history that does not
 * verify is reported and compared with nothing: a check must never be judged against records
 * that cannot be trusted.
 */
async function baseHistory(ctx: ActionContext): Promise<BaseHistory> {
  const ref = ctx.settings.branch ?? ctx.github.pullRequest?.baseRef;
  if (ref === undefined) return await readVerifiedHistory(ctx.config, ctx.root);
  const git = new Git(ctx.root, ctx.env);
  const copy = (await fetchIfPresent(git, 'origin', ref))
    ? await historyFilesAt(
        git,
        `refs/remotes/origin/${ref}`,
        ctx.config.history,
        ctx.env['RUNNER_TEMP'] || tmpdir(),
        runsNeeded(ctx.config),
      )
    : null;
  if (copy === null) {
    ctx.host.info(`${ref} has no ${ctx.config.history} yet: every prompt starts a new series`);
    return NONE;
  }
  try {
    const read = await readRecent(copy.path, runsNeeded(ctx.config), { firstSealed: copy.firstSealed });
    ctx.host.info(`${read.records.length} record(s) on ${ref}`);
    return read;
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    ctx.host.warning(
      `the history on ${ref} does not verify (${basename(error.file)}${error.line > 0 ? ` line ${error.line}` : ''}: ${error.reason}); comparing with nothing`,
    );
    return NONE;
  } finally {
    await copy.remove();
  }
}

/**
 * A model setting edit that broke checks, as a warning on the edited line of the model in the
 * config. (Each broken
 * prompt is annotated at its own line with the other regressions.)
 */
function annotateModelEdits(host: ActionHost, c: EditComparison): void {
  for (const edit of c.edits.models) {
    const broken = c.effects.filter((e) => e.modelId === edit.modelId && e.regression).map((e) => e.key);
    if (broken.length === 0) continue;
    const { location } = edit;
    const fields = edit.changes.map((f) => f.field).join(', ');
    host.warning(
      `${edit.modelId}: the edit of ${fields} in this change makes ${broken.length} prompt(s) go from pass to fail (the base version passes in the same run): ${listSome(broken)}`,
      { title: 'trackrecord regression', ...(location ? { file: location.file, startLine: location.line } : {}) },
    );
  }
}
