import * as core from '@actions/core';
import { dirname, relative, resolve } from 'node:path';
import { thresholdFailures } from '../report/thresholds.js';
import { writeArtifacts, type Artifacts } from '../artifacts.js';
import { executeRun, type RunOutcome } from '../engine.js';
import { attestationsPathOf } from '../evidence/attestations.js';
import { runStatement, writeRunStatement } from '../evidence/run-statement.js';
import { Git } from '../git/git.js';
import { publish } from '../git/publish.js';
import type { HistoryRecord } from '../history/record.js';
import { readVerifiedHistory, recordOutcome, type Recorded } from '../track.js';
import type { ActionContext, ModeResult } from './context.js';
import { progressToLog } from './log.js';

/**
 * Track mode: run once, then record on top of the branch's history and commit history, badges
 * and report in one commit. When the push loses a race with another run, the same outcome is
 * recorded again on the new tip (re-chained), so concurrent runs lose no record.
 */
export async function trackMode(ctx: ActionContext): Promise<ModeResult> {
  const history = await readVerifiedHistory(ctx.config, ctx.root); // a history that does not verify stops the run before any request
  const outcome = await core.group('Run the suites', () =>
    executeRun(ctx.config, { env: ctx.env, progress: progressToLog }),
  );
  return recordAndPublish(ctx, outcome, history);
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
  history?: HistoryRecord[],
): Promise<ModeResult> {
  const { config, root, settings } = ctx;
  const historyPath = resolve(root, config.history);
  let recorded: Recorded | undefined;
  let artifacts: Artifacts | undefined;
  let readBefore = history;
  const apply = async (): Promise<string[]> => {
    recorded = await recordOutcome(outcome, { root, useHistory: true, history: readBefore, signer: ctx.signer });
    readBefore = undefined;
    artifacts = await writeArtifacts(config, root, recorded);
    const signed = ctx.signer ? [attestationsPathOf(historyPath)] : [];
    return [historyPath, ...signed, ...artifacts.paths].map((p) => relative(root, p));
  };

  if (settings.commit) {
    const git = new Git(root);
    const branch = await git.currentBranch();
    const message = settings.commitMessage.replace(/\$\{run_id\}/g, outcome.run.id);
    await core.group('Commit the track record', () =>
      publish({ git, branch: branch ?? '', message, apply, log: (line) => core.info(line) }),
    );
  } else {
    await apply();
  }
  const summary = recorded!.summary;
  const { markdown, reportPath } = artifacts!;
  // The run's in-toto Statement, for actions/attest to sign with the workflow's identity.
  const appended = recorded!.appended;
  const statement = appended
    ? await writeRunStatement(ctx.env['RUNNER_TEMP'] ?? dirname(historyPath), await runStatement(historyPath, appended))
    : undefined;
  return {
    summary,
    markdown,
    reportPath,
    statement,
    failures: thresholdFailures(config.thresholds, summary, { regressions: false }),
  };
}
