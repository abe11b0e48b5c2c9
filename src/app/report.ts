import { resolve } from 'node:path';
import { DEFAULTS } from '../config/types.js';
import { describeAttestations } from '../evidence/attestations.js';
import { HistoryError, labelOf } from '../history/errors.js';
import { historyExists } from '../history/file.js';
import { readHistory, readRecent } from '../history/read.js';
import { HistoryView } from '../history/view.js';
import { renderHtml } from '../report/html.js';
import { renderJson, renderMarkdown } from '../report/markdown.js';
import { buildReport } from '../report/data/report.js';

interface FormatInput {
  view: HistoryView;
  trend: number;
  /** The history file, absolute: where its attestations are found. */
  path: string;
}

/**
 * The formats `trackrecord report` prints, by `--format` name: a new format is one entry here
 * (its renderer lives in src/report/).
 */
export const REPORT_FORMATS = {
  md: async ({ view, trend, path }: FormatInput) =>
    renderMarkdown(buildReport(view, { trend }), { signing: await describeAttestations(path) }),
  json: async ({ view, trend }: FormatInput) => renderJson(buildReport(view, { trend })),
  // The page lists every trend point's drifted prompts, not only the latest's.
  html: async ({ view, trend }: FormatInput) => renderHtml(buildReport(view, { trend, runDrift: true })),
} as const;

export type ReportFormat = keyof typeof REPORT_FORMATS;

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORT_FORMATS, name);
}

export interface HistoryReportOptions {
  root: string;
  /** The history file as the user names it (default .trackrecord/history.jsonl). */
  history?: string;
  format: ReportFormat;
  /** Runs in each model's trend. */
  trend?: number;
  /** Read and verify all of the history, not only the trend's runs plus one. */
  all?: boolean;
}

/** The report, or why there is none: no history file, or one that cannot be read. */
export type HistoryReport = { ok: true; text: string } | { ok: false; problem: string };

/**
 * The report of a history file alone (no config, no model call), verified first. A history that
 * does not verify throws its HistoryError, naming the file as the user did.
 */
export async function reportHistory(options: HistoryReportOptions): Promise<HistoryReport> {
  const file = options.history ?? DEFAULTS.history;
  const path = resolve(options.root, file);
  const trend = options.trend ?? DEFAULTS.trend;
  let read;
  try {
    if (!(await historyExists(path)))
      return { ok: false, problem: `${file}: no such file (run "trackrecord run" first, or pass --history FILE)` };
    read = options.all ? await readHistory(path) : await readRecent(path, trend + 1);
  } catch (e) {
    if (e instanceof HistoryError) throw e.relabel(labelOf(e.file, path, file));
    // A file system error (a folder, no permission): said as such, not as a bad history.
    if (typeof (e as { code?: unknown } | null)?.code === 'string')
      return { ok: false, problem: `${file}: ${(e as Error).message}` };
    throw e;
  }
  const view = new HistoryView(read.records, read.context);
  return { ok: true, text: await REPORT_FORMATS[options.format]({ view, trend, path }) };
}
