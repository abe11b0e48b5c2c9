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
  availability: { requests: 10, answered: 10, share: 1 },
  errors: { 'rate-limited': 0, timeout: 0, server: 0, connection: 0, auth: 0, 'bad-response': 0 },
  errorMessages: {},
});
const thresholds = { failBelow: null, failBelowAvailability: 0.5, failOnRegression: true };
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

  it('fails a model that answered fewer than fail-below-availability of its requests, not one at the floor', () => {
    const errors = { ...model(undefined).errors, connection: 6 };
    const down = { ...model(undefined, []), errors, availability: { requests: 10, answered: 4, share: 0.4 } };
    expect(thresholdBreaches(thresholds, [down], check)).toEqual([
      { kind: 'availability', modelId: 'm', availability: down.availability, failBelow: 0.5 },
    ]);
    const half = { ...down, availability: { requests: 10, answered: 5, share: 0.5 } };
    expect(thresholdBreaches(thresholds, [half], check)).toEqual([]);
    expect(thresholdBreaches({ ...thresholds, failBelowAvailability: 0 }, [down], check)).toEqual([]);
  });

  it("fails on any auth error, with the server's message, even with availability above the floor", () => {
    const errors = { ...model(undefined).errors, auth: 1 };
    const refused = {
      ...model(undefined, []),
      errors,
      errorMessages: { auth: 'HTTP 403: Forbidden' },
      availability: { requests: 10, answered: 9, share: 0.9 },
    };
    expect(thresholdBreaches(thresholds, [refused], { regressions: false })).toEqual([
      { kind: 'auth', modelId: 'm', errors: 1, message: 'HTTP 403: Forbidden' },
    ]);
    // Every request refused: one breach says why, not a second about availability.
    const dead = { ...refused, errors: { ...errors, auth: 10 }, availability: { requests: 10, answered: 0, share: 0 } };
    expect(thresholdBreaches(thresholds, [dead], check).map((b) => b.kind)).toEqual(['auth']);
    const mixed = { ...dead, errors: { ...errors, auth: 4, timeout: 6 } };
    expect(thresholdBreaches(thresholds, [mixed], check).map((b) => b.kind)).toEqual(['auth', 'availability']);
  });
});
