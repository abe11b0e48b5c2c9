import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { specLookup, type SpecLookup } from '../analysis/failing.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
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
  /** The config's checks, when it is at hand: failing prompts then name the checks they fail. */
  specs?: SpecLookup;
  trend: number;
  /** The history file, absolute: where its attestations are found. */
  path: string;
}

/**
 * The formats `trackrecord report` prints, by `--format` name: a new format is one entry here
 * (its renderer lives in src/report/).
 */
export const REPORT_FORMATS = {
  md: async ({ view, trend, specs, path }: FormatInput) =>
    renderMarkdown(buildReport(view, { trend, specs }), { signing: await describeAttestations(path) }),
  json: async ({ view, trend, specs }: FormatInput) => renderJson(buildReport(view, { trend, specs })),
  // The page lists every trend point's drifted prompts, not only the latest's.
  html: async ({ view, trend, specs }: FormatInput) => renderHtml(buildReport(view, { trend, specs, runDrift: true })),
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
  /** The config whose checks failing prompts are named with (`--config`); it must load. */
  configPath?: string;
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
  const specs = await specsOf(options);
  return { ok: true, text: await REPORT_FORMATS[options.format]({ view, trend, specs, path }) };
}

/**
 * The checks of the config named, or of the default config when there is one that loads: the
 * report needs the history alone, so a default config that does not load only costs the names
 * of the failed checks. A config named with --config must load (its ConfigError says why not).
 */
async function specsOf(options: HistoryReportOptions): Promise<SpecLookup | undefined> {
  if (options.configPath !== undefined) return specLookup(await loadConfig(options));
  if (!(await pathExists(resolve(options.root, DEFAULTS.configPath)))) return undefined;
  try {
    return specLookup(await loadConfig({ root: options.root }));
  } catch (e) {
    if (e instanceof ConfigError) return undefined;
    throw e;
  }
}

async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
