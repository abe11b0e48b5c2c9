import { resolve } from 'node:path';
import { thresholdFailures, type ThresholdOptions } from './analysis/thresholds.js';
import type { Config } from './config/types.js';
import { executeRun, type RunOptions, type RunOutcome } from './engine.js';
import { buildRecords, type NewRecord } from './history/build-record.js';
import { HistoryError, appendRecords, readHistory } from './history/file.js';
import { HistoryView } from './history/view.js';
import { summarize, type RunSummary } from './report/summary.js';

export interface TrackOptions extends RunOptions, ThresholdOptions {
  /** Repository root: the history path is relative to it. */
  root: string;
  /** Read and append the history file (false: compare with nothing, write nothing). */
  useHistory: boolean;
}

export interface TrackResult {
  outcome: RunOutcome;
  records: NewRecord[];
  summary: RunSummary;
  /** The history file appended to, or null without history. */
  historyPath: string | null;
  /** Broken thresholds, one sentence each. */
  failures: string[];
}

/**
 * A whole run: verify the history before spending a request, run, compare with the history,
 * append one record per model. A history that fails verification throws a HistoryError and is
 * left untouched.
 */
export async function runAndRecord(config: Config, options: TrackOptions): Promise<TrackResult> {
  const historyPath = options.useHistory ? resolve(options.root, config.history) : null;
  const history = historyPath ? await readHistory(historyPath).catch(relabel(config.history)) : { records: [] };
  const view = new HistoryView(history.records);

  const outcome = await executeRun(config, options);
  const records = buildRecords(outcome, view);
  if (historyPath) await appendRecords(historyPath, records).catch(relabel(config.history));

  const summary = summarize(records);
  return { outcome, records, summary, historyPath, failures: thresholdFailures(config.thresholds, summary, options) };
}

/** History errors name the file as the config does, not as an absolute path. */
function relabel(file: string) {
  return (error: unknown): never => {
    throw error instanceof HistoryError ? error.relabel(file) : error;
  };
}
