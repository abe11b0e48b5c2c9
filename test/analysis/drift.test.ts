import { describe, expect, it } from 'vitest';
import { regimeStarts, significantRegressions } from '../../src/analysis/drift.js';
import { analyzeModel } from '../../src/analysis/record-metrics.js';
import { runMetrics } from '../../src/analysis/run-metrics.js';
import type { ModelSpec, PromptSpec } from '../../src/config/types.js';
import { buildRecord, type NewRecord } from '../../src/history/build-record.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { HistoryView } from '../../src/history/view.js';
import { toSample } from '../../src/run/execute.js';
import type { Observation } from '../../src/run/types.js';
import { seededRandom } from '../../src/util/random.js';

const model: ModelSpec = {
  id: 'sim',
  model: 'sim',
  baseUrl: 'https://api.example.com/v1',
  apiKeyEnv: 'KEY',
  params: { temperature: 0.7 },
  system: null,
  headers: {},
};
const prompts: PromptSpec[] = Array.from({ length: 12 }, (_, p) => ({
  id: `p${p}`,
  messages: [{ role: 'user', content: `prompt ${p}` }],
  extract: { kind: 'regex', pattern: 'Answer: (\\S+)', flags: '' },
  normalize: [],
  compare: { kind: 'exact' },
  expect: [{ kind: 'equals', value: 'a' }],
  location: { file: 'suite.yaml', line: p + 1 },
}));

/** Nights of a model that answers "a" with probability 0.7, else "b" or "c"; `output` overrides. */
function nights(count: number, output?: (night: number, p: number, s: number) => string | null): NewRecord[] {
  const random = seededRandom(11);
  const view = new HistoryView();
  const records: NewRecord[] = [];
  for (let night = 0; night < count; night++) {
    const observations: Observation[] = prompts.map((prompt, p) => ({
      modelId: 'sim',
      suite: 's',
      promptId: prompt.id,
      promptHash: `${p}`.padStart(16, '0'),
      checksHash: 'c'.repeat(16),
      samples: Array.from({ length: 5 }, (_, s) => {
        const u = random();
        const text = output?.(night, p, s) ?? `Answer: ${u < 0.7 ? 'a' : u < 0.85 ? 'b' : 'c'}`;
        const completion = { output: text, servedModel: 'sim', systemFingerprint: null, tokensIn: 1, tokensOut: 1 };
        return toSample({ ok: true, completion, latencyMs: 10, attempts: 1 }, prompt);
      }),
    }));
    const startedAt = new Date(Date.UTC(2026, 0, 1 + night)).toISOString();
    const metrics = runMetrics(observations, () => ({ kind: 'exact' }));
    const analysed = analyzeModel(
      {
        model,
        observations,
        metrics,
        window: 30,
        specOf: (o) => prompts[Number(o.promptId.slice(1))]!,
        seed: `night-${night}`,
      },
      view,
    );
    const record = buildRecord(
      {
        run: { id: `night-${night}`, startedAt, trigger: 'schedule', commit: null, url: null },
        finishedAt: startedAt,
        model,
        served: metrics.servedModels,
        systemFingerprints: metrics.systemFingerprints,
        samples: 5,
        prompts: analysed.prompts,
        metrics: analysed.metrics,
      },
      view,
    );
    view.add(record);
    records.push(record);
  }
  return records;
}

describe('the drift verdict in a record', () => {
  it('keeps an unchanged sampled model quiet and its reliability steady, while raw answers move', () => {
    const records = nights(8);
    const later = records.slice(1);
    expect(later.every((r) => r.metrics.drifted.length > 0)).toBe(true); // the modal answer moves
    expect(later.filter((r) => r.metrics.drift!.significant)).toEqual([]);
    expect(later.every((r) => r.metrics.drift!.p! > 0.01)).toBe(true);
    // Reliability counts the majority verdict (a: 70% a sample) and no drift: about 0.84 each night.
    for (const r of later) expect(r.metrics.reliability!).toBeGreaterThan(0.6);
    expect(records[0]!.metrics.drift).toEqual({ significant: false, p: null, prompts: [], detectableShift: null });
  });

  it('names the prompts whose distribution moved, and their regressions count', () => {
    const records = nights(8, (night, p) => (night === 7 && p < 3 ? 'Answer: z' : null));
    const drift = records.at(-1)!.metrics.drift!;
    expect(drift.significant).toBe(true);
    expect(drift.p).toBeLessThanOrEqual(0.01);
    expect(drift.prompts).toEqual(['s/p0', 's/p1', 's/p2']);
    expect(records.at(-1)!.metrics.runsSinceDrift).toBe(0);
    expect(significantRegressions(records.at(-1)!.metrics)).toEqual(
      records.at(-1)!.metrics.regressions.filter((k) => drift.prompts.includes(k)),
    );
    // With 5 samples against 35, two new answers are enough alone: the shift seen with 80% power.
    expect(drift.detectableShift).toBeGreaterThan(0.4);
    expect(drift.detectableShift).toBeLessThan(0.7);
  });
});

describe('regimeStarts', () => {
  it('restarts only the prompts a record named, inside the window', () => {
    const at = (prompts: string[]) => ({ metrics: { drift: { prompts } } }) as unknown as HistoryRecord;
    const records = [at(['s/a']), at([]), at(['s/b']), at([])];
    expect(regimeStarts(records, 30)).toEqual(
      new Map([
        ['', 0],
        ['s/b', 2],
        ['s/a', 0],
      ]),
    );
    expect(regimeStarts(records, 3).get('s/a')).toBeUndefined();
  });
});

describe('significantRegressions', () => {
  it('counts regressions beyond noise only, and all of them in records without a verdict', () => {
    const regressions = ['s/a', 's/b'];
    const verdict = (significant: boolean, prompts: string[]) => ({
      significant,
      p: 0,
      prompts,
      detectableShift: null,
    });
    expect(significantRegressions({ regressions })).toEqual(regressions);
    expect(significantRegressions({ regressions, drift: verdict(false, []) })).toEqual([]);
    expect(significantRegressions({ regressions, drift: verdict(true, ['s/b']) })).toEqual(['s/b']);
    expect(significantRegressions({ regressions, drift: verdict(true, []) })).toEqual(regressions);
  });
});
