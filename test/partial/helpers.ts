import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import type { RunOutcome } from '../../src/run/outcome.js';
import { runSuites } from '../../src/app/engine.js';
import { shardConfig } from '../../src/run/shard.js';
import type { Shard } from '../../src/util/shard.js';
import type { ChatProvider } from '../../src/run/types.js';
import { tempDir } from '../support/tmp.js';

/** A config of two models on a 12-prompt suite; nothing is ever sent to its endpoints. */
export async function smallConfig(extra = ''): Promise<{ root: string; config: Config }> {
  const prompts = Array.from(
    { length: 12 },
    (_, i) => `  - id: q${i}\n    prompt: "What is ${i} + 1?"\n    expect:\n      - equals: "${i + 1}"\n`,
  ).join('');
  const root = tempDir({
    'c.yml':
      'models:\n  - id: alpha\n    model: alpha-1\n    base-url: http://127.0.0.1:9/v1\n  - id: beta\n    model: beta-1\n    base-url: http://127.0.0.1:9/v1\n' +
      `suites:\n  - path: s.yaml\n${extra}`,
    's.yaml': `name: sums\nprompts:\n${prompts}`,
  });
  return { root, config: await loadConfig({ root, configPath: 'c.yml' }) };
}

/** A provider that answers from the prompt alone: beta is wrong on every third question. */
export const fakeProvider = (modelId: string): ChatProvider => ({
  async complete(request) {
    const n = Number(/What is (\d+)/.exec(request.messages.at(-1)!.content)![1]);
    const answer = modelId === 'beta' && n % 3 === 0 ? n : n + 1;
    return {
      ok: true,
      latencyMs: 5,
      attempts: 1,
      completion: {
        output: String(answer),
        servedModel: `${modelId}-served`,
        systemFingerprint: 'fp_1',
        tokensIn: 10,
        tokensOut: 1,
      },
    };
  },
});

/** Runs `shard` of the config with the fake provider, as run `runId`. */
export async function runShard(config: Config, shard: Shard, runId = '42-1'): Promise<RunOutcome> {
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_ID: runId.split('-')[0],
    GITHUB_RUN_ATTEMPT: runId.split('-')[1] ?? '1',
  };
  return runSuites(shardConfig(config, shard), { env, providerFor: (m) => fakeProvider(m.id) });
}
