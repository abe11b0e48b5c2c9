import { percent, count } from '../../util/numbers.js';
import type { TrendPoint } from '../data/report.js';
import { axisLabels } from '../document/words.js';
import { escapeHtml, inline } from './text.js';

/**
 * A model's trend as an inline SVG line chart, drawn here (no chart library, nothing fetched):
 * x = runs, evenly spaced, oldest first; y = percent. Reliability is the thick line with its 95%
 * interval as a shaded band, pass rate dashed, stability dotted; a gap where a run has no value.
 * Above the plot, a diamond marks a run whose system fingerprint changed (with a dashed rule
 * through the plot) and a triangle a run with drifted prompts (hollow when all were flapping).
 * Each run has a hover title with its numbers; colours come from the page's CSS, so the chart
 * follows light and dark mode.
 */

const W = 720;
const H = 300;
const LEFT = 48;
const RIGHT = W - 16;
const TOP = 48;
const BOTTOM = H - 52;
/** Inner space between the first and last run and the plot's sides. */
const PAD = 14;
const MAX_X_LABELS = 8;
/** Above this many runs the drift counts are left to the hover titles. */
const MAX_COUNT_LABELS = 20;

type Series = 'reliability' | 'passRate' | 'stability';
export const SERIES: ReadonlyArray<{ key: Series; name: string; css: string }> = [
  { key: 'reliability', name: 'Reliability', css: 's-rel' },
  { key: 'passRate', name: 'Pass rate', css: 's-pass' },
  { key: 'stability', name: 'Stability', css: 's-stab' },
];

/** `prefix` makes the chart's element ids unique in the page; `label` is the model's (escaped) name. */
export function renderChart(points: readonly TrendPoint[], prefix: string, label: string): string {
  const n = points.length;
  const x = (i: number) => (n === 1 ? (LEFT + RIGHT) / 2 : LEFT + PAD + (i * (RIGHT - LEFT - 2 * PAD)) / (n - 1));
  const values = points
    .flatMap((p) => [p.reliability, p.passRate, p.stability, ...(p.reliabilityInterval ?? [])])
    .filter((v): v is number => v !== null);
  const { floor, step } = scale(values);
  const y = (v: number) => BOTTOM - ((v * 100 - floor) / (100 - floor)) * (BOTTOM - TOP);
  const out: string[] = [];

  // Grid and y axis.
  for (let t = floor; t <= 100; t += step) {
    const at = fmt(y(t / 100));
    out.push(`<line class="grid" x1="${LEFT}" x2="${RIGHT}" y1="${at}" y2="${at}"/>`);
    out.push(`<text class="tick" x="${LEFT - 6}" y="${at}" dy="0.32em" text-anchor="end">${t}%</text>`);
  }
  out.push(`<line class="axis" x1="${LEFT}" x2="${RIGHT}" y1="${BOTTOM}" y2="${BOTTOM}"/>`);

  // Drift columns behind everything, fingerprint rules.
  const width = Math.min(24, n === 1 ? 24 : ((RIGHT - LEFT - 2 * PAD) / (n - 1)) * 0.6);
  points.forEach((p, i) => {
    if (p.drifted + p.flapping > 0) {
      out.push(
        `<rect class="drift-col" x="${fmt(x(i) - width / 2)}" y="${TOP}" width="${fmt(width)}" height="${BOTTOM - TOP}"/>`,
      );
    }
    if (p.fingerprintChanged)
      out.push(`<line class="fp-rule" x1="${fmt(x(i))}" x2="${fmt(x(i))}" y1="${TOP - 30}" y2="${BOTTOM}"/>`);
  });

  // The reliability interval band, one shape per run of consecutive points that have one.
  for (const segment of segments(points, (p) => p.reliabilityInterval)) {
    const upper = segment.map(([i, [, hi]]) => [x(i), y(hi)] as const);
    const lower = segment.map(([i, [lo]]) => [x(i), y(lo)] as const).reverse();
    if (segment.length === 1) {
      const [cx, top] = upper[0]!;
      const bottom = lower[0]![1];
      out.push(
        `<path class="band" data-series="interval" d="M${fmt(cx - 4)},${fmt(top)}H${fmt(cx + 4)}V${fmt(bottom)}H${fmt(cx - 4)}Z"/>`,
      );
    } else {
      const d = [...upper, ...lower].map(([px, py], k) => `${k === 0 ? 'M' : 'L'}${fmt(px)},${fmt(py)}`).join('');
      out.push(`<path class="band" data-series="interval" d="${d}Z"/>`);
    }
  }

  // The lines, then their points.
  for (const s of SERIES) {
    for (const segment of segments(points, (p) => p[s.key])) {
      const coords = segment.map(([i, v]) => `${fmt(x(i))},${fmt(y(v))}`).join(' ');
      out.push(`<polyline class="line ${s.css}" data-series="${s.key}" fill="none" points="${coords}"/>`);
    }
  }
  for (const s of SERIES) {
    points.forEach((p, i) => {
      const v = p[s.key];
      if (v !== null)
        out.push(
          `<circle class="dot ${s.css}" cx="${fmt(x(i))}" cy="${fmt(y(v))}" r="${s.key === 'reliability' ? 3.5 : 2.5}"/>`,
        );
    });
  }

  // X labels (at most a few, always the latest), then one hover target per run.
  const labels = axisLabels(points.map((p) => p.startedAt));
  const every = Math.ceil(n / MAX_X_LABELS);
  labels.forEach((l, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    if (i !== n - 1 && n - 1 - i < every) return; // would crowd the latest's label
    // Kept inside the chart: about 6.5 units a character at this size.
    const half = (l.length * 6.5) / 2;
    const at = Math.min(Math.max(x(i), half + 2), W - half - 2);
    out.push(`<text class="tick" x="${fmt(at)}" y="${BOTTOM + 18}" text-anchor="middle">${escapeHtml(l)}</text>`);
  });
  out.push(
    `<text class="axis-title" x="${(LEFT + RIGHT) / 2}" y="${H - 10}" text-anchor="middle">${n === 1 ? 'Run' : `Runs, oldest to latest (${n})`}</text>`,
  );
  const hit = n === 1 ? RIGHT - LEFT : (RIGHT - LEFT - 2 * PAD) / (n - 1);
  points.forEach((p, i) => {
    out.push(
      `<rect class="hit" x="${fmt(x(i) - hit / 2)}" y="${TOP - 44}" width="${fmt(hit)}" height="${BOTTOM - TOP + 44}"><title>${escapeHtml(labels[i]!)}: ${pointSummary(p)}</title></rect>`,
    );
  });

  // Markers above the plot, over the hover targets so that their own titles show.
  points.forEach((p, i) => {
    const cx = x(i);
    if (p.fingerprintChanged) {
      const fps = p.fingerprints.length > 0 ? `: now ${p.fingerprints.map((f) => inline(f, 40)).join(', ')}` : '';
      out.push(
        `<g class="mark fp"><title>System fingerprint changed${fps}</title>` +
          `<path d="M${fmt(cx)},${TOP - 42}l6,6l-6,6l-6,-6Z"/></g>`,
      );
    }
    const moved = p.drifted + p.flapping;
    if (moved > 0) {
      const kind = p.drifted === 0 ? ' flapping-only' : '';
      const what = `${count(p.drifted, 'prompt')} drifted${p.flapping > 0 ? `, ${p.flapping} flapping` : ''}`;
      const text =
        n <= MAX_COUNT_LABELS ? `<text x="${fmt(cx)}" y="${TOP - 16}" text-anchor="middle">${moved}</text>` : '';
      out.push(
        `<g class="mark drift${kind}"><title>${what}</title>${text}<path d="M${fmt(cx - 5)},${TOP - 12}h10l-5,8Z"/></g>`,
      );
    }
  });

  const title = `Reliability (with its 95% interval), pass rate and stability of ${label} over the last ${count(n, 'run')}`;
  return (
    `<svg class="chart" id="${prefix}-chart" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" viewBox="0 0 ${W} ${H}" ` +
    `preserveAspectRatio="xMidYMid meet">` +
    `<title id="${prefix}-title">${title}</title><desc id="${prefix}-desc">${describe(points)}</desc>\n` +
    `${out.join('\n')}\n</svg>`
  );
}

/** One run's numbers in words (escaped): the hover title and the data table say the same. */
export function pointSummary(p: TrendPoint): string {
  const interval = p.reliabilityInterval
    ? ` (95% interval ${percent(p.reliabilityInterval[0])}–${percent(p.reliabilityInterval[1])})`
    : '';
  const parts = [
    `reliability ${percent(p.reliability)}${p.reliability === null ? '' : interval}`,
    `pass rate ${percent(p.passRate)}`,
    `stability ${percent(p.stability)}`,
  ];
  if (p.drifted + p.flapping > 0) parts.push(`${p.drifted} drifted${p.flapping > 0 ? `, ${p.flapping} flapping` : ''}`);
  if (p.errors > 0) parts.push(count(p.errors, 'error'));
  if (p.fingerprintChanged) parts.push('system fingerprint changed');
  return parts.join(', ');
}

function describe(points: readonly TrendPoint[]): string {
  const last = points.at(-1);
  if (!last) return 'No runs.';
  const fp = points.filter((p) => p.fingerprintChanged).length;
  const drift = points.filter((p) => p.drifted + p.flapping > 0).length;
  return (
    `Latest run: ${pointSummary(last)}. ` +
    `The system fingerprint changed in ${count(fp, 'run')} and prompts drifted in ${count(drift, 'run')} of these ${count(points.length, 'run')}.`
  );
}

/** The lowest gridline (a multiple of the step, 5 points below the lowest value) and the step. */
function scale(values: readonly number[]): { floor: number; step: number } {
  if (values.length === 0) return { floor: 0, step: 20 };
  const low = Math.min(...values) * 100;
  const floor = Math.max(0, Math.floor((low - 5) / 10) * 10);
  if (100 - floor <= 50) return { floor, step: 10 };
  return { floor: Math.floor(floor / 20) * 20, step: 20 };
}

/** Runs of consecutive points whose value is not null, as [index, value] pairs. */
function segments<T>(points: readonly TrendPoint[], value: (p: TrendPoint) => T | null): Array<Array<[number, T]>> {
  const out: Array<Array<[number, T]>> = [];
  let current: Array<[number, T]> = [];
  points.forEach((p, i) => {
    const v = value(p);
    if (v === null) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push([i, v]);
  });
  if (current.length > 0) out.push(current);
  return out;
}

function fmt(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
