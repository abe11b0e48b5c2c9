import type { EditComparison } from '../analysis/edit-effect.js';
import { formatEdits } from '../report/edits-text.js';
import type { RunSummary } from '../analysis/summary.js';
import { formatRunSummary } from '../report/text.js';
import { editsJson } from './compare-edits.js';

/**
 * A run's summary as the CLI prints it and the action logs it: the models, then what the
 * change's edits did when they were compared. One wording for both shells.
 */
export function summaryText(summary: RunSummary, edits: EditComparison | null = null): string {
  return edits ? `${formatRunSummary(summary)}\n${formatEdits(edits)}` : formatRunSummary(summary);
}

/** The same as `--json` prints it: the summary, and the edits without their full specs. */
export function summaryJson(summary: RunSummary, edits: EditComparison | null = null): string {
  return JSON.stringify(edits ? { ...summary, edits: editsJson(edits) } : summary, null, 2);
}
