import { describe, expect, it } from 'vitest';
import type { ModelReport } from '../../../src/report/data/report.js';
import { flipBlocks } from '../../../src/report/document/drift-blocks.js';

/** The fields flipBlocks reads: the flips, their split by noise, McNemar's p and the verdict. */
function flips(drift: ModelReport['metrics']['drift']): ModelReport {
  return {
    regressions: ['s/a'],
    fixes: [],
    flipsP: 1,
    noise: { beyond: drift ? [] : ['s/a'], within: drift ? ['s/a'] : [] },
    metrics: drift ? { drift } : {},
  } as unknown as ModelReport;
}

const sentences = (m: ModelReport) => JSON.stringify(flipBlocks(m));

describe('flipBlocks', () => {
  it("gives McNemar's p only to a record without a drift verdict, so two tests never disagree on one page", () => {
    expect(sentences(flips(undefined))).toContain('Exact McNemar test of regressions against fixes: p = 1');
    const verdict = { significant: false, p: 0.4, prompts: [], detectableShift: null };
    expect(sentences(flips(verdict))).not.toContain('McNemar');
    expect(sentences(flips(verdict))).toContain('within noise');
  });
});
