import type { RegressionSplit } from '../../analysis/drift.js';
import type { DriftVerdict } from '../../history/record.js';
import type { Inline } from './model.js';
import { percent, pValue, count } from '../../util/numbers.js';

/** One line on the drift test's verdict, for reports, comments and the CLI; null without a verdict. */
export function driftVerdictText(drift: DriftVerdict | undefined, rawChanges: number): string | null {
  if (!drift) return null;
  if (drift.p === null) return 'Drift test: nothing comparable yet.';
  if (drift.significant) {
    const named =
      drift.prompts.length > 0
        ? `${count(drift.prompts.length, 'prompt')} changed (5% false discovery rate)`
        : 'the suite changed as a whole, no single prompt can be named with this much history';
    return `Drift beyond noise (${pValue(drift.p)}): ${named}.`;
  }
  const raw =
    rawChanges > 0 ? `; the ${rawChanges} changed answer${rawChanges === 1 ? ' is' : 's are'} within noise` : '';
  const shift =
    drift.detectableShift === null
      ? ' Too little history to judge one prompt alone yet.'
      : ` No drift larger than ${percent(drift.detectableShift, 0)} of one prompt's answers (80% power).`;
  return `No drift beyond noise (${pValue(drift.p)})${raw}.${shift}`;
}

/** A table cell: "changed" with p and the prompts named, or "none" and the raw changes within noise. */
export function driftCell(drift: DriftVerdict | undefined, rawChanges: number): Inline[] {
  if (!drift) return [String(rawChanges)];
  if (drift.significant)
    return [{ kind: 'strong', content: ['changed'] }, ` (${pValue(drift.p!)}), ${drift.prompts.length} named`];
  return [rawChanges > 0 ? `none (${rawChanges} within noise)` : 'none'];
}

/**
 * A table cell of the regressions beyond noise: "2", or "0 (1 within noise)" when some are
 * noise. A regression within noise is shown as noise, never counted as a failure. In a pull
 * request check, `ofThisChange` are the regressions its edits made (no noise to doubt): they
 * count too, and the cell says how many, so the table agrees with what the PR changed.
 */
export function regressionCell({ beyond, within }: RegressionSplit, ofThisChange = 0): string {
  const notes = [
    ...(ofThisChange > 0 ? [`${ofThisChange} of this PR`] : []),
    ...(within.length > 0 ? [`${within.length} within noise`] : []),
  ];
  const total = beyond.length + ofThisChange;
  return notes.length > 0 ? `${total} (${notes.join(', ')})` : String(total);
}

/** "p = 0.031: unlikely under no change" or "p = 0.62: consistent with noise". */
export function pValueSentence(p: number): string {
  return `${pValue(p)}: ${p < 0.05 ? 'unlikely under no change' : 'consistent with noise'}`;
}

/**
 * How a changed answer reads: drift when the test named it or found the model changed as a whole
 * (and it is not flapping back), else flapping or within noise. Records without a verdict keep
 * the raw reading: flapping or drift.
 */
export function driftKind(
  entry: { significant: boolean; flapping: boolean },
  drift: DriftVerdict | undefined,
): 'drift' | 'flapping' | 'within noise' {
  if (!drift) return entry.flapping ? 'flapping' : 'drift';
  if (entry.significant || (drift.significant && !entry.flapping)) return 'drift';
  return entry.flapping ? 'flapping' : 'within noise';
}
