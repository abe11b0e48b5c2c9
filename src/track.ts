import { resolve } from 'node:path';
import type { ThresholdOptions } from './analysis/thresholds.js';
import { thresholdFailures } from './report/thresholds.js';
import type { Config } from './config/types.js';
import { buildRecords, type RunOutcome } from './analysis/records.js';
import { executeRun, type RunOptions } from './engine.js';
import type { NewRecord } from './history/build-record.js';
import { HistoryError } from './history/errors.js';
import { signedAppend } from './evidence/attestations.js';
import type { Signer } from './evidence/keys.js';
import { appendRecords, readHistory } from './history/file.js';
import type { HistoryRecord } from './history/record.js';
import { HistoryView } from './history/view.js';
import { summarize, type RunSummary } from './report/summary.js';

export interface RecordOptions {
  /** Repository root: the history path is relative to it. */
  root: string;
  /** Read and append the history file (false: compare with nothing, write nothing). */
  useHistory: boolean;
  /**
   * The verified history as read before the run, to compare with instead of reading it again.
   * Leave it out after anything may have changed the file (a push race). Appending verifies the
   * file as it is then, whatever was passed here.
   */
  history?: HistoryRecord[];
  /** Signs every appended record into the attestations file beside the history (TRACKRECORD_SIGNING_KEY). */
  signer?: Signer | null;
}

export interface Recorded {
  records: NewRecord[];
  summary: RunSummary;
  /** The history file appended to, or null without history. */
  historyPath: string | null;
  /** The history as read, with this run's records added: what the file now holds. */
  view: HistoryView;
  /** The lines appended and the 1-based number of the first; null without history. */
  appended: { lines: string[]; firstLine: number } | null;
}

export interface TrackResult extends Recorded {
  outcome: RunOutcome;
  /** Broken thresholds, one sentence each. */
  failures: string[];
}

/**
 * A whole run: verify the history before spending a request, run, then record. A history that
 * fails verification throws a HistoryError and is left untouched.
 */
export async function runAndRecord(
  config: Config,
  options: RunOptions & RecordOptions & ThresholdOptions,
): Promise<TrackResult> {
  const history = options.useHistory ? (options.history ?? (await readVerifiedHistory(config, options.root))) : [];
  const outcome = await executeRun(config, options);
  const recorded = await recordOutcome(outcome, { ...options, history });
  return { ...recorded, outcome, failures: thresholdFailures(config.thresholds, recorded.summary, options) };
}

/**
 * Compares a finished run with the history as it is now and appends its records. Separate from
 * running so that a run whose push lost a race can be recorded again on top of the newer history.
 */
export async function recordOutcome(outcome: RunOutcome, options: RecordOptions): Promise<Recorded> {
  const { config } = outcome;
  const historyPath = options.useHistory ? resolve(options.root, config.history) : null;
  const history = historyPath ? (options.history ?? (await readVerifiedHistory(config, options.root))) : [];
  const view = new HistoryView(history);
  const records = buildRecords(outcome, view);
  let appended: Recorded['appended'] = null;
  if (historyPath) {
    const signing = signedAppend(historyPath, options.signer);
    const afterAppend = async (lines: string[], firstLine: number) => {
      appended = { lines, firstLine };
      await signing.afterAppend?.(lines, firstLine);
    };
    await appendRecords(historyPath, records, { afterAppend }).catch(relabel(config.history));
  }
  return { records, summary: summarize(records), historyPath, view, appended };
}

/** The config's history, verified; a HistoryError names the file as the config does. */
export async function readVerifiedHistory(config: Config, root: string): Promise<HistoryRecord[]> {
  const { records } = await readHistory(resolve(root, config.history)).catch(relabel(config.history));
  return records;
}

/** History errors name the file as the config does, not as an absolute path. */
function relabel(file: string) {
  return (error: unknown): never => {
    throw error instanceof HistoryError ? error.relabel(file) : error;
  };
}
