import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/run/progress.js';
import type { CallResult } from '../../src/run/types.js';

const ok: CallResult = {
  ok: true,
  completion: { output: 'x', servedModel: null, systemFingerprint: null, tokensIn: null, tokensOut: null },
  latencyMs: 1,
  attempts: 1,
};
const failed: CallResult = {
  ok: false,
  error: { category: 'timeout', status: null, message: 't' },
  latencyMs: 1,
  attempts: 5,
};

function drive(isTTY: boolean, total: number, stepMs: number, quietForMs = 0): string {
  let out = '';
  let clock = 0;
  const tick = createProgress({ isTTY, write: (t) => (out += t) }, { label: 'tr', quietForMs, now: () => clock });
  for (let done = 1; done <= total; done++) {
    clock += stepMs;
    tick(done, total, done % 10 === 0 ? failed : ok);
  }
  return out;
}

describe('createProgress', () => {
  it('writes one line every 10% in a log, counting errors', () => {
    const lines = drive(false, 200, 100).trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('tr 10% (20/200 requests, 2 errors, 2.0s)');
    expect(lines[9]).toBe('tr 100% (200/200 requests, 20 errors, 20.0s)');
  });

  it('stays silent for a run shorter than its quiet period', () => {
    expect(drive(false, 100, 5, 1000)).toBe('');
    expect(drive(true, 100, 5, 1000)).toBe('');
  });

  it('reports where it stands as soon as a run outlasts the quiet period, then every 10%', () => {
    const lines = drive(false, 100, 30, 1000).trim().split('\n');
    expect(lines[0]).toBe('tr 30% (34/100 requests, 3 errors, 1.0s)');
    expect(lines[1]).toBe('tr 40% (40/100 requests, 4 errors, 1.2s)');
    expect(lines.at(-1)).toMatch(/^tr 100% /);
  });

  it('redraws one bar in place on a terminal and ends it with a newline', () => {
    const out = drive(true, 50, 100);
    expect(out.startsWith('\rtr [')).toBe(true);
    expect(out.endsWith('100% 50/50 requests, 5 errors, 5.0s\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });
});
