import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { EditComparison } from '../analysis/edit-effect.js';
import { checkChange } from '../app/check.js';
import { listSome, count } from '../util/numbers.js';
import type { ActionContext, ModeResult } from './context.js';
import type { ActionHost } from './host.js';
import { progressToLog } from './log.js';
import { refuseUnsafeOutput } from '../util/output-path.js';

export const COMMENT_MARKER = 'trackrecord:check';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * Check mode: run the change, compare with the latest records of the base branch's history, and
 * report in one sticky comment. Nothing is written to the repository.
 */
export async function checkMode(ctx: ActionContext): Promise<ModeResult> {
  const { config, github, settings, host } = ctx;
  const checked = await checkChange(
    {
      config,
      root: ctx.root,
      configPath: settings.configPath,
      env: ctx.env,
      historyBranch: settings.branch,
      baseRef: github.pullRequest?.baseRef ?? null,
    },
    {
      info: (m) => host.info(m),
      warning: (m) => host.warning(m),
      group: (title, fn) => host.group(title, fn),
      progress: progressToLog(host),
    },
  );
  if (checked.edits) annotateModelEdits(host, checked.edits);
  const { markdown } = checked;
  const runnerTemp = ctx.env['RUNNER_TEMP'] || undefined;
  const reportPath = join(runnerTemp ?? resolve(ctx.root, '.trackrecord'), 'trackrecord-report.md');
  // Without the runner's temp folder the report goes in the workspace, which the head commits.
  if (runnerTemp === undefined) refuseUnsafeOutput(reportPath, { root: ctx.root });
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
      // The job summary still has the report. Only a token without the right is told to get it:
      // GitHub answers 403, or 404 for a repository the token cannot see.
      const status = (error as { status?: unknown }).status;
      const hint =
        status === 403 || status === 404
          ? ' Grant "permissions: pull-requests: write" (a fork\'s pull request gets a read-only token).'
          : '';
      ctx.host.warning(`could not comment on the pull request: ${(error as Error).message}.${hint}`);
    }
  } else if (!pr && PULL_REQUEST_EVENTS.has(github.eventName)) {
    // An unreadable or malformed event payload is not fatal, but it must not pass unsaid.
    ctx.host.warning(
      `the ${github.eventName} event does not say which pull request this is (${github.warnings.join('; ')})` +
        (settings.comment ? ': no comment was posted' : ''),
      { title: 'trackrecord event payload' },
    );
  }
  return { summary: checked.summary, markdown, reportPath, failures: checked.failures, edits: checked.edits };
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
      `${edit.modelId}: the edit of ${fields} in this change makes ${count(broken.length, 'prompt')} go from pass to fail (the base version passes in the same run): ${listSome(broken)}`,
      { title: 'trackrecord regression', ...(location ? { file: location.file, startLine: location.line } : {}) },
    );
  }
}
