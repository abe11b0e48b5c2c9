import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promptCount } from '../config/types.js';
import { runSuites } from '../app/engine.js';
import { displayPath, expandPartialPaths, mergePartials, readPartials, writePartial } from '../partial/index.js';
import { formatShard, shardConfig, type Shard } from '../run/shard.js';
import { readVerifiedHistory } from '../app/run-and-record.js';
import type { ActionContext, ModeResult } from './context.js';
import { progressToLog } from './log.js';
import { onRecordBranch, recordAndPublish } from './track.js';

/** What a shard job leaves: its partial file, for the workflow to upload as an artifact. */
export interface ShardResult {
  partialPath: string;
  /** A few lines for the job summary. */
  markdown: string;
}

/**
 * A matrix job of a sharded run: runs only this shard's prompts (every model) and writes the
 * partial file. Nothing is recorded, committed or commented: the merge job does that once.
 */
export async function shardMode(ctx: ActionContext, shard: Shard): Promise<ShardResult> {
  const { config, root, settings } = ctx;
  await readVerifiedHistory(config, root); // the merge would refuse it: stop before any request
  const sharded = shardConfig(config, shard);
  const prompts = promptCount(sharded);
  const total = promptCount(config);
  ctx.host.info(`shard ${formatShard(shard)}: ${prompts} of ${total} prompt(s) x ${config.models.length} model(s)`);

  const outcome = await ctx.host.group(`Run shard ${formatShard(shard)}`, () =>
    runSuites(sharded, { env: ctx.env, progress: progressToLog(ctx.host) }),
  );
  const path = settings.partialPath
    ? resolve(root, settings.partialPath)
    : join(ctx.env['RUNNER_TEMP'] || tmpdir(), `trackrecord-partial-${shard.index}-of-${shard.count}.json`);
  await writePartial(path, outcome, shard, config);
  ctx.host.info(`wrote the partial file of shard ${formatShard(shard)} of run ${outcome.run.id}: ${path}`);

  const errors = outcome.models.flatMap((m) => {
    const n = Object.values(m.metrics.errors).reduce((a, b) => a + b, 0);
    return n > 0 ? [`${m.model.id}: ${n} sample(s) without output`] : [];
  });
  const markdown =
    `### trackrecord shard ${formatShard(shard)}\n\n` +
    `Ran ${prompts} of ${total} prompt(s) on ${config.models.length} model(s) for run ${outcome.run.id}. ` +
    'The merge job records the whole run.\n' +
    (errors.length > 0 ? `\n${errors.map((e) => `- ${e}`).join('\n')}\n` : '');
  return { partialPath: path, markdown };
}

/**
 * The final job of a sharded run: merges the shards' partial files into one outcome, exactly as
 * the unsharded run would have produced it, then records and publishes it like track mode.
 */
export async function mergeMode(ctx: ActionContext, patterns: readonly string[]): Promise<ModeResult> {
  const { config, root } = ctx;
  const paths = await expandPartialPaths(patterns, root);
  const partials = await readPartials(paths, (p) => displayPath(p, root));
  const outcome = mergePartials(config, partials);
  ctx.host.info(
    `merging ${partials.length} shard(s) of run ${outcome.run.id}: ${partials.map((p) => p.file).join(', ')}`,
  );
  return onRecordBranch(ctx, (root) => recordAndPublish(ctx, outcome, undefined, root));
}
