import { driftVerdictText } from './document/drift-text.js';
import { percent, pValue, usd } from '../util/numbers.js';
import type { ModelSummary, RunSummary } from '../analysis/summary.js';

/** The few lines a person reads after `trackrecord run`. */
export function formatRunSummary(summary: RunSummary): string {
  const lines = [`run ${summary.run.id}`];
  for (const m of summary.models) {
    lines.push(`  ${m.id}: ${headline(m)}`);
    const drift = driftLine(m);
    if (drift) lines.push(`    ${drift}`);
    const verdict = driftVerdictText(m.drift, m.drifted.length);
    if (verdict && m.drift.p !== null) lines.push(`    ${verdict}`);
  }
  return lines.join('\n');
}

function headline(m: ModelSummary): string {
  const interval = m.reliabilityInterval
    ? ` [${percent(m.reliabilityInterval[0])}, ${percent(m.reliabilityInterval[1])}]`
    : '';
  const errors = Object.entries(m.errors).filter(([, n]) => n > 0);
  const errorText = errors.length === 0 ? 'no errors' : `errors: ${errors.map(([k, n]) => `${n} ${k}`).join(', ')}`;
  return (
    `reliability ${percent(m.reliability)}${interval}, pass rate ${percent(m.passRate)}, ` +
    `stability ${percent(m.stability)}, agreement ${percent(m.agreement)}, p50 ${m.latencyMs.p50 ?? 'n/a'} ms, ${errorText}${m.cost === null ? '' : `, cost ${usd(m.cost)}`}`
  );
}

function driftLine(m: ModelSummary): string | null {
  const parts: string[] = [];
  const real = m.drifted.length - m.flapping.length;
  if (real > 0) parts.push(`${real} drifted`);
  if (m.flapping.length > 0) parts.push(`${m.flapping.length} flapping`);
  if (m.regressions.length > 0 || m.fixes.length > 0) {
    const p = m.flipsP === null ? '' : ` (${pValue(m.flipsP)} under no change)`;
    const { beyond, within } = m.noise;
    const noise = within.length > 0 ? ` beyond noise, ${within.length} within noise` : '';
    parts.push(`${beyond.length} regressions${noise}, ${m.fixes.length} fixes${p}`);
  }
  if (m.newSeries.length > 0) parts.push(`${m.newSeries.length} new series`);
  return parts.length > 0 ? parts.join(', ') : null;
}
