import { describe, expect, it } from 'vitest';
import { splitByNoise } from '../../src/analysis/drift.js';
import { thresholdBreaches, type ThresholdInput } from '../../src/analysis/thresholds.js';
import type { DriftVerdict } from '../../src/history/record.js';

const verdict = (significant: boolean, p: number, prompts: string[]): DriftVerdict => ({
  significant,
  p,
  prompts,
  detectableShift: 0.5,
});
const model = (drift: DriftVerdict | undefined, regressions = ['s/a', 's/b']): ThresholdInput => ({
  id: 'm',
  reliability: 0.9,
  noise: splitByNoise({ regressions, ...(drift ? { drift } : {}) }),
  flipsP: 0.5,
  ...(drift ? { drift } : {}),
});
const thresholds = { failBelow: null, failOnRegression: true };
const check = { regressions: true };

describe('thresholdBreaches', () => {
  it('lets regressions within noise pass: the drift test found no change', () => {
    expect(thresholdBreaches(thresholds, [model(verdict(false, 0.3, []))], check)).toEqual([]);
  });

  it('fails on the regressions among the prompts the drift test named, with its p-value', () => {
    expect(thresholdBreaches(thresholds, [model(verdict(true, 0.0005, ['s/b', 's/c']))], check)).toEqual([
      { kind: 'regressions', modelId: 'm', regressions: ['s/b'], flipsP: 0.0005 },
    ]);
    // Significant, but none of the regressed prompts named: the named ones changed without failing.
    expect(thresholdBreaches(thresholds, [model(verdict(true, 0.001, ['s/c']))], check)).toEqual([]);
  });

  it('fails on every regression when the suite changed as a whole with no prompt named', () => {
    expect(thresholdBreaches(thresholds, [model(verdict(true, 0.004, []))], check)).toEqual([
      { kind: 'regressions', modelId: 'm', regressions: ['s/a', 's/b'], flipsP: 0.004 },
    ]);
  });

  it('judges a record written before the drift test as before: every regression, with the McNemar p', () => {
    expect(thresholdBreaches(thresholds, [model(undefined)], check)).toEqual([
      { kind: 'regressions', modelId: 'm', regressions: ['s/a', 's/b'], flipsP: 0.5 },
    ]);
  });

  it('leaves regressions alone in nightly tracking and when fail-on-regression is off', () => {
    const changed = model(verdict(true, 0.0005, ['s/a']));
    expect(thresholdBreaches(thresholds, [changed], { regressions: false })).toEqual([]);
    expect(thresholdBreaches({ ...thresholds, failOnRegression: false }, [changed], check)).toEqual([]);
  });
});
