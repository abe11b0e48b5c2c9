import { describe, expect, it } from 'vitest';
import { failingPrompts, specLookup } from '../../src/analysis/failing.js';
import { promptResult } from '../../src/analysis/prompt-result.js';
import { buildRecords } from '../../src/analysis/records.js';
import type { Config } from '../../src/config/types.js';
import { HistoryView } from '../../src/history/view.js';
import { runShard, smallConfig } from '../partial/helpers.js';

describe('failingPrompts', () => {
  it('names the prompts whose observations fail by majority, with the answer and the check', async () => {
    const { config } = await smallConfig();
    const outcome = await runShard(config, { index: 1, count: 1 });
    const { view } = buildRecords(outcome, new HistoryView([]));

    for (const model of outcome.models) {
      // Independently: the prompts whose own observation's majority verdict fails.
      const expected = model.observations
        .map((o) => promptResult(o, outcome.specOf(o)))
        .filter((r) => r.status === false)
        .map((r) => ({
          prompt: r.key,
          answer: r.answer,
          checks: [
            { check: 'equals', expected: JSON.stringify(r.answer === null ? '' : String(Number(r.answer) + 1)) },
          ],
        }));
      expect(failingPrompts(view, model.model.id, specLookup(config))).toEqual(expected);
    }
    // beta is wrong on every third question (0, 3, 6, 9); alpha on none.
    expect(failingPrompts(view, 'beta', specLookup(config)).map((f) => f.prompt)).toEqual([
      'sums/q0',
      'sums/q3',
      'sums/q6',
      'sums/q9',
    ]);
    expect(failingPrompts(view, 'alpha')).toEqual([]);
  });

  it('leaves out the checks of a prompt whose checks changed since the record', async () => {
    const { config } = await smallConfig();
    const outcome = await runShard(config, { index: 1, count: 1 });
    const { view } = buildRecords(outcome, new HistoryView([]));
    const changed: Config = {
      ...config,
      suites: config.suites.map((s) => ({
        ...s,
        prompts: s.prompts.map((p) => ({ ...p, expect: [{ kind: 'contains' as const, value: 'x' }] })),
      })),
    };
    expect(failingPrompts(view, 'beta', specLookup(changed))[0]).toEqual({
      prompt: 'sums/q0',
      answer: '0',
      checks: [],
    });
  });
});
