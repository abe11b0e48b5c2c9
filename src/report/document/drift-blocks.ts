import { count } from '../../util/numbers.js';
import type { DriftVerdict } from '../../history/record.js';
import { driftKind, driftVerdictText, pValueSentence } from './drift-text.js';
import type { DriftEntry, ModelReport, TrendPoint } from '../data/report.js';
import { code, name, note, paragraph, strong, type Block, type Inline } from './model.js';
import { dateTime, keyList } from './words.js';

/** Rows of a drift table; the rest are counted, so a report fits a job summary. */
const MAX_DRIFT_ROWS = 100;
/** Drift tables longer than this start folded. */
const OPEN_ROWS = 10;

/** The latest run's drift: the test's verdict, then the drifted prompts with their answers. */
export function driftBlocks(m: ModelReport): Block[] {
  const x = m.metrics;
  const verdict = driftVerdictText(x.drift, x.drifted.length);
  const out: Block[] = [{ kind: 'heading', content: ['Drifted prompts in the latest run'] }];
  if (verdict) out.push(paragraph(verdict));
  if (m.drift.length === 0) {
    const quiet =
      x.comparable > 0
        ? `No drift: all ${x.comparable} comparable prompts kept their answer.`
        : m.records === 1
          ? 'No earlier answers to compare with yet.'
          : 'No prompt of the latest run could be compared with an earlier answer.';
    return [...out, paragraph(quiet)];
  }
  return [
    ...out,
    {
      kind: 'details',
      summary: [driftTitle(m.drift)],
      open: m.drift.length <= OPEN_ROWS,
      blocks: driftTable(m.drift, x.drift),
    },
  ];
}

/** The drifted prompts of each earlier run in the trend, newest first, each folded (with `runDrift` only). */
export function earlierDriftBlocks(points: readonly TrendPoint[]): Block[] {
  const earlier = points.slice(0, -1);
  if (earlier.length === 0 || earlier.some((p) => p.drift === undefined)) return [];
  const drifted = earlier.filter((p) => p.drift!.length > 0).reverse();
  const quiet = earlier.length - drifted.length;
  const out: Block[] = [{ kind: 'heading', content: ['Drifted prompts in earlier runs'] }];
  for (const p of drifted) {
    const summary: Inline[] = ['Run ', name(p.runId, 60), ' on ', dateTime(p.startedAt), `: ${driftTitle(p.drift!)}`];
    if (p.fingerprintChanged) summary.push(', system fingerprint changed');
    out.push({ kind: 'details', summary, open: false, blocks: driftTable(p.drift!, p.verdict) });
  }
  if (quiet > 0)
    out.push(note(`No drift in the ${drifted.length === 0 ? '' : 'other '}${count(quiet, 'earlier run')} shown.`));
  return out;
}

function driftTitle(drift: readonly DriftEntry[]): string {
  const real = drift.filter((d) => !d.flapping).length;
  return `${count(drift.length, 'drifted prompt')} (${real} new behavior, ${drift.length - real} flapping back to an earlier answer)`;
}

function driftTable(drift: readonly DriftEntry[], verdict?: DriftVerdict): Block[] {
  const rows = drift.slice(0, MAX_DRIFT_ROWS).map((d) => ({
    key: d.key,
    before: d.before,
    after: d.after,
    tags: [driftKind(d, verdict), ...(d.regression ? ['regression'] : []), ...(d.fix ? ['fix'] : [])],
  }));
  const hidden = drift.length - rows.length;
  const more: Block[] =
    hidden > 0
      ? [
          note(
            `… and ${count(hidden, 'more drifted prompt')}, not shown here: `,
            code('trackrecord report --format json'),
            ' lists them all.',
          ),
        ]
      : [];
  return [{ kind: 'answers', columns: ['Prompt', 'Before', 'After', 'Kind'], rows }, ...more];
}

/** Checks that flipped: regressions beyond and within noise, fixes, and how likely so many flips are. */
export function flipBlocks(m: ModelReport): Block[] {
  if (m.regressions.length === 0 && m.fixes.length === 0) return [];
  const items: Inline[][] = [];
  const { beyond, within } = m.noise;
  if (beyond.length > 0)
    items.push([strong(count(beyond.length, 'regression')), ' (pass → fail) beyond noise: ', ...keyList(beyond), '.']);
  if (within.length > 0)
    items.push([`${count(within.length, 'regression')} (pass → fail) within noise: `, ...keyList(within), '.']);
  if (m.fixes.length > 0)
    items.push([strong(count(m.fixes.length, 'fix', 'fixes')), ' (fail → pass): ', ...keyList(m.fixes), '.']);
  const out: Block[] = [{ kind: 'list', items }];
  // With a drift test's verdict, that test says whether the flips are noise: a second p-value
  // beside it would only seem to contradict it. Records written before the test keep McNemar's.
  if (m.flipsP !== null && !m.metrics.drift)
    out.push(paragraph(`Exact McNemar test of regressions against fixes: ${pValueSentence(m.flipsP)}.`));
  return out;
}
