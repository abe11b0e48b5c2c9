import { isUnavailable } from '../analysis/availability.js';
import { driftVerdictText } from './document/drift-text.js';
import { errorsWithReasons } from './thresholds.js';
import { percent, pValue, usd, count } from '../util/numbers.js';
import type { FailingPrompt } from '../analysis/failing.js';
import type { ModelSummary, RunSummary } from '../analysis/summary.js';
import { showInvisible, truncateText } from '../util/untrusted-text.js';

/** The few lines a person reads after `trackrecord run`. */
export function formatRunSummary(summary: RunSummary): string {
  const lines = [`run ${summary.run.id}`];
  for (const m of summary.models) {
    lines.push(`  ${m.id}: ${headline(m)}`);
    const drift = driftLine(m);
    if (drift) lines.push(`    ${drift}`);
    const verdict = driftVerdictText(m.drift, m.drifted.length);
    if (verdict && m.drift.p !== null) lines.push(`    ${verdict}`);
    lines.push(...failingLines(m.failing));
  }
  return lines.join('\n');
}

/** Failing prompts the terminal shows; `report.md` and `--json` have more. */
const FAILING_IN_TERMINAL = 5;

/** One line per failing prompt: its key, the answer (model text: invisible characters shown, cut) and the checks it fails. */
function failingLines(failing: readonly FailingPrompt[]): string[] {
  if (failing.length === 0) return [];
  const lines = failing.slice(0, FAILING_IN_TERMINAL).map((f) => {
    const answer =
      f.answer === null ? 'no answer extracted' : JSON.stringify(showInvisible(truncateText(f.answer, 61)));
    const checks = f.checks.map((c) => `${c.check} ${showInvisible(c.expected)}`).join('; ');
    return `      ${showInvisible(f.prompt)}: ${answer}${checks ? ` (expected: ${checks})` : ''}`;
  });
  const more = failing.length - FAILING_IN_TERMINAL;
  return [
    `    ${count(failing.length, 'failing prompt')}:`,
    ...lines,
    ...(more > 0 ? [`      … and ${more} more (report.md, --json)`] : []),
  ];
}

function headline(m: ModelSummary): string {
  const { requests, share } = m.availability;
  if (isUnavailable(m.availability)) {
    return `unavailable, none of ${count(requests, 'request')} answered: ${errorsWithReasons(m)}`;
  }
  const interval = m.reliabilityInterval
    ? ` [${percent(m.reliabilityInterval[0])}, ${percent(m.reliabilityInterval[1])}]`
    : '';
  const errors = errorsWithReasons(m);
  const errorText = errors === '' ? 'no errors' : `availability ${percent(share)}, errors: ${errors}`;
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
    // The drift test's line says whether these flips are noise; McNemar's p only without it.
    const p = m.flipsP === null || m.drift.p !== null ? '' : ` (${pValue(m.flipsP)} under no change)`;
    const { beyond, within } = m.noise;
    const noise = within.length > 0 ? ` beyond noise, ${within.length} within noise` : '';
    parts.push(`${count(beyond.length, 'regression')}${noise}, ${count(m.fixes.length, 'fix', 'fixes')}${p}`);
  }
  if (m.newSeries.length > 0) parts.push(`${m.newSeries.length} new series`);
  return parts.length > 0 ? parts.join(', ') : null;
}
