import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeShards, runShard } from '../app/shard.js';
import { formatShard, type Shard } from '../util/shard.js';
import type { ActionContext, ModeResult } from './context.js';
import { progressToLog } from './log.js';
import { onRecordBranch, recordAndPublish } from './track.js';
import { count } from '../util/numbers.js';

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
  const { config, root, settings, host } = ctx;
  const path =
    settings.partialPath ??
    join(ctx.env['RUNNER_TEMP'] || tmpdir(), `trackrecord-partial-${shard.index}-of-${shard.count}.json`);
  const ran = await runShard(config, shard, {
    root,
    env: ctx.env,
    path,
    progress: progressToLog(host),
    warn: (m) => host.warning(m),
    onStart: (size) =>
      host.info(
        `shard ${formatShard(shard)}: ${size.prompts} of ${count(size.of, 'prompt')} x ${count(size.models, 'model')}`,
      ),
  });
  const { outcome } = ran;
  host.info(`wrote the partial file of shard ${formatShard(shard)} of run ${outcome.run.id}: ${ran.path}`);

  const errors = outcome.models.flatMap((m) => {
    const n = Object.values(m.metrics.errors).reduce((a, b) => a + b, 0);
    return n > 0 ? [`${m.model.id}: ${count(n, 'sample')} without output`] : [];
  });
  const markdown =
    `### trackrecord shard ${formatShard(shard)}\n\n` +
    `Ran ${ran.prompts} of ${count(ran.of, 'prompt')} on ${count(ran.models, 'model')} for run ${outcome.run.id}. ` +
    'The merge job records the whole run.\n' +
    (errors.length > 0 ? `\n${errors.map((e) => `- ${e}`).join('\n')}\n` : '');
  return { partialPath: ran.path, markdown };
}

/**
 * The final job of a sharded run: merges the shards' partial files into one outcome, exactly as
 * the unsharded run would have produced it, then records and publishes it like track mode.
 */
export async function mergeMode(ctx: ActionContext, patterns: readonly string[]): Promise<ModeResult> {
  const { outcome, files, notes } = await mergeShards(ctx.config, { patterns }, ctx.root);
  for (const note of notes) ctx.host.warning(note);
  ctx.host.info(`merging ${count(files.length, 'shard')} of run ${outcome.run.id}: ${files.join(', ')}`);
  return onRecordBranch(ctx, (root) => recordAndPublish(ctx, outcome, undefined, root));
}
