import { thresholdBreaches, type ThresholdBreach, type ThresholdOptions } from '../analysis/thresholds.js';
import type { Config } from '../config/types.js';
import { listSome, percent, pValue, count } from '../util/numbers.js';
import type { ModelSummary, RunSummary } from '../analysis/summary.js';

/** Why the job should fail, one sentence per broken threshold; empty when none is broken. */
export function thresholdFailures(
  config: Pick<Config, 'thresholds' | 'models' | 'file'>,
  summary: RunSummary,
  options: ThresholdOptions,
): string[] {
  const models = new Map(summary.models.map((m) => [m.id, m]));
  return thresholdBreaches(config.thresholds, summary.models, options).map((b) =>
    describeBreach(b, config, models.get(b.modelId)!),
  );
}

function describeBreach(b: ThresholdBreach, config: Pick<Config, 'models' | 'file'>, m: ModelSummary): string {
  switch (b.kind) {
    case 'auth': {
      const spec = config.models.find((s) => s.id === b.modelId);
      const said = b.message === null ? '' : `: ${b.message.replace(/\.$/, '')}`;
      const variable = spec
        ? ` Check ${spec.apiKeyEnv}: it must hold a key ${new URL(spec.baseUrl).host} accepts (models[].api-key-env in ${config.file} names the variable).`
        : '';
      return `${b.modelId}: the server refused the API key (${count(b.errors, 'request')})${said}.${variable}`;
    }
    case 'availability': {
      const { answered, requests, share } = b.availability;
      return (
        `${b.modelId}: answered ${answered} of ${count(requests, 'request')} (${percent(share)}), ` +
        `below fail-below-availability ${percent(b.failBelow)}: ${errorsWithReasons(m)}`
      );
    }
    case 'fail-below':
      return `${b.modelId}: reliability ${percent(b.reliability)} is below fail-below ${percent(b.failBelow)}`;
    case 'regressions': {
      const p = b.flipsP === null ? '' : ` (${pValue(b.flipsP)} under no change)`;
      return `${b.modelId}: ${count(b.regressions.length, 'prompt')} went from pass to fail${p}: ${listSome(b.regressions)}`;
    }
  }
}

/** `24 connection ("connection failed: ECONNREFUSED"), 1 timeout ("request timed out")`: the messages quoted, as said. */
export function errorsWithReasons(m: Pick<ModelSummary, 'errors' | 'errorMessages'>): string {
  return Object.entries(m.errors)
    .filter(([, n]) => n > 0)
    .map(([category, n]) => {
      const message = m.errorMessages[category as keyof ModelSummary['errorMessages']];
      return `${n} ${category}${message === undefined ? '' : ` ("${message}")`}`;
    })
    .join(', ');
}
