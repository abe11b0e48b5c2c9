import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMetrics } from '../src/run/run-metrics.js';
import type { Config } from '../src/config/types.js';
import type { RunOutcome } from '../src/run/outcome.js';
import { buildPlan } from '../src/run/plan.js';
import { toSample } from '../src/run/execute.js';
import type { Observation } from '../src/run/types.js';
import { seededRandom } from '../src/util/random.js';

const repo = join(import.meta.dirname, '..');

/**
 * A model answering in free text at a high temperature, from real answers: the LLMDrift data
 * has four models' step-by-step answers to each question of the prime suite (566 characters on
 * average). A sample is one of them, sentence by sentence: each sentence is the same-numbered
 * sentence of a randomly chosen one of the four. Samples of a prompt thus say much the same in
 * varying words, and nearly every sample of every night is a text never seen before.
 */
export class FreeTextModel {
  private readonly sentences = new Map<string, string[][]>();
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
    const data = readFileSync(join(repo, 'data/llmdrift/prime-100.jsonl'), 'utf8');
    for (const line of data.split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line) as { query: string; answer: string };
      const number = /Is (\d+) a prime/.exec(row.query)![1]!;
      const parts = row.answer.split(/(?<=[.!?:])\s+/);
      const list = this.sentences.get(`prime-${number}`) ?? [];
      list.push(parts);
      this.sentences.set(`prime-${number}`, list);
    }
  }

  /** One sample's text for a prompt id of the prime suite. */
  answer(promptId: string): string {
    const sources = this.sentences.get(promptId);
    if (!sources) throw new Error(`no LLMDrift answers for ${promptId}`);
    const pick = () => sources[Math.floor(this.random() * sources.length)]!;
    const skeleton = pick();
    return skeleton
      .map((sentence, j) => {
        const other = pick();
        return other[j] ?? sentence;
      })
      .join(' ');
  }
}

/** A night of `config` (the prime suite) answered by the free-text model, as the engine would report it. */
export function freeTextOutcome(config: Config, model: FreeTextModel, night: number): RunOutcome {
  const plan = buildPlan(config);
  const startedAt = new Date(Date.UTC(2026, 0, 1) + night * 86_400_000).toISOString();
  const models = plan.models.map((spec, m) => {
    const observations: Observation[] = plan.prompts.map(({ suite, prompt }, p) => ({
      modelId: spec.id,
      suite,
      promptId: prompt.id,
      promptHash: plan.hashes[m]![p]!,
      checksHash: plan.checksHashes[p]!,
      samples: Array.from({ length: plan.samples }, () =>
        toSample(
          {
            ok: true,
            completion: {
              output: model.answer(prompt.id),
              servedModel: spec.model,
              systemFingerprint: 'fp_bench',
              tokensIn: 30,
              tokensOut: 150,
            },
            latencyMs: 900,
            attempts: 1,
          },
          prompt,
        ),
      ),
    }));
    const specs = new Map(plan.prompts.map(({ prompt }) => [prompt.id, prompt]));
    return {
      model: spec,
      observations,
      metrics: runMetrics(observations, (o) => specs.get(o.promptId)!.compare),
    };
  });
  const specs = new Map(plan.prompts.map(({ suite, prompt }) => [`${suite}\0${prompt.id}`, prompt]));
  return {
    config,
    run: { id: `night-${night}`, startedAt, trigger: 'schedule', commit: null, url: null },
    finishedAt: startedAt,
    models,
    specOf: (o) => specs.get(`${o.suite}\0${o.promptId}`)!,
  };
}
