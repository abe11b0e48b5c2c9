import { significantRegressions } from '../analysis/drift.js';
import { totalErrors } from '../analysis/record-metrics.js';
import type { ErrorCategory } from '../run/types.js';
import { driftCell, driftKind, driftVerdictText } from './drift-text.js';
import { costSentence, percent, pValue, roundPercent } from './numbers.js';
import { blockText, inlineText } from './escape.js';
import { fingerprintChanges, type DriftEntry, type ModelReport, type Report, type TrendPoint } from './report.js';

/** Drift tables longer than this are folded into a `<details>`. */
const OPEN_ROWS = 10;
/** Rows of a drift table; the rest are counted in a line below it, so a report fits a job summary. */
const MAX_DRIFT_ROWS = 100;
/** Answers cut in the table (long or multi-line) get their full text below it, up to this many. */
const FULL_ANSWERS = 10;
const ANSWER_WIDTH = 80;
const LIST_KEYS = 20;
const FINGERPRINT_NOTES = 5;

/**
 * The report as GitHub-flavored markdown: a summary table, then a section per model with a
 * trend chart, fingerprint changes, drifted prompts, flips and availability. Every text that
 * came from the history (answers above all, but also names, fingerprints, keys) goes through
 * escape.ts, so a model cannot mention anyone, link anywhere or break out of the layout.
 */
export interface MarkdownOptions {
  /** Lines that replace the title and the summary table (a pull request check has its own). */
  header?: string[];
  /** The signed envelopes beside the history, when there are any (`attestations.jsonl`). */
  signing?: SigningNote | null;
}

/** What the attestations file beside a history holds, as read (signatures not checked here). */
export interface SigningNote {
  envelopes: number;
  /** Key ids named by the envelopes, shortened to 16 hex. */
  keyids: string[];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  if (options.header) {
    const out = [...options.header, ...signingLines(options.signing)];
    for (const model of report.models) out.push(...modelSection(model));
    return `${out.join('\n').trimEnd()}\n`;
  }
  const out: string[] = ['# trackrecord report', ''];
  if (report.models.length === 0) {
    out.push('No records yet: the history is empty. Run `trackrecord run` to start a track record.', '');
    return out.join('\n');
  }
  const n = report.models.length;
  out.push(
    `${count(report.records, 'record')} of ${count(n, 'model')}. Reliability is the share of observations in the ` +
      'trailing window that behaved as recorded (passed their checks, kept their answer), with its 95% interval: ' +
      'the history shows consistency, it cannot promise the next run.',
    '',
    '| Model | Reliability (95% interval) | Pass rate | Stability | Agreement | Drift beyond noise | Regressions | Errors | Runs since drift | Last run |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...report.models.map(summaryRow),
    '',
    ...signingLines(options.signing),
  );
  for (const model of report.models) out.push(...modelSection(model));
  return `${out.join('\n').trimEnd()}\n`;
}

/** One line saying the records are signed and by which key, when they are. */
function signingLines(signing: SigningNote | null | undefined): string[] {
  if (!signing || signing.envelopes === 0) return [];
  const keys = signing.keyids.map((k) => `\`${inlineText(k, 16)}\``).join(', ');
  return [
    `Signed: ${count(signing.envelopes, 'record')} carry a DSSE envelope in \`attestations.jsonl\`, key ${keys || '(none named)'}; ` +
      '`trackrecord verify --key PUBLIC.pem` checks them.',
    '',
  ];
}

/** The report as pretty JSON (the Report object as is). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function summaryRow(m: ModelReport): string {
  const x = m.metrics;
  const real = x.drifted.length - x.flapping.length;
  const drifted = x.drift
    ? driftCell(x.drift, x.drifted.length)
    : `${real}${x.flapping.length > 0 ? ` (+${x.flapping.length} flapping)` : ''}`;
  const cells = [
    `**${inlineText(m.id, 60)}**`,
    reliability(x.reliability, x.reliabilityInterval),
    percent(x.passRate),
    percent(x.stability),
    percent(x.agreement),
    drifted,
    String(x.regressions.length),
    String(totalErrors(x.errors)),
    x.runsSinceDrift === null ? 'never' : String(x.runsSinceDrift),
    runLink(m, day(m.run.startedAt)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function modelSection(m: ModelReport): string[] {
  const x = m.metrics;
  const commit =
    m.run.commit === null
      ? ''
      : `, commit ${/^[0-9a-f]{7,64}$/.test(m.run.commit) ? m.run.commit.slice(0, 7) : inlineText(m.run.commit, 12)}`;
  const out = [
    `## ${inlineText(m.id, 60)}`,
    '',
    `Model ${inlineText(m.model, 80)} at ${inlineText(m.host, 80)}, ${count(m.records, 'record')}. ` +
      `Last run ${runLink(m, inlineText(m.run.id, 60))} on ${dateTime(m.run.startedAt)} (${inlineText(m.run.trigger, 40)}${commit}).`,
    '',
  ];
  if (m.served.length > 0 && !(m.served.length === 1 && m.served[0] === m.model)) {
    out.push(`Served by: ${m.served.map((s) => inlineText(s, 80)).join(', ')}.`, '');
  }
  out.push(...chart(m.trend));
  out.push(...fingerprintNotes(m.trend));
  if (x.newSeries.length > 0) {
    out.push(
      `${count(x.newSeries.length, 'prompt')} started a new series (new, or the prompt, its parameters or how its answer is read changed), so ${x.newSeries.length === 1 ? 'it was' : 'they were'} not compared: ${keyList(x.newSeries)}.`,
      '',
    );
  }
  out.push(...driftSection(m));
  out.push(...flipsSection(m));
  out.push(availability(m), '');
  return out;
}

/** A Mermaid line chart of reliability (and pass rate, when every point has one) over the trend. */
function chart(points: readonly TrendPoint[]): string[] {
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
    `    x-axis [${axisLabels(shown)
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

/** Short, unique x-axis labels: month-day, with the time when a day has several runs. */
function axisLabels(points: readonly TrendPoint[]): string[] {
  const parts = points.map((p) => /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(p.startedAt));
  let labels = parts.map((m) => (m ? m[1]! : '?'));
  if (new Set(labels).size < labels.length) labels = parts.map((m) => (m ? `${m[1]} ${m[2]}` : '?'));
  if (new Set(labels).size < labels.length) labels = labels.map((l, i) => `${l} #${i + 1}`);
  return labels;
}

function fingerprintNotes(points: readonly TrendPoint[]): string[] {
  const notes = fingerprintChanges(points).map(({ point: p, was }) => {
    const before = was ? ` (was ${fingerprints(was)})` : '';
    return `- Run ${inlineText(p.runId, 60)} on ${dateTime(p.startedAt)}: system fingerprint now ${fingerprints(p.fingerprints)}${before}.`;
  });
  if (notes.length === 0) return [];
  const earlier =
    notes.length > FINGERPRINT_NOTES
      ? [`- … and ${notes.length - FINGERPRINT_NOTES} earlier changes in these runs.`]
      : [];
  return [
    '**The backend changed** (system fingerprint), which can explain drift:',
    '',
    ...earlier,
    ...notes.slice(-FINGERPRINT_NOTES),
    '',
  ];
}

function driftSection(m: ModelReport): string[] {
  const x = m.metrics;
  const verdict = driftVerdictText(x.drift, x.drifted.length);
  return [...(verdict ? [verdict, ''] : []), ...rawDrift(m)];
}

function rawDrift(m: ModelReport): string[] {
  const x = m.metrics;
  if (m.drift.length === 0) {
    if (x.comparable > 0) return [`No drift: all ${x.comparable} comparable prompts kept their answer.`, ''];
    return [
      m.records === 1
        ? 'No earlier answers to compare with yet.'
        : 'No prompt of the latest run could be compared with an earlier answer.',
      '',
    ];
  }
  const real = m.drift.filter((d) => !d.flapping).length;
  const title = `${count(m.drift.length, 'drifted prompt')} (${real} new behavior, ${m.drift.length - real} flapping back to an earlier answer)`;
  const shown = m.drift.slice(0, MAX_DRIFT_ROWS);
  const table = [
    '| Prompt | Before | After | Kind |',
    '|---|---|---|---|',
    ...shown.map((d) => `| ${inlineText(d.key, 80)} | ${answer(d.before)} | ${answer(d.after)} | ${kind(d, m)} |`),
  ];
  const hidden = m.drift.length - shown.length;
  if (hidden > 0) {
    table.push(
      '',
      `_… and ${count(hidden, 'more drifted prompt')}, not shown here: \`trackrecord report --format json\` lists them all._`,
    );
  }
  const full = fullAnswers(shown);
  if (m.drift.length > OPEN_ROWS) {
    return [`<details><summary>${title}</summary>`, '', ...table, '', ...full, '</details>', ''];
  }
  return [`**${title}:**`, '', ...table, '', ...full];
}

/** Full before/after texts of answers the table had to cut, each in a closed `<details>`. */
function fullAnswers(drift: readonly DriftEntry[]): string[] {
  const cut = (t: string | null) => t !== null && (t.length > ANSWER_WIDTH || /[\r\n]/.test(t));
  const long = drift.filter((d) => cut(d.before) || cut(d.after));
  const out: string[] = [];
  for (const d of long.slice(0, FULL_ANSWERS)) {
    out.push(
      `<details><summary>Full answers: ${inlineText(d.key, 80)}</summary>`,
      '',
      'Before:',
      '',
      d.before === null ? '_no answer_' : blockText(d.before),
      '',
      'After:',
      '',
      d.after === null ? '_no answer_' : blockText(d.after),
      '',
      '</details>',
      '',
    );
  }
  if (long.length > FULL_ANSWERS)
    out.push(`_Full answers of ${long.length - FULL_ANSWERS} more prompts are in the history file._`, '');
  return out;
}

function flipsSection(m: ModelReport): string[] {
  if (m.regressions.length === 0 && m.fixes.length === 0) return [];
  const out: string[] = [];
  const beyond = significantRegressions(m.metrics);
  if (beyond.length > 0)
    out.push(`- **${count(beyond.length, 'regression')}** (pass → fail) beyond noise: ${keyList(beyond)}.`);
  const within = m.regressions.filter((key) => !beyond.includes(key));
  if (within.length > 0)
    out.push(`- ${count(within.length, 'regression')} (pass → fail) within noise: ${keyList(within)}.`);
  if (m.fixes.length > 0)
    out.push(`- **${count(m.fixes.length, 'fix', 'fixes')}** (fail → pass): ${keyList(m.fixes)}.`);
  out.push('');
  if (m.flipsP !== null) out.push(`Exact McNemar test of regressions against fixes: ${pValueSentence(m.flipsP)}.`, '');
  return out;
}

/** "p = 0.031: unlikely under no change" or "p = 0.62: consistent with noise". */
export function pValueSentence(p: number): string {
  return `${pValue(p)}: ${p < 0.05 ? 'unlikely under no change' : 'consistent with noise'}`;
}

function availability(m: ModelReport): string {
  const requests = m.metrics.prompts * m.samples;
  const errors = m.metrics.errors;
  const total = totalErrors(errors);
  const latency =
    m.metrics.latencyMs.p50 === null
      ? ''
      : ` Latency p50 ${Math.round(m.metrics.latencyMs.p50)} ms, p95 ${Math.round(m.metrics.latencyMs.p95 ?? 0)} ms.`;
  if (total === 0)
    return `Availability: 100% of ${requests} requests answered.${latency}${costSentence(m.metrics.cost)}`;
  const byCategory = (Object.entries(errors) as Array<[ErrorCategory, number]>)
    .filter(([, n]) => n > 0)
    .map(([category, n]) => `${n} ${category}`)
    .join(', ');
  return (
    `Availability: ${percent(requests > 0 ? (requests - total) / requests : null)} of ${requests} requests answered ` +
    `(${byCategory}). Errors are availability, never counted as drift or as failed checks.${latency}${costSentence(m.metrics.cost)}`
  );
}

function answer(text: string | null): string {
  return text === null ? '_no answer_' : text.trim() === '' ? '_empty_' : inlineText(text, ANSWER_WIDTH);
}

function kind(d: DriftEntry, m: ModelReport): string {
  return [driftKind(d, m.metrics.drift), ...(d.regression ? ['regression'] : []), ...(d.fix ? ['fix'] : [])].join(', ');
}

function keyList(keys: readonly string[]): string {
  const shown = keys.slice(0, LIST_KEYS).map((k) => inlineText(k, 80));
  return keys.length > LIST_KEYS ? `${shown.join(', ')} and ${keys.length - LIST_KEYS} more` : shown.join(', ');
}

function fingerprints(list: readonly string[]): string {
  return list.map((f) => inlineText(f, 40)).join(', ');
}

/** A link to the workflow run when the record has a plain https URL; the label alone otherwise. */
function runLink(m: ModelReport, label: string): string {
  const url = m.run.url;
  return url !== null && /^https:\/\/[\w.-]+(?::\d+)?(?:\/[\w.~%+/-]*)?$/.test(url) ? `[${label}](${url})` : label;
}

function reliability(value: number | null, interval: [number, number] | null): string {
  if (value === null) return 'n/a';
  return interval ? `${percent(value)} (${percent(interval[0])}–${percent(interval[1])})` : percent(value);
}

function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? inlineText(iso, 30);
}

function dateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}${iso.endsWith('Z') ? ' UTC' : ''}` : inlineText(iso, 30);
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
