import { reportDocument } from './document/report-document.js';
import type { AnswerColumns, AnswerRow, Block, Inline } from './document/model.js';
import { dateTime, safeUrl } from './document/words.js';
import { pointSummary, renderChart, SERIES } from './html/chart.js';
import { STYLE } from './html/style.js';
import { block as blockHtml, escapeHtml, inline } from './html/text.js';
import { percent, count } from '../util/numbers.js';
import type { Report, TrendPoint } from './data/report.js';

/**
 * The page's Content-Security-Policy: nothing may load or run, the inline stylesheet aside
 * (there is no script at all). Images only as data: URLs (the empty favicon, which keeps the
 * browser from asking the server for /favicon.ico).
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const ANSWER_LINES = 20;

/**
 * The report as one self-contained HTML page (the report document written out), to open from
 * disk or publish (GitHub Pages): inline CSS, charts as inline SVG with their data table, no
 * script, nothing fetched from anywhere. Every untrusted text is escaped: model output cannot
 * add markup. Same report, same bytes.
 */
export function renderHtml(report: Report): string {
  const names = report.models.map((m) => inline(m.id, 40));
  const title =
    names.length === 0
      ? 'trackrecord report'
      : `trackrecord report: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
  const footer = report.models.length === 0 ? [] : [footerOf(report)];
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
    ...reportDocument(report).flatMap((b) => htmlBlock(b)),
    ...footer,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function footerOf(report: Report): string {
  const latest = report.models.map((m) => m.run.startedAt).reduce((a, b) => (b > a ? b : a));
  return (
    `<footer>Made by trackrecord from the history file alone: ${report.partial ? 'its last ' : ''}${count(report.records, 'record')}, the latest run ` +
    `started ${inlineHtml([dateTime(latest)])}. This page loads nothing and runs no script.</footer>`
  );
}

function inlineHtml(content: readonly Inline[]): string {
  return content.map(inlinePart).join('');
}

function inlinePart(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  switch (part.kind) {
    case 'untrusted':
      return part.name ? `<code>${inline(part.text, part.max)}</code>` : inline(part.text, part.max);
    case 'code':
      return `<code>${part.untrusted ? inline(part.text, part.untrusted.max) : escapeHtml(part.text)}</code>`;
    case 'strong':
      return `<strong>${inlineHtml(part.content)}</strong>`;
    case 'link': {
      const url = safeUrl(part.url);
      const label = inlineHtml(part.content);
      return url === null ? label : `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>`;
    }
    case 'anchor':
      return `<a href="#${escapeHtml(part.target)}">${inlineHtml(part.content)}</a>`;
    case 'placeholder':
      return `<span class="none">${escapeHtml(part.text)}</span>`;
    case 'tag':
      return tag(part.text);
  }
}

function tag(text: string): string {
  return `<span class="tag ${escapeHtml(text.replace(/\s+/g, '-'))}">${escapeHtml(text)}</span>`;
}

function htmlBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`<h3>${inlineHtml(block.content)}</h3>`];
    case 'paragraph':
      return [`<p${block.note ? ' class="note"' : ''}>${inlineHtml(block.content)}</p>`];
    case 'list':
      return [listHtml(block.items)];
    case 'callout':
      return [`<div class="callout"><p>${inlineHtml(block.lead)}</p>`, `${listHtml(block.items)}</div>`];
    case 'table': {
      const cell = (tagName: string, numeric: boolean | undefined, html: string) =>
        `<${tagName}${numeric ? ' class="num"' : ''}>${html}</${tagName}>`;
      const head = block.columns.map((c) => cell('th', c.numeric, escapeHtml(c.title))).join('');
      const rows = block.rows.map(
        (row) =>
          `<tr>${row.map((content, i) => cell('td', block.columns[i]?.numeric, inlineHtml(content))).join('')}</tr>`,
      );
      return [
        `<div class="table-wrap"><table${block.role ? ` class="${block.role}"` : ''}>`,
        `<thead><tr>${head}</tr></thead>`,
        '<tbody>',
        ...rows,
        '</tbody></table></div>',
      ];
    }
    case 'details':
      return [
        `<details class="run"${block.open ? ' open' : ''}><summary>${inlineHtml(block.summary)}</summary>`,
        ...block.blocks.flatMap(htmlBlock),
        '</details>',
      ];
    case 'section':
      return [
        `<section id="${escapeHtml(block.id)}" aria-labelledby="${escapeHtml(block.id)}-h">`,
        `<h2 id="${escapeHtml(block.id)}-h">${inlineHtml(block.title)}</h2>`,
        ...block.blocks.flatMap(htmlBlock),
        '</section>',
      ];
    case 'answers':
      return answersTable(block.columns, block.rows);
    case 'trend':
      return chartFigure(block.points, block.id, block.label);
  }
}

function listHtml(items: readonly Inline[][]): string {
  return `<ul>${items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
}

function answersTable(columns: AnswerColumns, rows: readonly AnswerRow[]): string[] {
  const body = rows.map(
    (r) =>
      `<tr><td class="key-cell">${inline(r.key, 120)}</td><td>${answer(r.before)}</td><td>${answer(r.after)}</td>` +
      `<td>${r.tags.map(tag).join(' ')}</td></tr>`,
  );
  return [
    '<div class="table-wrap"><table class="drift">',
    `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
    `<tbody>${body.join('\n')}</tbody></table></div>`,
  ];
}

function answer(text: string | null): string {
  if (text === null) return '<span class="none">no answer</span>';
  if (text.trim() === '') return '<span class="none">empty</span>';
  return `<div class="answer">${blockHtml(text, ANSWER_LINES)}</div>`;
}

/** The trend chart as inline SVG, its legend, and the same figures as a table for screen readers. */
function chartFigure(points: readonly TrendPoint[], id: string, label: string): string[] {
  const legend = [
    ...SERIES.map((s) => `<li><span class="swatch ${s.css}"></span>${s.name}</li>`),
    '<li><span class="swatch band"></span>Reliability 95% interval</li>',
    '<li><span class="glyph fp" aria-hidden="true">◆</span>System fingerprint changed</li>',
    '<li><span class="glyph drift" aria-hidden="true">▼</span>Prompts drifted (count; hollow: all flapping)</li>',
  ];
  const num = (text: string) => `<td class="num">${text}</td>`;
  const rows = points.map((p) => {
    const interval = p.reliabilityInterval
      ? `${percent(p.reliabilityInterval[0])}–${percent(p.reliabilityInterval[1])}`
      : 'n/a';
    return (
      `<tr><td><code>${inline(p.runId, 60)}</code></td><td>${inlineHtml([dateTime(p.startedAt)])}</td>${num(percent(p.reliability))}${num(interval)}` +
      `${num(percent(p.passRate))}${num(percent(p.stability))}${num(String(p.drifted))}${num(String(p.flapping))}${num(String(p.errors))}` +
      `<td>${p.fingerprintChanged ? 'changed' : ''}</td></tr>`
    );
  });
  return [
    '<figure>',
    renderChart(points, id, inline(label, 60)),
    `<figcaption><ul class="legend">${legend.join('')}</ul>`,
    `Last ${count(points.length, 'run')}, oldest first. Latest: ${pointSummary(points.at(-1)!)}.</figcaption>`,
    '<details class="data"><summary>Data table</summary><div class="table-wrap"><table>',
    '<thead><tr><th>Run</th><th>Started</th><th class="num">Reliability</th><th class="num">95% interval</th><th class="num">Pass rate</th>' +
      '<th class="num">Stability</th><th class="num">Drifted</th><th class="num">Flapping</th><th class="num">Errors</th><th>System fingerprint</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table></div></details>`,
    '</figure>',
  ];
}
