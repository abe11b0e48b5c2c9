import { describe, expect, it } from 'vitest';
import { FAILING_SHOWN, failingBlocks } from '../../../src/report/document/failing-blocks.js';

const failing = Array.from({ length: 12 }, (_, i) => ({
  prompt: `s/q${i}`,
  answer: i === 0 ? null : `answer ${i}`,
  checks: i === 1 ? [] : [{ check: 'equals' as const, expected: `"${i}"` }],
}));

describe('failingBlocks', () => {
  it('shows the first prompts in a table and counts the rest', () => {
    const [lead, table, more] = failingBlocks(failing);
    expect(lead).toMatchObject({ kind: 'paragraph' });
    expect(table).toMatchObject({ kind: 'table' });
    expect((table as { rows: unknown[] }).rows).toHaveLength(FAILING_SHOWN);
    expect(more).toMatchObject({ kind: 'paragraph', note: true });
  });

  it('says so when there is no answer or no checks at hand, rather than leaving a blank', () => {
    const table = failingBlocks(failing.slice(0, 2))[1] as { rows: unknown[][][] };
    expect(table.rows[0]![1]).toEqual(['no answer extracted']);
    expect(table.rows[1]![2]).toEqual(['(the checks it was judged with are not at hand)']);
    expect(table.rows[0]![2]).toEqual(['equals', ' ', { kind: 'untrusted', text: '"0"', max: 120 }]);
  });

  it('shows nothing when every prompt passed', () => {
    expect(failingBlocks([])).toEqual([]);
  });
});
