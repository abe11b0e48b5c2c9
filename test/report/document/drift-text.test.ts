import { splitByNoise } from '../../../src/analysis/drift.js';
import { describe, expect, it } from 'vitest';
import { detectableShift } from '../../../src/analysis/power.js';
import type { DriftVerdict } from '../../../src/history/record.js';
import { driftCell, driftVerdictText, regressionCell } from '../../../src/report/document/drift-text.js';

const quiet = (p: number, shift: number | null): DriftVerdict => ({
  significant: false,
  p,
  prompts: [],
  detectableShift: shift,
});

describe('driftVerdictText', () => {
  it('says what "no drift" means: no drift larger than the shift seen with 80% power', () => {
    // 5 samples against a full window of 30 runs: two new answers of five are enough (p = 0.0009),
    // so delta solves 1 - (1 - d)^5 - 5 d (1 - d)^4 = 0.8: d = 0.4902.
    const shift = detectableShift(5, 150, 0.01)!;
    expect(shift).toBeCloseTo(0.4902, 4);
    expect(driftVerdictText(quiet(0.42, shift), 3)).toBe(
      "No drift beyond noise (p = 0.42); the 3 changed answers are within noise. No drift larger than 49% of one prompt's answers (80% power).",
    );
    expect(driftVerdictText(quiet(0.9, null), 0)).toBe(
      'No drift beyond noise (p = 0.9). Too little history to judge one prompt alone yet.',
    );
  });

  it('names the changed prompts, or says the suite changed as a whole', () => {
    const named = { significant: true, p: 0.0005, prompts: ['s/a', 's/b'], detectableShift: 0.5 };
    expect(driftVerdictText(named, 2)).toBe(
      'Drift beyond noise (p < 0.001): 2 prompts changed (5% false discovery rate).',
    );
    expect(driftVerdictText({ ...named, p: 0.004, prompts: [] }, 9)).toBe(
      'Drift beyond noise (p = 0.004): the suite changed as a whole, no single prompt can be named with this much history.',
    );
    expect(driftVerdictText(undefined, 2)).toBeNull();
  });
});

describe('table cells', () => {
  it('show raw changes and regressions within noise apart from those beyond it', () => {
    expect(driftCell(quiet(0.3, 0.5), 4)).toEqual(['none (4 within noise)']);
    const within = { regressions: ['s/a', 's/b'], drift: quiet(0.3, 0.5) };
    expect(regressionCell(splitByNoise(within))).toBe('0 (2 within noise)');
    const named = { regressions: ['s/a', 's/b'], drift: { ...quiet(0.001, 0.5), significant: true, prompts: ['s/a'] } };
    expect(regressionCell(splitByNoise(named))).toBe('1 (1 within noise)');
    // A record written before the drift test: every regression counts, as it did.
    expect(regressionCell(splitByNoise({ regressions: ['s/a', 's/b'] }))).toBe('2');
    // A pull request's own regressions count too, and the cell says how many are its.
    expect(regressionCell(splitByNoise(within), 1)).toBe('1 (1 of this PR, 2 within noise)');
    expect(regressionCell({ beyond: [], within: [] }, 2)).toBe('2 (2 of this PR)');
  });
});
