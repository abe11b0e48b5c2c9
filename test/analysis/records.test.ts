import { describe, expect, it } from 'vitest';
import { buildRecords } from '../../src/analysis/records.js';
import { HistoryView } from '../../src/history/view.js';
import { runShard, smallConfig } from '../partial/helpers.js';

describe('buildRecords', () => {
  it('adds the records to a new view and leaves the one it was given unchanged', async () => {
    const { config } = await smallConfig();
    const outcome = await runShard(config, { index: 1, count: 1 });
    const history = new HistoryView([]);

    const first = buildRecords(outcome, history);
    expect(first.records.map((r) => r.model.id)).toEqual(outcome.models.map((m) => m.model.id));
    expect(history.modelIds()).toEqual([]);
    for (const record of first.records) expect(first.view.recordsOf(record.model.id)).toHaveLength(1);

    // Built again on the untouched history, the records are the first ones, not second nights.
    const again = buildRecords(outcome, history);
    expect(again.records.map((r) => r.metrics)).toEqual(first.records.map((r) => r.metrics));
    // Built on the first view, they are second nights of the same series.
    const next = buildRecords(outcome, first.view);
    for (const record of next.records) expect(next.view.recordsOf(record.model.id)).toHaveLength(2);
    expect(first.view.recordsOf(next.records[0]!.model.id)).toHaveLength(1);
  });
});
