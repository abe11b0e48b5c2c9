import { ConfigError } from '../config/errors.js';
import { readGitHubContext, type GitHubContext } from '../github/context.js';
import { configWarnings, missingKeyVariables, openWorkspace } from '../app/workspace.js';
import { summaryText } from '../app/present.js';
import { checkMode } from './check.js';
import { guardFork } from './fork.js';
import type { ActionContext } from './context.js';
import type { ActionHost } from './host.js';
import { annotateRegressions, setOutputs, writeJobSummary } from './outputs.js';
import { readSettings } from './settings.js';
import { mergeMode, shardMode } from './shard.js';
import { trackMode } from './track.js';
import { errorMessage } from '../util/values.js';

/**
 * The action: parse inputs, run the mode, report; the one place that fails the job. Everything
 * it tells the runner goes through `host`, with the run's environment passed in, so that tests
 * run it in-process.
 */
export async function run(
  host: ActionHost,
  env: NodeJS.ProcessEnv = process.env,
  root: string = env['GITHUB_WORKSPACE'] ?? process.cwd(),
): Promise<void> {
  try {
    const github = await readGitHubContext(env);
    const settings = readSettings(host, github.eventName);
    const role = settings.shard
      ? `, shard ${settings.shard.index}/${settings.shard.count}`
      : settings.merge.length > 0
        ? ', merging shards'
        : '';
    host.info(`trackrecord: ${settings.mode} mode (${github.eventName})${role}, on Node ${process.versions.node}`);
    // A bad config or signing key fails the job here, before any request.
    const { config, signer } = await openWorkspace({
      root,
      configPath: settings.configPath,
      env,
      mask: (secret) => host.setSecret(secret),
    }).catch((error: unknown) => annotateConfigError(host, error));

    // The merge job calls no model: it needs no key.
    const missing = settings.merge.length > 0 ? [] : missingKeyVariables(config, env);
    if (settings.merge.length === 0) {
      for (const w of configWarnings(config, env)) {
        host.warning(`${w.path}: ${w.message}`, {
          title: 'trackrecord configuration',
          file: w.file,
          startLine: w.line,
          startColumn: w.column,
        });
      }
    }
    const skip = skipReason(missing, github, settings.mode);
    if (skip) {
      host.notice(skip);
      await writeJobSummary(host, `### trackrecord skipped\n\n${skip}\n`);
      return;
    }

    const ctx: ActionContext = { host, settings, config, github, env, root, signer };
    // Every mode that calls a model (check, track, a shard) on a fork's head: the merge job calls none.
    if (settings.merge.length === 0) await guardFork(ctx);
    if (settings.shard) {
      const shard = await shardMode(ctx, settings.shard);
      host.setOutput('partial', shard.partialPath);
      await writeJobSummary(host, shard.markdown);
      return;
    }
    const result =
      settings.merge.length > 0
        ? await mergeMode(ctx, settings.merge)
        : settings.mode === 'track'
          ? await trackMode(ctx)
          : await checkMode(ctx);
    host.info(summaryText(result.summary));
    // In check mode with `branch`, the base history was read from that branch, not kept: no path to name.
    const history = result.historyPath ?? (settings.branch !== null && settings.mode === 'check' ? '' : config.history);
    setOutputs(host, result.summary, { report: result.reportPath, history, ...result.statement });
    await writeJobSummary(host, result.markdown);
    annotateRegressions(host, result.summary, config, result.edits ?? null);
    if (result.failures.length > 0) throw new Error(`thresholds failed:\n${result.failures.join('\n')}`);
  } catch (error) {
    host.setFailed(errorMessage(error));
  }
}

/**
 * Why this run should pass without running, or null. Pull requests from forks get no secrets,
 * and a check without keys has nothing to say; a nightly run without its key is a broken setup
 * and fails loudly instead.
 */
function skipReason(missing: string[], github: GitHubContext, mode: 'track' | 'check'): string | null {
  if (missing.length === 0) return null;
  const names = missing.join(', ');
  if (github.pullRequest?.isFork) {
    return `Skipped: this pull request comes from a fork, and GitHub does not give workflows of fork pull requests the repository's secrets (${names} is not set). Nothing was run; the check passes.`;
  }
  if (mode === 'check')
    return `Skipped: ${names} is not set, so the models cannot be called. Pass the key to this step with \`env:\` from a repository secret.`;
  throw new Error(
    `${names} is not set: pass the API key to this step with \`env: { ${missing[0]}: \${{ secrets.${missing[0]} }} }\``,
  );
}

/** Config problems as annotations on the lines to fix, then the same error for the job. */
function annotateConfigError(host: ActionHost, error: unknown): never {
  if (error instanceof ConfigError) {
    for (const issue of error.issues) {
      host.error(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`, {
        title: 'trackrecord configuration',
        file: issue.file,
        ...(issue.line > 0 ? { startLine: issue.line, startColumn: issue.column } : {}),
      });
    }
  }
  throw error;
}
