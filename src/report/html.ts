import { totalErrors } from '../analysis/record-metrics.js';
import type { DriftVerdict } from '../history/record.js';
import type { ErrorCategory } from '../run/types.js';
import { renderChart, pointSummary, SERIES } from './html/chart.js';
import { STYLE } from './html/style.js';
import { block, count, dateTime, day, escapeHtml, inline, safeUrl } from './html/text.js';
import { pValueSentence } from './markdown.js';
import { driftCell, driftKind, driftVerdictText } from './drift-text.js';
import { costSentence, percent } from './numbers.js';
import { fingerprintChanges, type DriftEntry, type ModelReport, type Report, type TrendPoint } from './report.js';

export { escapeHtml } from './html/text.js';

/**
 * The page's Content-Security-Policy: nothing may load or run, the inline stylesheet aside
 * (there is no script at all). Images only as data: URLs (the empty favicon, which keeps the
 * browser from asking the server for /favicon.ico).
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Rows of a drift table; the rest are counted and left to the history file. */
const MAX_ROWS = 200;
const ANSWER_LINES = 20;
const LIST_KEYS = 20;
const FINGERPRINT_NOTES = 5;

/**
 * The report as one self-contained HTML page, to open from disk or publish (GitHub Pages):
 * inline CSS, charts as inline SVG, no script, nothing fetched from anywhere. The same content as
 * the markdown report: a summary table, then per model a chart of reliability (with its 95%
 * interval), pass rate and stability over the runs with system fingerprint changes and drift
 * marked, the drifted prompts of the latest run with their answers before and after, and those
 * of earlier runs when the report has them (`buildReport(view, { runDrift: true })`). Every text
 * from the history is escaped: model output cannot add markup. Same report, same bytes.
 */
export function renderHtml(report: Report): string {
  const names = report.models.map((m) => inline(m.id, 40));
  const title =
    names.length === 0
      ? 'trackrecord report'
      : `trackrecord report: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
  const body = report.models.length === 0 ? emptyBody() : reportBody(report);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="trackrecord">',
    `<title>${title}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>trackrecord report</h1>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function emptyBody(): string[] {
  return ['<p>No records yet: the history is empty. Run <code>trackrecord run</code> to start a track record.</p>'];
}

function reportBody(report: Report): string[] {
  const latest = report.models.map((m) => m.run.startedAt).reduce((a, b) => (b > a ? b : a));
  return [
    `<p>${count(report.records, 'record')} of ${count(report.models.length, 'model')}. Reliability is the share of observations in the ` +
      'trailing window that behaved as recorded (passed their checks, kept their answer), with its 95% interval: ' +
      'the history shows consistency, it cannot promise the next run.</p>',
    '<div class="table-wrap"><table class="summary">',
    '<thead><tr><th>Model</th><th class="num">Reliability (95% interval)</th><th class="num">Pass rate</th><th class="num">Stability</th>' +
      '<th class="num">Agreement</th><th class="num">Drift beyond noise</th><th class="num">Regressions</th><th class="num">Errors</th>' +
      '<th class="num">Runs since drift</th><th>Last run</th></tr></thead>',
    '<tbody>',
    ...report.models.map(summaryRow),
    '</tbody></table></div>',
    ...report.models.flatMap(modelSection),
    `<footer>Made by trackrecord from the history file alone: ${count(report.records, 'record')}, the latest run started ${dateTime(latest)}. ` +
      'This page loads nothing and runs no script.</footer>',
  ];
}

function summaryRow(m: ModelReport, index: number): string {
  const x = m.metrics;
  const real = x.drifted.length - x.flapping.length;
  const cells = [
    `<td><a href="#model-${index + 1}">${inline(m.id, 60)}</a></td>`,
    num(reliability(x.reliability, x.reliabilityInterval)),
    num(percent(x.passRate)),
    num(percent(x.stability)),
    num(percent(x.agreement)),
    num(
      x.drift
        ? escapeHtml(driftCell(x.drift, x.drifted.length).replace(/\*\*/g, ''))
        : `${real}${x.flapping.length > 0 ? ` (+${x.flapping.length} flapping)` : ''}`,
    ),
    num(String(x.regressions.length)),
    num(String(totalErrors(x.errors))),
    num(x.runsSinceDrift === null ? 'never' : String(x.runsSinceDrift)),
    `<td class="nowrap">${runLink(m, day(m.run.startedAt))}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function modelSection(m: ModelReport, index: number): string[] {
  const prefix = `model-${index + 1}`;
  const x = m.metrics;
  const name = inline(m.id, 60);
  const commit =
    m.run.commit === null
      ? ''
      : `, commit <code>${/^[0-9a-f]{7,64}$/.test(m.run.commit) ? m.run.commit.slice(0, 7) : inline(m.run.commit, 12)}</code>`;
  const out = [
    `<section id="${prefix}" aria-labelledby="${prefix}-h">`,
    `<h2 id="${prefix}-h">${name}</h2>`,
    `<p>Model <code>${inline(m.model, 80)}</code> at <code>${inline(m.host, 80)}</code>, ${count(m.records, 'record')}. ` +
      `Last run ${runLink(m, `<code>${inline(m.run.id, 60)}</code>`)} on ${dateTime(m.run.startedAt)} (${inline(m.run.trigger, 40)}${commit}).</p>`,
  ];
  if (m.served.length > 0 && !(m.served.length === 1 && m.served[0] === m.model)) {
    out.push(`<p>Served by: ${m.served.map((s) => `<code>${inline(s, 80)}</code>`).join(', ')}.</p>`);
  }
  out.push(...chartFigure(m, prefix));
  out.push(...fingerprintNotes(m.trend));
  if (x.newSeries.length > 0) {
    out.push(
      `<p class="note">${count(x.newSeries.length, 'prompt')} started a new series (new, or the prompt, its parameters or how its answer is read changed), ` +
        `so ${x.newSeries.length === 1 ? 'it was' : 'they were'} not compared: ${keyList(x.newSeries)}.</p>`,
    );
  }
  out.push(...latestDrift(m));
  out.push(...flips(m));
  out.push(`<p>${availability(m)}</p>`);
  out.push(...earlierDrift(m.trend));
  out.push('</section>');
  return out;
}

function chartFigure(m: ModelReport, prefix: string): string[] {
  const points = m.trend;
  const legend = [
    ...SERIES.map((s) => `<li><span class="swatch ${s.css}"></span>${s.name}</li>`),
    '<li><span class="swatch band"></span>Reliability 95% interval</li>',
    '<li><span class="glyph fp" aria-hidden="true">◆</span>System fingerprint changed</li>',
    '<li><span class="glyph drift" aria-hidden="true">▼</span>Prompts drifted (count; hollow: all flapping)</li>',
  ];
  const rows = points.map((p) => {
    const interval = p.reliabilityInterval
      ? `${percent(p.reliabilityInterval[0])}–${percent(p.reliabilityInterval[1])}`
      : 'n/a';
    return (
      `<tr><td><code>${inline(p.runId, 60)}</code></td><td>${dateTime(p.startedAt)}</td>${num(percent(p.reliability))}${num(interval)}` +
      `${num(percent(p.passRate))}${num(percent(p.stability))}${num(String(p.drifted))}${num(String(p.flapping))}${num(String(p.errors))}` +
      `<td>${p.fingerprintChanged ? 'changed' : ''}</td></tr>`
    );
  });
  return [
    '<figure>',
    renderChart(points, prefix, inline(m.id, 60)),
    `<figcaption><ul class="legend">${legend.join('')}</ul>`,
    `Last ${count(points.length, 'run')}, oldest first. Latest: ${pointSummary(points.at(-1)!)}.</figcaption>`,
    '<details class="data"><summary>Data table</summary><div class="table-wrap"><table>',
    '<thead><tr><th>Run</th><th>Started</th><th class="num">Reliability</th><th class="num">95% interval</th><th class="num">Pass rate</th>' +
      '<th class="num">Stability</th><th class="num">Drifted</th><th class="num">Flapping</th><th class="num">Errors</th><th>System fingerprint</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table></div></details>`,
    '</figure>',
  ];
}

function fingerprintNotes(points: readonly TrendPoint[]): string[] {
  const notes = fingerprintChanges(points).map(({ point: p, was }) => {
    const before = was ? ` (was ${fingerprints(was)})` : '';
    return `<li>Run <code>${inline(p.runId, 60)}</code> on ${dateTime(p.startedAt)}: system fingerprint now ${fingerprints(p.fingerprints)}${before}.</li>`;
  });
  if (notes.length === 0) return [];
  const earlier =
    notes.length > FINGERPRINT_NOTES
      ? [`<li>… and ${notes.length - FINGERPRINT_NOTES} earlier changes in these runs.</li>`]
      : [];
  return [
    '<div class="callout"><p><strong>The backend changed</strong> (system fingerprint), which can explain drift:</p>',
    `<ul>${[...earlier, ...notes.slice(-FINGERPRINT_NOTES)].join('')}</ul></div>`,
  ];
}

function latestDrift(m: ModelReport): string[] {
  const verdict = driftVerdictText(m.metrics.drift, m.metrics.drifted.length);
  const out = ['<h3>Drifted prompts in the latest run</h3>', ...(verdict ? [`<p>${escapeHtml(verdict)}</p>`] : [])];
  if (m.drift.length === 0) {
    const comparable = m.metrics.comparable;
    if (comparable > 0) return [...out, `<p>No drift: all ${comparable} comparable prompts kept their answer.</p>`];
    return [
      ...out,
      `<p>${m.records === 1 ? 'No earlier answers to compare with yet.' : 'No prompt of the latest run could be compared with an earlier answer.'}</p>`,
    ];
  }
  return [
    ...out,
    `<details class="run" open><summary>${driftTitle(m.drift)}</summary>`,
    ...driftTable(m.drift, m.metrics.drift),
    '</details>',
  ];
}

/** The drifted prompts of each earlier run in the trend, newest first, each folded. */
function earlierDrift(points: readonly TrendPoint[]): string[] {
  const earlier = points.slice(0, -1);
  if (earlier.length === 0 || earlier.some((p) => p.drift === undefined)) return [];
  const drifted = earlier.filter((p) => p.drift!.length > 0).reverse();
  const quiet = earlier.length - drifted.length;
  const out = ['<h3>Drifted prompts in earlier runs</h3>'];
  for (const p of drifted) {
    const fp = p.fingerprintChanged ? ', system fingerprint changed' : '';
    out.push(
      `<details class="run"><summary>Run <code>${inline(p.runId, 60)}</code> on ${dateTime(p.startedAt)}: ${driftTitle(p.drift!)}${fp}</summary>`,
      ...driftTable(p.drift!),
      '</details>',
    );
  }
  if (quiet > 0)
    out.push(
      `<p class="note">No drift in the ${drifted.length === 0 ? '' : 'other '}${count(quiet, 'earlier run')} shown.</p>`,
    );
  return out;
}

function driftTitle(drift: readonly DriftEntry[]): string {
  const real = drift.filter((d) => !d.flapping).length;
  return `${count(drift.length, 'drifted prompt')} (${real} new behavior, ${drift.length - real} flapping back to an earlier answer)`;
}

function driftTable(drift: readonly DriftEntry[], verdict?: DriftVerdict): string[] {
  const rows = drift
    .slice(0, MAX_ROWS)
    .map(
      (d) =>
        `<tr><td class="key-cell">${inline(d.key, 120)}</td><td>${answer(d.before)}</td><td>${answer(d.after)}</td><td>${kind(d, verdict)}</td></tr>`,
    );
  const more =
    drift.length > MAX_ROWS
      ? [`<p class="note">… and ${drift.length - MAX_ROWS} more drifted prompts, in the history file.</p>`]
      : [];
  return [
    '<div class="table-wrap"><table class="drift">',
    '<thead><tr><th>Prompt</th><th>Before</th><th>After</th><th>Kind</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table></div>`,
    ...more,
  ];
}

function answer(text: string | null): string {
  if (text === null) return '<span class="none">no answer</span>';
  if (text.trim() === '') return '<span class="none">empty</span>';
  return `<div class="answer">${block(text, ANSWER_LINES)}</div>`;
}

function kind(d: DriftEntry, verdict: DriftVerdict | undefined): string {
  const tags = [
    driftKind(d, verdict).replace('within noise', 'noise'),
    ...(d.regression ? ['regression'] : []),
    ...(d.fix ? ['fix'] : []),
  ];
  return tags.map((t) => `<span class="tag ${t}">${t}</span>`).join(' ');
}

function flips(m: ModelReport): string[] {
  if (m.regressions.length === 0 && m.fixes.length === 0) return [];
  const items: string[] = [];
  if (m.regressions.length > 0)
    items.push(
      `<li><strong>${count(m.regressions.length, 'regression')}</strong> (pass → fail): ${keyList(m.regressions)}.</li>`,
    );
  if (m.fixes.length > 0)
    items.push(
      `<li><strong>${count(m.fixes.length, 'fix', 'fixes')}</strong> (fail → pass): ${keyList(m.fixes)}.</li>`,
    );
  const test =
    m.flipsP === null
      ? []
      : [`<p>Exact McNemar test of regressions against fixes: ${escapeHtml(pValueSentence(m.flipsP))}.</p>`];
  return [`<ul>${items.join('')}</ul>`, ...test];
}

function availability(m: ModelReport): string {
  const requests = m.metrics.prompts * m.samples;
  const errors = m.metrics.errors;
  const total = totalErrors(errors);
  const p50 = m.metrics.latencyMs.p50;
  const latency =
    p50 === null ? '' : ` Latency p50 ${Math.round(p50)} ms, p95 ${Math.round(m.metrics.latencyMs.p95 ?? 0)} ms.`;
  if (total === 0)
    return `Availability: 100% of ${requests} requests answered.${latency}${costSentence(m.metrics.cost)}`;
  const byCategory = (Object.entries(errors) as Array<[ErrorCategory, number]>)
    .filter(([, n]) => n > 0)
    .map(([category, n]) => `${n} ${escapeHtml(category)}`)
    .join(', ');
  return (
    `Availability: ${percent(requests > 0 ? (requests - total) / requests : null)} of ${requests} requests answered ` +
    `(${byCategory}). Errors are availability, never counted as drift or as failed checks.${latency}${costSentence(m.metrics.cost)}`
  );
}

function keyList(keys: readonly string[]): string {
  const shown = keys.slice(0, LIST_KEYS).map((k) => `<code>${inline(k, 80)}</code>`);
  return keys.length > LIST_KEYS ? `${shown.join(', ')} and ${keys.length - LIST_KEYS} more` : shown.join(', ');
}

function fingerprints(list: readonly string[]): string {
  return list.map((f) => `<code>${inline(f, 40)}</code>`).join(', ');
}

/** A link to the workflow run when the record has a plain https URL; the label alone otherwise. */
function runLink(m: ModelReport, label: string): string {
  const url = safeUrl(m.run.url);
  return url === null ? label : `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>`;
}

function reliability(value: number | null, interval: [number, number] | null): string {
  if (value === null) return 'n/a';
  return interval ? `${percent(value)} (${percent(interval[0])}–${percent(interval[1])})` : percent(value);
}

function num(text: string): string {
  return `<td class="num">${text}</td>`;
}
