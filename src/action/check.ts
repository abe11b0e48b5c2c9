import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { buildRecords } from '../analysis/records.js';
import { thresholdFailures } from '../report/thresholds.js';
import { executeRun } from '../engine.js';
import { attestationsPathOf, describeAttestations, describeEnvelopes } from '../evidence/attestations.js';
import type { SigningNote } from '../report/markdown.js';
import { Git } from '../git/git.js';
import type { HistoryRecord } from '../history/record.js';
import { verifyHistory } from '../history/verify.js';
import { HistoryView } from '../history/view.js';
import { summarize } from '../report/summary.js';
import { readVerifiedHistory } from '../track.js';
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

/** The signed envelopes beside the base branch's history (as fetched by baseHistory), if any. */
async function baseSigning(ctx: ActionContext): Promise<SigningNote | null> {
  const historyPath = resolve(ctx.root, ctx.config.history);
  if (!ctx.github.pullRequest) return describeAttestations(historyPath);
  const text = await new Git(ctx.root).show('FETCH_HEAD', relative(ctx.root, attestationsPathOf(historyPath)));
  return text === null ? null : describeEnvelopes(text);
}

/**
 * The records on the base branch: fetched from origin for a pull request, else the checkout's own
 * file. A base history that does not verify is reported and compared with nothing: a check must
 * never be judged against records that cannot be trusted.
 */
async function baseHistory(ctx: ActionContext): Promise<HistoryRecord[]> {
  const pr = ctx.github.pullRequest;
  if (!pr) return readVerifiedHistory(ctx.config, ctx.root);
  const git = new Git(ctx.root);
  await git.fetch('origin', pr.baseRef);
  const text = await git.show('FETCH_HEAD', ctx.config.history);
  if (text === null) {
    core.info(`${pr.baseRef} has no ${ctx.config.history} yet: every prompt starts a new series`);
    return [];
  }
  const result = verifyHistory(text);
  if (!result.ok) {
    core.warning(
      `the history on ${pr.baseRef} does not verify (line ${result.line}: ${result.reason}); comparing with nothing`,
    );
    return [];
  }
  core.info(`${result.records.length} record(s) on ${pr.baseRef}`);
  return result.records;
}
