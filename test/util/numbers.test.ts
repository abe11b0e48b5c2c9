import { describe, expect, it } from 'vitest';
import { badgeColor, badgeMessage } from '../../src/badge/badge.js';
import { percent, roundPercent } from '../../src/util/numbers.js';

/** k/n as a percentage with one decimal, ties away from zero, in exact integer arithmetic. */
function exactPercent(k: number, n: number): string {
  const tenths = (2n * 1000n * BigInt(k) + BigInt(n)) / (2n * BigInt(n));
  return `${tenths / 10n}.${tenths % 10n}%`;
}

describe('percent', () => {
  it('reads 23/80 (28.75%) as 28.8%, on the badge as in reports', () => {
    expect(percent(23 / 80)).toBe('28.8%');
    expect(badgeMessage(23 / 80)).toBe('28.8%');
    expect(roundPercent(23 / 80)).toBe(28.8);
  });

  it('rounds every k/n with n <= 2000 as exact decimal arithmetic does, and the badge prints the same', () => {
    let ties = 0;
    const wrong: string[] = [];
    for (let n = 1; n <= 2000; n++) {
      for (let k = 0; k <= n; k++) {
        const want = exactPercent(k, n);
        const got = percent(k / n);
        if (got !== want || (n % 50 === 0 && badgeMessage(k / n) !== want))
          wrong.push(`${k}/${n}: ${got}, not ${want}`);
        if ((2000 * k) % (2 * n) === n) ties += 1;
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The exact halves are there to be rounded, not a vacuous pass.
    expect(ties).toBeGreaterThan(400);
  });

  it('prints other precisions and null', () => {
    expect(percent(null)).toBe('n/a');
    expect(percent(0.0285, 0)).toBe('3%');
    expect(percent(0.12345, 2)).toBe('12.35%');
    expect(percent(1)).toBe('100.0%');
  });

  it('colors the badge on the value it shows', () => {
    expect(badgeColor(0.9495)).toBe('green');
    expect(badgeColor(0.9494)).toBe('yellow');
    expect(badgeColor(0.8495)).toBe('yellow');
    expect(badgeColor(0.6995)).toBe('orange');
    expect(badgeColor(0.6994)).toBe('red');
  });
});
