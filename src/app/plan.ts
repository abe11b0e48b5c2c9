import type { Config } from '../config/types.js';
import { estimatePlan, type PlanEstimate } from '../run/estimate.js';
import { buildPlan } from '../run/plan.js';
import { formatPlanEstimate } from '../report/plan.js';
import { shardConfig } from '../run/shard.js';
import type { Shard } from '../util/shard.js';

/** What a run would do, as data and as the words `run --dry-run` prints. */
export interface DryRun {
  estimate: PlanEstimate;
  text: string;
}

/**
 * The plan of a run (or of one shard of it): models, suites, prompts, samples, requests,
 * estimated tokens and cost. Nothing is called and the history is not read.
 */
export function dryRun(config: Config, shard: Shard | null = null): DryRun {
  const estimate = estimatePlan(buildPlan(shard ? shardConfig(config, shard) : config));
  return { estimate, text: formatPlanEstimate(estimate) };
}
