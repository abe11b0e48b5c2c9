import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import type { RunSummary } from '../../src/analysis/summary.js';
import { runCli } from '../support/cli.js';
import { SAMPLED_NIGHTS, SAMPLED_SUITE, sampledConfig, sampledRecordings } from '../support/sampled.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('trackrecord run on a sampled model (temperature 0.7, 5 samples, checks on every prompt)', () => {
  it('reports no drift and exits 0 night after night while it is unchanged, and fails once it changes', async () => {
    server = await startReplayServer({ recordings: sampledRecordings(), aliases: { m: 'steady' } });
    const root = tempDir({
      '.github/trackrecord.yml': sampledConfig(server.baseUrl),
      'prompts/colors.yaml': SAMPLED_SUITE,
    });
    const nights: RunSummary['models'][number][] = [];
    for (let night = 0; night < SAMPLED_NIGHTS + 2; night++) {
      const run = await runCli(['run', '--json'], root);
      expect(run.code, `night ${night + 1}: ${run.stderr}`).toBe(0);
      nights.push((JSON.parse(run.stdout) as RunSummary).models[0]!);
    }
    const later = nights.slice(1);
    // Raw answers and verdicts move (the last night has the crafted pass -> fail of q0), yet no
    // night is drift: the contract's field in the --json summary says so.
    expect(later.filter((m) => m.drifted.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(nights.at(-1)!.regressions).toContain('colors/q0');
    for (const m of later) {
      expect(m.drift).toMatchObject({ significant: false, prompts: [] });
      expect(m.drift.p).toBeGreaterThan(0.01);
    }
    // Reliability counts majority verdicts and changes beyond noise, so it stays near the share of
    // prompts whose majority of 5 samples passes, P(Binomial(5, 0.6) >= 3) = 0.68256, not sliding.
    const majority = [3, 4, 5].reduce((sum, k) => sum + [1, 5, 10, 10, 5, 1][k]! * 0.6 ** k * 0.4 ** (5 - k), 0);
    expect(majority).toBeCloseTo(0.68256, 5);
    for (const m of later) expect(Math.abs(m.reliability! - majority)).toBeLessThan(0.15);
    // The report reads the flip as noise, not as a failure.
    const report = readFileSync(join(root, '.trackrecord/report.md'), 'utf8');
    const within = nights.at(-1)!.regressions.length;
    expect(report).toContain(`| 0 (${within} within noise) |`);
    expect(report).toMatch(new RegExp(`${within} regressions? \\(pass → fail\\) within noise: .*colors/q0`));

    const quiet = JSON.parse(readFileSync(join(root, '.trackrecord/badge.json'), 'utf8')) as { message: string };
    // The provider changes the model: red falls from 0.6 to 0.1 on every prompt.
    server.setAliases({ m: 'shifted' });
    const changed = await runCli(['run', '--json'], root);
    expect(changed.code).toBe(1);
    const m = (JSON.parse(changed.stdout) as RunSummary).models[0]!;
    expect(m.drift.significant).toBe(true);
    expect(m.drift.p).toBeLessThanOrEqual(0.01);
    // The recordings are seeded and served in order per prompt: the same four regress every time.
    expect(m.regressions).toEqual(['colors/q1', 'colors/q2', 'colors/q3', 'colors/q6']);
    expect(changed.stderr).toMatch(/threshold: m: \d+ prompts? went from pass to fail/);
    // The badge says so: a quiet night reads the score alone, the drifted one adds the word.
    expect(quiet.message).toMatch(/^\d+\.\d%$/);
    const badge = JSON.parse(readFileSync(join(root, '.trackrecord/badge.json'), 'utf8')) as { message: string };
    expect(badge.message).toBe(`${(m.reliability! * 100).toFixed(1)}% · drifted`);
  }, 60_000);
});
