import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { keepRecordsAside, recordWithFiles, writeStatement, type RecordedWithFiles } from '../app/badges-and-report.js';
import type { RunOutcome } from '../run/outcome.js';
import { runSuites } from '../app/engine.js';
import { checkoutDataBranch, isBranchName } from '../git/data-branch.js';
import { Git } from '../git/git.js';
import { checkPublishable, publish } from '../git/publish.js';
import type { HistoryRead } from '../history/read.js';
import { describeLine, HistoryRewrittenError } from '../history/errors.js';
import { readVerifiedHistory } from '../app/run-and-record.js';
import { ATTRIBUTES_FILE, keepByteExact, undoLineEndingConversion } from '../app/byte-exact.js';
import { refuseUnsafeOutputs } from '../app/outputs.js';
import type { ActionContext, ModeResult } from './context.js';
import { progressToLog } from './log.js';
import { errorMessage } from '../util/values.js';
import { refuseUnsafeOutput } from '../util/output-path.js';

/**
 * Track mode: run once, then record on top of the branch's history and commit history, badges
 * and report in one commit. When the push loses a race with another run, the same outcome is
 * recorded again on the new tip (re-chained), so concurrent runs lose no record.
 */
export async function trackMode(ctx: ActionContext): Promise<ModeResult> {
  return onRecordBranch(ctx, async (root) => {
    await refuseUnsafeOutputs(ctx.config, root); // a file that would be written through a link, or outside, stops the run before any request
    if (ctx.settings.commit) refuseUnsafeOutput(join(root, ATTRIBUTES_FILE), { root }); // the -text lines go there
    const history = await readVerifiedHistory(ctx.config, root, { signer: ctx.signer }); // a history that does not verify stops the run before any request
    const outcome = await ctx.host.group('Run the suites', () =>
      runSuites(ctx.config, { env: ctx.env, progress: progressToLog(ctx.host), warn: (m) => ctx.host.warning(m) }),
    );
    return recordAndPublish(ctx, outcome, history, root);
  });
}

/**
 * Runs `fn` in the folder the track record is written in: the checkout, or with input `branch`
 * naming another branch, a worktree of that branch in a temporary folder (an orphan branch the
 * first time), removed afterwards. The checkout, its branch and its files are left as they were.
 */
export async function onRecordBranch(
  ctx: ActionContext,
  fn: (root: string) => Promise<ModeResult>,
): Promise<ModeResult> {
  const { branch, commit } = ctx.settings;
  const git = new Git(ctx.root, ctx.env);
  if (branch === null || branch === (await git.currentBranch())) return fn(await publishable(ctx, ctx.root));
  if (!commit) {
    throw new Error(
      `input "branch" names where the track record is committed (${branch}): it needs "commit" to be true`,
    );
  }
  if (!(await isBranchName(git, branch))) throw new Error(`input "branch": "${branch}" is not a valid branch name`);
  const temp = ctx.env['RUNNER_TEMP'] || tmpdir();
  const data = await ctx.host.group(`Check out ${branch}`, () => checkoutDataBranch(git, 'origin', branch, temp));
  ctx.host.info(
    data.created
      ? `origin has no branch ${branch} yet: it starts as an orphan branch with this run`
      : `recording on ${branch}, checked out in ${data.dir}`,
  );
  try {
    const result = await fn(await publishable(ctx, data.dir));
    // The worktree goes away: the report and the history file the outputs name are kept beside
    // the runner's other files, the history as committed to the branch.
    const reportPath = join(temp, 'trackrecord-report.md');
    await writeFile(reportPath, result.markdown);
    const historyPath = join(temp, 'trackrecord-history', basename(ctx.config.history));
    await mkdir(dirname(historyPath), { recursive: true });
    await copyFile(resolve(data.dir, ctx.config.history), historyPath);
    return { ...result, reportPath, historyPath };
  } finally {
    await data.remove();
  }
}

/**
 * `root`, once what can be known before the run's requests says its commit can be pushed (a
 * detached HEAD, a missing remote or a refused push must not cost the night after the fact), and
 * history files a checkout converted to CRLF (core.autocrlf) are back as committed.
 */
async function publishable(ctx: ActionContext, root: string): Promise<string> {
  if (!ctx.settings.commit) return root;
  const git = new Git(root, ctx.env);
  await checkPublishable(git, null);
  const restored = await undoLineEndingConversion(git, root, ctx.config);
  if (restored.length > 0) {
    ctx.host.info(
      `restored ${restored.join(', ')} byte-exact: the checkout had converted its line endings to CRLF (core.autocrlf); ` +
        'this run commits a .gitattributes line that keeps them as committed',
    );
  }
  return root;
}

/**
 * Records a finished run (run here, or merged from its shards) on top of the branch's history,
 * writes badges and report, and commits and pushes them race-safely when `commit` is on.
 * `history` is the history as read before the run: the first attempt compares with it; after a
 * lost push race the file is the other run's, and is read again.
 */
export async function recordAndPublish(
  ctx: ActionContext,
  outcome: RunOutcome,
  history?: HistoryRead,
  root: string = ctx.root,
): Promise<ModeResult> {
  const { config, settings } = ctx;
  const historyPath = resolve(root, config.history);
  let recorded: RecordedWithFiles | undefined;
  let readBefore = history;
  const apply = async (): Promise<string[]> => {
    recorded = await recordWithFiles(outcome, {
      root,
      useHistory: true,
      history: readBefore,
      // After a lost push race the history is another run's: it must still hold what this one verified.
      head: recorded?.chainedOnto,
      signer: ctx.signer,
      nightly: true,
    });
    readBefore = undefined;
    // Committed with a .gitattributes line each, so that every later checkout has them byte-exact.
    return settings.commit ? [...recorded.changed, ...(await keepByteExact(root, recorded.changed))] : recorded.changed;
  };

  if (settings.commit) {
    const git = new Git(root, ctx.env);
    const branch = await git.currentBranch();
    const message = settings.commitMessage.replace(/\$\{run_id\}/g, outcome.run.id);
    await ctx.host
      .group('Commit the track record', () =>
        publish({ git, branch: branch ?? '', message, apply, log: (line) => ctx.host.info(line) }),
      )
      .catch(async (error: unknown) => {
        throw await unpublished(ctx, error, `origin/${branch ?? ''}`, recorded);
      });
  } else {
    await apply();
  }
  const done = recorded!;
  if (done.signed) ctx.host.info(done.signed);
  return {
    summary: done.summary,
    markdown: done.files.markdown,
    reportPath: done.files.reportPath,
    statement: await writeStatement(done, ctx.env['RUNNER_TEMP'] ?? dirname(historyPath)),
    failures: done.failures,
  };
}

/**
 * The error of a run that recorded but did not publish: nothing of it was pushed. The records it
 * chained last (and, when signed, their envelopes) are kept in RUNNER_TEMP, since the checkout may
 * hold another commit by now and a data branch's worktree goes. A branch rewritten under the run
 * (HistoryRewrittenError) is said so.
 */
async function unpublished(
  ctx: ActionContext,
  error: unknown,
  remoteBranch: string,
  recorded: RecordedWithFiles | undefined,
): Promise<unknown> {
  const rewritten = error instanceof HistoryRewrittenError ? error : null;
  const lines = recorded?.appended?.lines ?? [];
  if (rewritten === null && lines.length === 0) return error;
  let kept = '';
  if (lines.length > 0) {
    const dir = join(ctx.env['RUNNER_TEMP'] || tmpdir(), 'trackrecord-unpublished');
    const records = lines.length === 1 ? '1 record' : `${lines.length} records`;
    const onto = rewritten ? 'before the rewrite' : 'as it last read it';
    kept = await keepRecordsAside(recorded!, join(dir, basename(ctx.config.history)), ctx.signer).then(
      (saved) =>
        `\n  This run's ${records}, chained onto the history ${onto}, ${lines.length === 1 ? 'is' : 'are'} kept in ${saved}.`,
      (failed: unknown) => `\n  This run's ${records} could not be kept in ${dir}: ${errorMessage(failed)}`,
    );
  }
  if (rewritten === null) return new Error(`${errorMessage(error)}${kept}`, { cause: error });
  return new Error(
    `${remoteBranch} was rewritten while this run was in flight: its ${rewritten.file} no longer holds ` +
      `${describeLine(rewritten.line, rewritten.hash)}, which this run had verified and recorded onto (a force push?). ` +
      `Nothing was pushed.${kept}\n` +
      `  Find out who rewrote ${remoteBranch} and restore its history (the commit that held that line is in the ` +
      'reflog of any clone that fetched it) before the next run.',
    { cause: rewritten },
  );
}
