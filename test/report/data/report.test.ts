import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { readHistory } from '../../../src/history/read.js';
import { promptKey } from '../../../src/config/types.js';
import type { HistoryRecord } from '../../../src/history/record.js';
import { HistoryView } from '../../../src/history/view.js';
import type { ReplayServer } from '../../../tools/replay/index.js';
import { buildReport } from '../../../src/report/data/report.js';
import { runAndRecord } from '../../../src/app/run-and-record.js';
import { primeConfig, primeTruth, startPrimeServer } from '../../support/prime.js';
import { makeRecords } from '../../support/records.js';
import { tempDir } from '../../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const key = (id: string) => `llmdrift-prime/${id}`;

/** A history made by real runs of `gpt-4` against the replay server, one run per snapshot (null: an outage). */
async function primeHistory(snapshots: Array<string | null>, extra = '') {
  server = await startPrimeServer();
  const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4', extra) });
  const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
  let last = 'gpt-4-0314';
  for (const snapshot of snapshots) {
    server.setFaults(snapshot === null ? { serverError: { share: 1, attempts: Infinity } } : undefined);
    last = snapshot ?? last;
    server.setAliases({ 'gpt-4': last });
    await runAndRecord(config, { root, env: {}, useHistory: true });
  }
  const { records } = await readHistory(join(root, '.trackrecord/history.jsonl'));
  return { records, view: new HistoryView(records) };
}

/** What the data file itself says changed between two snapshots. */
function truthDiff(from: string, to: string) {
  const before = primeTruth(from);
  const after = primeTruth(to);
  const ids = [...before.keys()];
  return {
    before,
    after,
    changed: ids.filter((id) => before.get(id)!.answer !== after.get(id)!.answer).map(key),
    regressions: ids.filter((id) => before.get(id)!.correct && !after.get(id)!.correct).map(key),
    fixes: ids.filter((id) => !before.get(id)!.correct && after.get(id)!.correct).map(key),
  };
}

describe('buildReport on the real GPT-4 drift (March -> June 2023)', () => {
  it('lists exactly the drifted prompts, with the March answer before and the June answer after', async () => {
    const { records, view } = await primeHistory(['gpt-4-0314', 'gpt-4-0613']);
    const report = buildReport(view);
    const truth = truthDiff('gpt-4-0314', 'gpt-4-0613');

    expect(report.records).toBe(2);
    expect(report.models).toHaveLength(1);
    const m = report.models[0]!;
    expect(m).toMatchObject({ id: 'gpt-4', model: 'gpt-4', records: 2, samples: 1, served: ['gpt-4-0613'] });
    expect(m.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(m.run).toEqual({
      id: records[1]!.run.id,
      startedAt: records[1]!.run.startedAt,
      url: records[1]!.run.url,
      commit: records[1]!.run.commit,
      trigger: records[1]!.run.trigger,
    });
    expect(m.metrics).toEqual(records[1]!.metrics);

    expect(truth.changed.length).toBeGreaterThan(50);
    expect(m.drift.map((d) => d.key).sort()).toEqual([...truth.changed].sort());
    for (const d of m.drift) {
      const id = d.key.slice('llmdrift-prime/'.length);
      expect(d.before, d.key).toBe(truth.before.get(id)!.answer);
      expect(d.after, d.key).toBe(truth.after.get(id)!.answer);
      expect(d.flapping).toBe(false);
      expect(d.regression).toBe(truth.regressions.includes(d.key));
      expect(d.fix).toBe(truth.fixes.includes(d.key));
    }
    expect([...m.regressions].sort()).toEqual([...truth.regressions].sort());
    expect([...m.fixes].sort()).toEqual([...truth.fixes].sort());
    expect(m.flipsP).toBe(records[1]!.metrics.flipsP);
    expect(m.flipsP).toBeLessThan(0.001);
  });

  it('has one trend point per record, and marks the backend change by its system fingerprint', async () => {
    const { records, view } = await primeHistory(['gpt-4-0314', 'gpt-4-0314', 'gpt-4-0613']);
    const m = buildReport(view).models[0]!;
    expect(m.trend.map((p) => p.runId)).toEqual(records.map((r) => r.run.id));
    expect(m.trend.map((p) => p.fingerprintChanged)).toEqual([false, false, true]);
    expect(m.fingerprintChanged).toBe(true);
    expect(m.trend[0]).toMatchObject({ passRate: 0.83, stability: null, drifted: 0, flapping: 0, errors: 0 });
    expect(m.trend[1]).toMatchObject({ stability: 1, drifted: 0 });
    expect(m.trend[2]!.drifted).toBe(truthDiff('gpt-4-0314', 'gpt-4-0613').changed.length);
    expect(m.trend[2]!.fingerprints).toEqual(records[2]!.model.systemFingerprints);
    for (const [i, p] of m.trend.entries()) {
      expect(p.reliability).toBe(records[i]!.metrics.reliability);
      expect(p.reliabilityInterval).toEqual(records[i]!.metrics.reliabilityInterval);
    }

    expect(buildReport(view, { trend: 2 }).models[0]!.trend.map((p) => p.runId)).toEqual(
      records.slice(1).map((r) => r.run.id),
    );
    // The first point of a short trend is still compared with the record before it.
    expect(buildReport(view, { trend: 1 }).models[0]!.trend).toMatchObject([
      { runId: records[2]!.run.id, fingerprintChanged: true },
    ]);
  });

  it('calls a return to the March answers flapping, with June before and March after', async () => {
    const { view } = await primeHistory(['gpt-4-0314', 'gpt-4-0613', 'gpt-4-0314']);
    const m = buildReport(view).models[0]!;
    const truth = truthDiff('gpt-4-0613', 'gpt-4-0314');
    expect(m.drift.map((d) => d.key).sort()).toEqual([...truth.changed].sort());
    for (const d of m.drift) {
      const id = d.key.slice('llmdrift-prime/'.length);
      expect(d).toMatchObject({
        before: truth.before.get(id)!.answer,
        after: truth.after.get(id)!.answer,
        flapping: true,
      });
    }
    expect(m.trend.at(-1)).toMatchObject({ drifted: 0, flapping: truth.changed.length });
  });

  it('looks past an outage for the previous answer', async () => {
    const { view } = await primeHistory(['gpt-4-0314', null, 'gpt-4-0613'], 'retries: 0\n');
    const m = buildReport(view).models[0]!;
    const truth = truthDiff('gpt-4-0314', 'gpt-4-0613');
    expect(m.trend.map((p) => p.errors)).toEqual([0, 100, 0]);
    expect(m.drift.map((d) => d.key).sort()).toEqual([...truth.changed].sort());
    for (const d of m.drift) expect(d.before).toBe(truth.before.get(d.key.slice('llmdrift-prime/'.length))!.answer);
  });
});

describe('buildReport', () => {
  it("finds the same previous answers as the view's prompt series, for every model", () => {
    const models = ['a', 'b', 'c'];
    const records = makeRecords(60, { models, prompts: 12, samples: 2, seed: 7 }).map(
      (r) => ({ ...r, prev: '' }) as HistoryRecord,
    );
    const view = new HistoryView(records);
    const report = buildReport(view, { trend: 5 });
    expect(report.models.map((m) => m.id)).toEqual(models);
    expect(report.records).toBe(60);
    const reference = new HistoryView(records);
    let checked = 0;
    for (const m of report.models) {
      const own = reference.recordsOf(m.id);
      const latest = own.at(-1)!;
      const catalog = reference.catalog(latest.catalog);
      expect(m.records).toBe(20);
      expect(m.trend).toHaveLength(5);
      expect(m.drift.map((d) => d.key)).toEqual(latest.metrics.drifted);
      for (const d of m.drift) {
        const i = catalog.findIndex(([suite, id]) => promptKey(suite, id) === d.key);
        const points = reference.series(m.id, catalog[i]![2]).filter((p) => p.run < own.length - 1 && p.answered);
        expect(d.before).toBe(reference.text(d.key, points.at(-1)?.answerRef ?? null));
        expect(d.after).toBe(reference.text(d.key, latest.answers[i] ?? null));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reports only the models asked for, in history order', () => {
    const records = makeRecords(9, { models: ['a', 'b', 'c'] }).map((r) => ({ ...r, prev: '' }) as HistoryRecord);
    const view = new HistoryView(records);
    expect(buildReport(view, { models: ['c', 'a', 'nope'] }).models.map((m) => m.id)).toEqual(['a', 'c']);
  });

  it('is empty for an empty history', () => {
    expect(buildReport(new HistoryView())).toEqual({ records: 0, partial: false, trend: 30, models: [] });
    expect(buildReport(new HistoryView(), { trend: Number.NaN }).trend).toBe(30);
  });
});
