import { totalErrors } from '../analysis/record-metrics.js';
import { codeSpan, inlineText } from './escape.js';
import { renderMarkdown, type SigningNote } from './markdown.js';
import { significantRegressions } from '../analysis/drift.js';
import { driftCell } from './drift-text.js';
import { percent } from './numbers.js';
import type { ModelReport, Report } from './report.js';

/**
 * The pull request comment: this change's run (the latest point of each model, recorded on top
 * of the base branch's history in memory) against the base's latest record, then the report.
 */
export function renderCheckComment(report: Report, baseRef: string, signing: SigningNote | null = null): string {
  const header = [
    `## trackrecord: this pull request against ${codeSpan(baseRef, 60)}`,
    '',
    '| Model | Reliability | Pass rate | Stability | Drift beyond noise | Regressions beyond noise | Errors |',
    '|---|---|---|---|---|---|---|',
    ...report.models.map(row),
    '',
    'Base is the latest record on the base branch; head is this run, compared with it. Details per model follow.',
    '',
  ];
  return renderMarkdown(report, { header, signing });
}

function row(m: ModelReport): string {
  const head = m.trend.at(-1);
  const base = m.trend.length > 1 ? m.trend.at(-2) : undefined;
  const arrow = (pick: (p: NonNullable<typeof head>) => number | null) =>
    base
      ? `${percent(pick(base))} → ${percent(head ? pick(head) : null)}`
      : `${percent(head ? pick(head) : null)} (no base yet)`;
  const x = m.metrics;
  const errors = totalErrors(x.errors);
  return `| **${inlineText(m.id, 60)}** | ${arrow((p) => p.reliability)} | ${arrow((p) => p.passRate)} | ${percent(x.stability)} | ${driftCell(x.drift, x.drifted.length)} | ${significantRegressions(x).length} | ${errors} |`;
}
