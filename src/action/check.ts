import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildRecords } from '../analysis/records.js';
import { thresholdFailures } from '../report/thresholds.js';
import { executeRun } from '../engine.js';
import { attestationsPathOf, describeAttestations, describeEnvelopes } from '../evidence/attestations.js';
import { fetchIfPresent, historyFilesAt } from '../git/data-branch.js';
import type { SigningNote } from '../report/markdown.js';
import { Git } from '../git/git.js';
import type { HistoryRecord } from '../history/record.js';
import { HistoryError } from '../history/errors.js';
import { readRecent } from '../history/read.js';
import { HistoryView } from '../history/view.js';
import { summarize } from '../report/summary.js';
import { readVerifiedHistory, runsNeeded } from '../track.js';
import type { ActionContext, ModeResult } from './context.js';
import { progressToLog } from './log.js';
import { renderCheckComment } from '../report/check-comment.js';
import { buildReport } from '../report/report.js';

export const COMMENT_MARKER = 'trackrecord:check';

/**
 * Check mode: run the change, compare with the latest records of the base branch's history, and
 * report in one sticky comment. Nothing is written to the repository.
 */
export async function checkMode(ctx: ActionContext): Promise<ModeResult> {
  const { config, github, settings } = ctx;
  const base = await core.group('Read the base history', () => baseHistory(ctx));
  const view = new HistoryView(base);
  const signing = await baseSigning(ctx);

  const outcome = await core.group('Run the suites', () =>
    executeRun(config, { env: ctx.env, progress: progressToLog }),
  );
  const summary = summarize(buildRecords(outcome, view));
  const reportPath = join(ctx.env['RUNNER_TEMP'] ?? resolve(ctx.root, '.trackrecord'), 'trackrecord-report.md');
  const report = buildReport(view, { models: config.models.map((m) => m.id) });
  const markdown = renderCheckComment(report, github.pullRequest?.baseRef ?? 'the current branch', signing);
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
      core.info(`${comment.action} the pull request comment: ${comment.url}`);
    } catch (error) {
      // A read-only token (a fork's pull request) cannot comment; the job summary still has the report.
      core.warning(
        `could not comment on the pull request: ${(error as Error).message}. Grant "permissions: pull-requests: write".`,
      );
    }
  }
  return {
    summary,
    markdown,
    reportPath,
    failures: thresholdFailures(config.thresholds, summary, { regressions: true }),
  };
}

/** The signed envelopes beside the base branch's history (as fetched by baseHistory: the open file's), if any. */
async function baseSigning(ctx: ActionContext): Promise<SigningNote | null> {
  const historyPath = resolve(ctx.root, ctx.config.history);
  const ref = ctx.settings.branch ?? ctx.github.pullRequest?.baseRef;
  if (ref === undefined) return describeAttestations(historyPath);
  const at = `refs/remotes/origin/${ref}`;
  if ((await new Git(ctx.root).revParse(at)) === null) return null;
  const text = await new Git(ctx.root).show(at, relative(ctx.root, attestationsPathOf(historyPath)));
  return text === null ? null : describeEnvelopes(text);
}

/**
 * The records on the base branch: fetched from origin (the `branch` input's branch when set,
 * else the pull request's base), else the checkout's own files. A base history that does not
 * verify is reported and compared with nothing: a check must never be judged against records
 * that cannot be trusted.
 */
async function baseHistory(ctx: ActionContext): Promise<HistoryRecord[]> {
  const ref = ctx.settings.branch ?? ctx.github.pullRequest?.baseRef;
  if (ref === undefined) return (await readVerifiedHistory(ctx.config, ctx.root)).records;
  const git = new Git(ctx.root);
  const copy = (await fetchIfPresent(git, 'origin', ref))
    ? await historyFilesAt(git, `refs/remotes/origin/${ref}`, ctx.config.history, ctx.env['RUNNER_TEMP'] || tmpdir())
    : null;
  if (copy === null) {
    core.info(`${ref} has no ${ctx.config.history} yet: every prompt starts a new series`);
    return [];
  }
  try {
    const { records } = await readRecent(copy.path, runsNeeded(ctx.config));
    core.info(`${records.length} record(s) on ${ref}`);
    return records;
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    core.warning(
      `the history on ${ref} does not verify (${basename(error.file)}${error.line > 0 ? ` line ${error.line}` : ''}: ${error.reason}); comparing with nothing`,
    );
    return [];
  } finally {
    await copy.remove();
  }
}
