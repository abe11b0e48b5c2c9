import { describe, expect, it } from 'vitest';
import { referenceStart, splitByNoise } from '../../src/analysis/drift.js';
import { recordModel } from '../../src/analysis/records.js';
import { runMetrics } from '../../src/run/run-metrics.js';
import type { PromptSpec } from '../../src/config/types.js';
import type { NewRecord } from '../../src/history/build-record.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { HistoryView } from '../../src/history/view.js';
import { summarize } from '../../src/analysis/summary.js';
import { formatRunSummary } from '../../src/report/text.js';
import { toSample } from '../../src/run/execute.js';
import type { Observation } from '../../src/run/types.js';
import { seededRandom } from '../../src/util/random.js';
import { simulatedModel } from '../../tools/simulated/config.js';

const model = simulatedModel();
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
function nights(
  count: number,
  output?: (night: number, p: number, s: number) => string | null,
  samples = 5,
  seed = 11,
  /** Alters a night's record once written, as the history will hold it (e.g. a record of an older version). */
  written?: (night: number, record: NewRecord) => void,
): NewRecord[] {
  const random = seededRandom(seed);
  const view = new HistoryView();
  const records: NewRecord[] = [];
  for (let night = 0; night < count; night++) {
    const observations: Observation[] = prompts.map((prompt, p) => ({
      modelId: 'sim',
      suite: 's',
      promptId: prompt.id,
      promptHash: `${p}`.padStart(16, '0'),
      checksHash: 'c'.repeat(16),
      samples: Array.from({ length: samples }, (_, s) => {
        const u = random();
        const text = output?.(night, p, s) ?? `Answer: ${u < 0.7 ? 'a' : u < 0.85 ? 'b' : 'c'}`;
        const completion = { output: text, servedModel: 'sim', systemFingerprint: null, tokensIn: 1, tokensOut: 1 };
        return toSample({ ok: true, completion, latencyMs: 10, attempts: 1 }, prompt);
      }),
    }));
    const startedAt = new Date(Date.UTC(2026, 0, 1 + night)).toISOString();
    const record = recordModel(
      { model, observations, metrics: runMetrics(observations, () => ({ kind: 'exact' })) },
      {
        run: { id: `night-${night}`, startedAt, trigger: 'schedule', commit: null, url: null },
        finishedAt: startedAt,
        window: 30,
        samples,
        specOf: (o) => prompts[Number(o.promptId.slice(1))]!,
        seed: `night-${night}`,
      },
      view,
    );
    written?.(night, record);
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
    // The run's summary line counts the raw flips as noise, not as regressions.
    const flipped = later.find((r) => r.metrics.regressions.length > 0)!;
    expect(formatRunSummary(summarize([flipped]))).toContain(
      `0 regressions beyond noise, ${flipped.metrics.regressions.length} within noise, `,
    );
  });

  it('names the prompts whose distribution moved, and their regressions count', () => {
    const records = nights(8, (night, p) => (night === 7 && p < 3 ? 'Answer: z' : null));
    const drift = records.at(-1)!.metrics.drift!;
    expect(drift.significant).toBe(true);
    expect(drift.p).toBeLessThanOrEqual(0.01);
    expect(drift.prompts).toEqual(['s/p0', 's/p1', 's/p2']);
    expect(records.at(-1)!.metrics.runsSinceDrift).toBe(0);
    expect(splitByNoise(records.at(-1)!.metrics).beyond).toEqual(
      records.at(-1)!.metrics.regressions.filter((k) => drift.prompts.includes(k)),
    );
    // With 5 samples against 35, two new answers are enough alone: the shift seen with 80% power.
    expect(drift.detectableShift).toBeGreaterThan(0.4);
    expect(drift.detectableShift).toBeLessThan(0.7);
  });
});

describe('the reference', () => {
  it('holds an earlier output too long for checks as a failing sample without an answer, as the run judged it', () => {
    // max-output-kb allows outputs past what checks read (1 MiB): the run records such a sample as
    // failing with no answer, and the nights after must read it the same way, not stop.
    const huge = `Answer: a ${'x'.repeat(1_100_000)}`;
    const records = nights(3, (night, p, s) => (night === 0 && p === 0 && s === 0 ? huge : null));
    expect(records[0]!.metrics.passed).toBeLessThan(records[0]!.metrics.checked);
    for (const r of records.slice(1)) expect(r.metrics.drift).toMatchObject({ significant: false });
  });
});

describe('records written before the drift test', () => {
  it('keep the counts they were written with, and their samples join the reference', () => {
    // Four nights recorded before the drift test existed: no verdict, and "behaved" counted by the
    // old rule (here a model judged harshly: nothing behaved), then two nights of this version.
    const records = nights(6, undefined, 5, 11, (night, record) => {
      if (night >= 4) return;
      delete record.metrics.drift;
      record.metrics.behaved = 0;
    });
    const first = records[4]!.metrics;
    const pooled = records.slice(0, 5).map((r) => r.metrics);
    const behaved = pooled.reduce((n, m) => n + m.behaved, 0);
    const judged = pooled.reduce((n, m) => n + m.judged, 0);
    expect(pooled.slice(0, 4).map((m) => m.behaved)).toEqual([0, 0, 0, 0]);
    expect(first.reliability).toBeCloseTo(behaved / judged, 12);
    // The reference is every sample of the four old nights: 20 of them against 5, so a prompt's
    // test can judge a shift alone (three new answers of five: C(5, 3) / C(25, 3) = 0.0043).
    expect(first.drift!.p).not.toBeNull();
    expect(first.drift!.significant).toBe(false);
    expect(first.drift!.detectableShift).not.toBeNull();
    expect(records[5]!.metrics.drift!.significant).toBe(false);
  });
});

describe('referenceStart', () => {
  const at = (significant: boolean) =>
    ({ metrics: { drift: { significant, prompts: [], p: 0, detectableShift: null } } }) as unknown as HistoryRecord;

  it('starts at the trailing window, or at the last significant change within it', () => {
    const records = [at(true), at(false), at(true), at(false), at(false)];
    expect(referenceStart(records, 30)).toBe(2);
    expect(referenceStart(records, 3)).toBe(3); // the change at 2 is out of a window of 3
    expect(referenceStart([at(false), at(false)], 30)).toBe(0);
    expect(referenceStart([], 30)).toBe(0);
  });

  it('keeps the nights after a change quiet when most changed prompts could not be named', () => {
    // From night 7, half the prompts answer "a" 30% of the time instead of 70%: a shift the suite
    // shows at once, but few prompts alone. Eight such models, five nights after each change.
    let detected = 0;
    let named = 0;
    let nightsAfter = 0;
    let alarmsAfter = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const shift = seededRandom(100 + seed);
      const output = (night: number, p: number) => {
        if (night < 7 || p >= 6) return null;
        const u = shift();
        return `Answer: ${u < 0.3 ? 'a' : u < 0.65 ? 'b' : 'c'}`;
      };
      const drift = nights(14, output, 5, seed).map((r) => r.metrics.drift!);
      const first = drift.findIndex((d, night) => night >= 7 && d.significant);
      if (first < 0) continue;
      detected += 1;
      named += drift[first]!.prompts.length;
      nightsAfter += drift.length - first - 1;
      alarmsAfter += drift.slice(first + 1).filter((d) => d.significant).length;
    }
    expect(detected).toBeGreaterThanOrEqual(6);
    expect(named).toBeLessThan(detected * 6 * 0.75); // most changed prompts were not named
    expect(nightsAfter).toBeGreaterThanOrEqual(20);
    expect(alarmsAfter).toBeLessThanOrEqual(1); // at a 1% level, a second alarm is rare
  });

  it('keeps the nights after a change quiet when the change was too young to name any prompt', () => {
    // One sample a night: every prompt moves from "a" to "z" on the fourth night and stays. Three
    // earlier answers are too few to name one prompt, so the whole suite's change is what alarms.
    const records = nights(8, (night) => (night < 3 ? 'Answer: a' : 'Answer: z'), 1);
    const drift = records.map((r) => r.metrics.drift!);
    expect(drift[3]!.significant).toBe(true);
    expect(drift[3]!.prompts).toEqual([]);
    for (const later of drift.slice(4)) expect(later).toMatchObject({ significant: false });
    expect(records.map((r) => r.metrics.runsSinceDrift)).toEqual([null, null, null, 0, 1, 2, 3, 4]);
  });
});

describe('splitByNoise', () => {
  it('counts regressions beyond noise only, and all of them in records without a verdict', () => {
    const regressions = ['s/a', 's/b'];
    const verdict = (significant: boolean, prompts: string[]) => ({
      significant,
      p: 0,
      prompts,
      detectableShift: null,
    });
    expect(splitByNoise({ regressions })).toEqual({ beyond: regressions, within: [] });
    expect(splitByNoise({ regressions, drift: verdict(false, []) })).toEqual({ beyond: [], within: regressions });
    expect(splitByNoise({ regressions, drift: verdict(true, ['s/b']) })).toEqual({ beyond: ['s/b'], within: ['s/a'] });
    expect(splitByNoise({ regressions, drift: verdict(true, []) })).toEqual({ beyond: regressions, within: [] });
  });

  it('counts a regression an edit made beyond noise, whatever the drift verdict', () => {
    const drift = { significant: false, p: 0.4, prompts: [], detectableShift: null };
    expect(splitByNoise({ regressions: ['s/a', 's/e'], drift, editRegressions: ['s/e'] })).toEqual({
      beyond: ['s/e'],
      within: ['s/a'],
    });
  });
});
