import { availabilityOf, isUnavailable } from '../analysis/availability.js';
import { totalErrors } from '../analysis/record-metrics.js';
import type { EditComparison } from '../analysis/edit-effect.js';
import { renderEdits } from './edits-markdown.js';
import { codeSpan, inlineText } from './escape.js';
import type { SigningNote } from '../evidence/attestations.js';
import { inlineMarkdown, renderMarkdown } from './markdown.js';
import { driftCell, regressionCell } from './document/drift-text.js';
import { percent } from '../util/numbers.js';
import { withoutEditedPrompts, type ModelReport, type Report } from './data/report.js';

/**
 * The pull request comment: this change's run (the latest point of each model, recorded on top
 * of the base branch's history in memory) against the base's latest record, then the report.
 * With the change's edits compared, two parts: what the PR changed (edited prompts and model
 * settings, base version against this one) and drift since the last record (everything else).
 */
export function renderCheckComment(
  report: Report,
  baseRef: string,
  signing: SigningNote | null = null,
  edits: EditComparison | null = null,
): string {
  const header = [
    `## trackrecord: this pull request against ${codeSpan(baseRef, 60)}`,
    '',
    '| Model | Reliability | Pass rate | Stability | Drift beyond noise | Regressions beyond noise | Errors |',
    '|---|---|---|---|---|---|---|',
    ...report.models.map((m) => row(m, edits)),
    '',
    'Base is the latest record on the base branch; head is this run, compared with it. Details per model follow.',
    '',
  ];
  if (!edits) return renderMarkdown(report, { header, signing });
  header.push(
    ...renderEdits(edits),
    '## Drift since the last record',
    '',
    'Prompts this PR did not edit, compared with their last answers on the base branch: what the models did since.',
    '',
  );
  return renderMarkdown(withoutEditedPrompts(report, edits), { header, signing });
}

/** One model's line of the top table; with edits, its regressions include the ones they made. */
function row(m: ModelReport, edits: EditComparison | null): string {
  const own = edits?.effects.filter((e) => e.modelId === m.id && e.regression).length ?? 0;
  const head = m.trend.at(-1);
  const base = m.trend.length > 1 ? m.trend.at(-2) : undefined;
  const arrow = (pick: (p: NonNullable<typeof head>) => number | null) =>
    base
      ? `${percent(pick(base))} → ${percent(head ? pick(head) : null)}`
      : `${percent(head ? pick(head) : null)} (no base yet)`;
  const x = m.metrics;
  const errors = totalErrors(x.errors);
  // A head run with no answer has no score of its own: the window's would read as the change's.
  const down = isUnavailable(availabilityOf(m));
  const reliability = down
    ? `${base ? `${percent(base.reliability)} → ` : ''}unavailable`
    : arrow((p) => p.reliability);
  return `| **${inlineText(m.id, 60)}** | ${reliability} | ${arrow((p) => p.passRate)} | ${percent(x.stability)} | ${inlineMarkdown(driftCell(x.drift, x.drifted.length))} | ${regressionCell(m.noise, own)} | ${errors} |`;
}
