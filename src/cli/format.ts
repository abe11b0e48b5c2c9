import type { RunSummary } from '../report/summary.js';

export function percent(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(digits)}%`;
}

/** The few lines a person reads after `trackrecord run`. */
export function formatRunSummary(summary: RunSummary): string {
  const lines = [`run ${summary.run.id}`];
  for (const m of summary.models) {
    const errors = Object.entries(m.errors).filter(([, n]) => n > 0);
    const errorText = errors.length === 0 ? 'no errors' : `errors: ${errors.map(([k, n]) => `${n} ${k}`).join(', ')}`;
    lines.push(
      `  ${m.id}: pass rate ${percent(m.passRate)}, agreement ${percent(m.agreement)}, ` +
        `p50 ${m.latencyMs.p50 ?? 'n/a'} ms, ${errorText}`,
    );
  }
  return lines.join('\n');
}
