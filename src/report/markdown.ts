import type { SigningNote } from '../evidence/attestations.js';
import { reportDocument } from './document/report-document.js';
import type { AnswerColumns, AnswerRow, Block, Inline } from './document/model.js';
import { blockText, inlineText } from './escape.js';
import { roundPercent } from '../util/numbers.js';
import type { Report, TrendPoint } from './data/report.js';
import { axisLabels, safeUrl } from './document/words.js';

/** Answers cut in a table (long or multi-line) get their full text below it, up to this many. */
const FULL_ANSWERS = 10;
const ANSWER_WIDTH = 80;

export interface MarkdownOptions {
  /** Lines that replace the title and the summary table (a pull request check has its own). */
  header?: string[];
  /** The signed envelopes beside the history, when there are any (`attestations.jsonl`). */
  signing?: SigningNote | null;
}

/**
 * The report as GitHub-flavored markdown (the report document written out): a summary table,
 * then a section per model with a Mermaid trend chart. Every untrusted text goes through
 * escape.ts, so a model cannot mention anyone, link anywhere or break out of the layout.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const blocks = reportDocument(report, { bare: options.header !== undefined, signing: options.signing });
  const head = options.header ?? ['# trackrecord report', ''];
  return `${[...head, ...blocks.flatMap(markdownBlock)].join('\n').trimEnd()}\n`;
}

/** The report as pretty JSON (the Report object as is). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Inline content as one line of markdown; `cell` when it sits in a table cell, where a `|`
 * would end the cell even inside a code span.
 */
export function inlineMarkdown(content: readonly Inline[], cell = false): string {
  return content.map((part) => inlinePart(part, cell)).join('');
}

/** Names shown as they are: letters, digits and the punctuation of hosts, ids and fingerprints. */
const PLAIN_NAME = /^[\p{L}\p{N}._:/@+-]+$/u;

function inlinePart(part: Inline, cell: boolean): string {
  if (typeof part === 'string') return part;
  switch (part.kind) {
    case 'untrusted':
      // A plain name (a host, a model, a fingerprint) reads as it is in a code span, where
      // markdown means nothing: no character references to read around in the raw file. Any
      // other text is escaped, so no markup or comment marker can appear in the output at all.
      if (part.name && PLAIN_NAME.test(part.text) && [...part.text].length <= part.max) return `\`${part.text}\``;
      return inlineText(part.text, part.max);
    case 'code':
      // An untrusted id keeps its escapes inside the span: odd to read, but it cannot mention or link.
      return `\`${part.untrusted ? inlineText(part.text, part.untrusted.max) : part.text}\``;
    case 'strong':
      return `**${inlineMarkdown(part.content, cell)}**`;
    case 'link': {
      const url = safeUrl(part.url);
      return url === null ? inlineMarkdown(part.content, cell) : `[${inlineMarkdown(part.content, cell)}](${url})`;
    }
    case 'anchor':
      return inlineMarkdown(part.content, cell);
    case 'placeholder':
      return `_${part.text}_`;
    case 'tag':
      return part.text;
  }
}

function markdownBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      // Headings sit inside a model's section (`##`).
      return [`### ${inlineMarkdown(block.content)}`, ''];
    case 'paragraph':
      return [block.note ? `_${inlineMarkdown(block.content)}_` : inlineMarkdown(block.content), ''];
    case 'list':
      return [...block.items.map((item) => `- ${inlineMarkdown(item)}`), ''];
    case 'callout':
      return [inlineMarkdown(block.lead), '', ...block.items.map((item) => `- ${inlineMarkdown(item)}`), ''];
    case 'table':
      return [
        `| ${block.columns.map((c) => c.title).join(' | ')} |`,
        `|${block.columns.map((c) => (c.numeric ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((c) => inlineMarkdown(c, true)).join(' | ')} |`),
        '',
      ];
    case 'details':
      // Open ones need no folding: a bold title is lighter in a comment or job summary.
      if (block.open) return [`**${inlineMarkdown(block.summary)}:**`, '', ...block.blocks.flatMap(markdownBlock)];
      return [
        `<details><summary>${inlineMarkdown(block.summary)}</summary>`,
        '',
        ...block.blocks.flatMap(markdownBlock),
        '</details>',
        '',
      ];
    case 'section':
      return [`## ${inlineMarkdown(block.title)}`, '', ...block.blocks.flatMap(markdownBlock)];
    case 'answers':
      return answersTable(block.columns, block.rows);
    case 'trend':
      return mermaidChart(block.points);
  }
}

function answersTable(columns: AnswerColumns, rows: readonly AnswerRow[]): string[] {
  return [
    `| ${columns.join(' | ')} |`,
    '|---|---|---|---|',
    ...rows.map(
      (r) => `| ${inlineText(r.key, 80)} | ${answer(r.before)} | ${answer(r.after)} | ${r.tags.join(', ')} |`,
    ),
    '',
    ...fullAnswers(rows),
  ];
}

function answer(text: string | null): string {
  return text === null ? '_no answer_' : text.trim() === '' ? '_empty_' : inlineText(text, ANSWER_WIDTH);
}

/** Full before/after texts of answers the table had to cut, each in a closed `<details>`. */
function fullAnswers(rows: readonly AnswerRow[]): string[] {
  const cut = (t: string | null) => t !== null && (t.length > ANSWER_WIDTH || /[\r\n]/.test(t));
  const long = rows.filter((d) => cut(d.before) || cut(d.after));
  const full = (t: string | null) => (t === null ? '_no answer_' : blockText(t));
  const out = long
    .slice(0, FULL_ANSWERS)
    .flatMap((d) => [
      `<details><summary>Full answers: ${inlineText(d.key, 80)}</summary>`,
      '',
      'Before:',
      '',
      full(d.before),
      '',
      'After:',
      '',
      full(d.after),
      '',
      '</details>',
      '',
    ]);
  if (long.length > FULL_ANSWERS)
    out.push(`_Full answers of ${long.length - FULL_ANSWERS} more prompts are in the history file._`, '');
  return out;
}

/** A Mermaid line chart of reliability (and pass rate, when every point has one) over the trend. */
function mermaidChart(points: readonly TrendPoint[]): string[] {
  const shown = points.filter((p) => p.reliability !== null);
  if (shown.length < 2) return [];
  const reliabilityLine = shown.map((p) => roundPercent(p.reliability!));
  const passLine = shown.every((p) => p.passRate !== null) ? shown.map((p) => roundPercent(p.passRate!)) : null;
  const low = Math.min(...reliabilityLine, ...(passLine ?? []));
  const floor = Math.max(0, Math.floor((low - 5) / 10) * 10);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Reliability${passLine ? ' and pass rate' : ''} over the last ${shown.length} runs (%)"`,
    `    x-axis [${axisLabels(shown.map((p) => p.startedAt))
      .map((l) => `"${l}"`)
      .join(', ')}]`,
    `    y-axis "%" ${floor} --> 100`,
    `    line [${reliabilityLine.join(', ')}]`,
    ...(passLine ? [`    line [${passLine.join(', ')}]`] : []),
    '```',
    '',
    passLine ? '_Lines: reliability (first), pass rate (second)._' : '_Line: reliability._',
    '',
  ];
}
