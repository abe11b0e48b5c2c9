import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBadgesAndReport } from '../../app/badges-and-report.js';
import { configAtRef, judgeChange } from '../../app/check.js';
import { compareEdits } from '../../app/compare-edits.js';
import { dryRun } from '../../app/plan.js';
import { summaryJson, summaryText } from '../../app/present.js';
import { refuseUnsafeOutputs } from '../../app/outputs.js';
import { readVerifiedHistory, runAndRecord } from '../../app/run-and-record.js';
import { runShard } from '../../app/shard.js';
import { configWarnings, openConfig, openWorkspace, requireKeys } from '../../app/workspace.js';
import { formatIssue } from '../../config/errors.js';
import type { Config } from '../../config/types.js';
import type { ProgressSink } from '../../run/progress.js';
import { formatShard, parseShard, ShardError, type Shard } from '../../util/shard.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { count } from '../../util/numbers.js';

export const runHelp = `Usage: trackrecord run [--config FILE] [--no-history] [--compare-with REF] [--json] [--quiet]
       trackrecord run --dry-run [--config FILE] [--shard I/N] [--json]
       trackrecord run --shard I/N [--partial FILE] [--run-id ID] [--config FILE] [--json] [--quiet]

Runs every suite against every model, compares with the history, appends one
record per model to it, and writes the badges and the markdown report beside it.
  --config FILE   config file (default .github/trackrecord.yml)
  --no-history    do not read or append the history file
  --compare-with REF
                  also run REF's version (a git branch, tag or commit) of every
                  prompt whose definition, or whose model's settings, differ, and
                  print what the edits did: answers of both versions from this run,
                  and the checks they broke (a regression fails the run)
  --json          print the summary as JSON on stdout
  --quiet         no progress output
  --dry-run       print the plan (models, suites, prompts, samples, requests,
                  estimated input tokens, and cost with a model's price) and
                  call nothing; the history is not read

Sharding (one job per shard, then "trackrecord merge" records the run):
  --shard I/N     run only shard I of N: prompts are split by a hash of suite/id,
                  the same in every job; every model runs the shard's prompts
  --partial FILE  write the shard's results to FILE instead of recording them
                  (default trackrecord-partial-I-of-N.json); the history is only
                  verified, never written, and no badge or report is made
  --run-id ID     the run id the shards share (default on GitHub Actions: the
                  workflow run's id and attempt; elsewhere give every shard one)

Exit status: 0 ok, 1 a threshold failed, a server refused the API key, or the
history does not verify, 2 invalid configuration or a missing API key.`;

export async function runCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      'no-history': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      shard: { type: 'string' },
      partial: { type: 'string' },
      'run-id': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'compare-with': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const progress: ProgressSink | undefined = values.quiet
    ? undefined
    : { write: (t) => io.stderr.write(t), isTTY: io.stderr.isTTY === true };
  if (values['dry-run']) {
    const config = await openConfig({ root: io.cwd, configPath: values.config });
    warnAbout(config, io);
    const plan = dryRun(config, values.shard === undefined ? null : shardArgument(values.shard));
    io.stdout.write(values.json ? `${JSON.stringify(plan.estimate, null, 2)}\n` : `${plan.text}\n`);
    return EXIT.ok;
  }
  if (values.shard !== undefined || values.partial !== undefined) {
    const shard = values.shard === undefined ? { index: 1, count: 1 } : shardArgument(values.shard);
    const runId = values['run-id'] === undefined ? null : runIdArgument(values['run-id']);
    const config = await openConfig({ root: io.cwd, configPath: values.config });
    warnAbout(config, io);
    requireKeys(config, io.env);
    const path = values.partial ?? `trackrecord-partial-${shard.index}-of-${shard.count}.json`;
    return runShardCommand(
      config,
      shard,
      { path, runId, useHistory: !values['no-history'], json: values.json, progress },
      io,
    );
  }
  if (values['run-id'] !== undefined)
    throw new UsageError('--run-id names the run of a shard: use it with --shard or --partial');

  const { config, signer } = await openWorkspace({ root: io.cwd, configPath: values.config, env: io.env });
  warnAbout(config, io);
  requireKeys(config, io.env);
  const ref = values['compare-with'];
  // Both versions load before the first request: a broken base config stops the run too.
  const base = ref === undefined ? null : await loadConfigAt(ref, values.config, io, config);
  const useHistory = !values['no-history'];
  if (useHistory) await refuseUnsafeOutputs(config, io.cwd); // before the history is read, and any request
  const history = useHistory ? await readVerifiedHistory(config, io.cwd, { signer }) : undefined;
  const warn = warnLine(io);
  const result = await runAndRecord(config, {
    root: io.cwd,
    env: io.env,
    useHistory,
    history,
    progress,
    signer,
    warn,
    clock: io.clock,
  });
  const edits =
    base === null
      ? null
      : await compareEdits(result.outcome, base, history, {
          env: io.env,
          progress,
          warn,
          baseRef: ref!,
        });
  // As the action reports a pull request: the models' own drift and flips, plus the edits' regressions.
  const { summary, failures } = edits ? judgeChange(config, result.summary, edits) : result;
  const files = result.historyPath ? await writeBadgesAndReport(config, io.cwd, result) : null;
  io.stdout.write(`${values.json ? summaryJson(summary, edits) : summaryText(summary, edits)}\n`);
  if (files && !values.json) {
    io.stdout.write(`history: ${config.history} (+${count(result.records.length, 'record')})\n`);
    if (result.signed) io.stdout.write(`${result.signed}\n`);
    // The open file went over history-max-mb: it was sealed under a new name first.
    const sealed = result.written.filter((p) => p !== result.historyPath);
    for (const p of sealed) io.stdout.write(`sealed:  ${relative(io.cwd, p)}\n`);
    io.stdout.write(`report:  ${relative(io.cwd, files.reportPath)}\nbadge:   ${config.badge}\n`);
  }
  for (const failure of failures) io.stderr.write(`threshold: ${failure}\n`);
  return failures.length > 0 ? EXIT.failed : EXIT.ok;
}

/** A warning line on stderr, for what the run meets and still uses. */
function warnLine(io: CliIO): (message: string) => void {
  return (message) => io.stderr.write(`warning: ${message}\n`);
}

/** Before the first request: what the config does that is unwise with these keys. */
function warnAbout(config: Config, io: CliIO): void {
  for (const warning of configWarnings(config, io.env)) io.stderr.write(`warning: ${formatIssue(warning)}\n`);
}

/** The config and suites as commit `ref` of the repository at the working directory has them (none before it had a config). */
async function loadConfigAt(ref: string, configPath: string | undefined, io: CliIO, head: Config): Promise<Config> {
  const base = await configAtRef(head, { root: io.cwd, configPath, env: io.env, ref });
  if (base === null) throw new UsageError(`--compare-with: "${ref}" names no commit of the repository here`);
  return base;
}

interface ShardRunOptions {
  path: string;
  runId: string | null;
  useHistory: boolean;
  json: boolean;
  progress: ProgressSink | undefined;
}

/** Runs one shard and writes its partial file; the history is verified first and left alone. */
async function runShardCommand(config: Config, shard: Shard, options: ShardRunOptions, io: CliIO): Promise<number> {
  const ran = await runShard(config, shard, { ...options, root: io.cwd, env: io.env, warn: warnLine(io) });
  const { outcome } = ran;
  const shown = relative(io.cwd, ran.path) || ran.path;
  if (options.json) {
    const errors = outcome.models.map((m) => ({ id: m.model.id, errors: m.metrics.errors }));
    io.stdout.write(
      `${JSON.stringify({ partial: shown, run: { id: outcome.run.id }, shard, prompts: ran.prompts, of: ran.of, models: errors }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(
      `run ${outcome.run.id}, shard ${formatShard(shard)}: ${ran.prompts} of ${count(ran.of, 'prompt')} x ${count(ran.models, 'model')}\n` +
        `partial: ${shown}\n`,
    );
  }
  return EXIT.ok;
}

function shardArgument(text: string): Shard {
  try {
    return parseShard(text);
  } catch (error) {
    throw error instanceof ShardError ? new UsageError(`--shard: ${error.message}`) : error;
  }
}

function runIdArgument(text: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(text))
    throw new UsageError(`--run-id must be letters, digits, ".", "_" or "-" (up to 100), got "${text}"`);
  return text;
}
