import { failingPrompts, specLookup } from '../analysis/failing.js';
import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { thresholdFailures } from '../report/thresholds.js';
import { DEFAULTS, type Config } from '../config/types.js';
import { buildRecords } from '../analysis/records.js';
import type { RunOutcome } from '../run/outcome.js';
import { runSuites, type RunOptions } from './engine.js';
import type { NewRecord } from '../history/build-record.js';
import { attestationsPathOf, signedLine } from '../evidence/attestations.js';
import { refuseSignedPastEnd, signedAppend } from '../evidence/sign-on.js';
import type { Signer } from '../evidence/keys.js';
import { HistoryError, labelOf } from '../history/errors.js';
import { appendRecords } from '../history/file.js';
import { readRecent, type HistoryRead } from '../history/read.js';
import { HistoryView } from '../history/view.js';
import { headOf, refuseWithoutHead, refuseWithoutHeadBefore, type VerifiedHead } from '../history/head.js';
import { fetchHistoryEmbeddings } from './history-embeddings.js';
import { refuseUnsafeOutputs } from './outputs.js';
import { summarize, type RunSummary } from '../analysis/summary.js';

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
  history?: HistoryRead;
  /**
   * A line the history held when this run last read it (`chainedOnto` of an earlier attempt),
   * when `history` is left out because the file may have changed since (a push race resets the
   * checkout to another run's commit): a history read here that no longer holds it was cut back
   * or rewritten, and is refused.
   */
  head?: VerifiedHead | null;
  /** Signs every appended record into the attestations file beside the history (TRACKRECORD_SIGNING_KEY). */
  signer?: Signer | null;
  /**
   * A point of the nightly track record (the action's track and merge modes): it judges the
   * models, not a change, so `fail-on-regression` does not fail it. Any other run is watched by
   * someone (the CLI, a check of a change) and does fail on a regression beyond noise.
   */
  nightly?: boolean;
}

export interface Recorded {
  records: NewRecord[];
  summary: RunSummary;
  /** The history file appended to, or null without history. */
  historyPath: string | null;
  /** The history files the append changed: the open file, and the segment it was sealed as if it was. */
  written: string[];
  /**
   * Attestations files a seal renamed (both names), signed run or not: an unsigned night that
   * seals a signed history must commit the move too, or the next signed night reads the old
   * envelopes as signing lines cut from the open file.
   */
  moved: string[];
  /** The history as read, with this run's records added: what the file now holds. */
  view: HistoryView;
  /** The lines appended and the 1-based number of the first; null without history. */
  appended: { lines: string[]; firstLine: number } | null;
  /** "signed:  FILE (key ID)" when the appended lines were signed, else null. */
  signed: string | null;
  /** Broken thresholds, one sentence each. */
  failures: string[];
  /** The last line of the history the run read and compared with; its records went on after it (null: none, or no history). */
  chainedOnto: VerifiedHead | null;
}

export interface TrackResult extends Recorded {
  outcome: RunOutcome;
}

/**
 * A whole run: verify the history before spending a request, run, then record. A history that
 * fails verification throws a HistoryError and is left untouched.
 */
export async function runAndRecord(config: Config, options: RunOptions & RecordOptions): Promise<TrackResult> {
  if (options.useHistory) await refuseUnsafeOutputs(config, options.root);
  const history = options.useHistory
    ? (options.history ?? (await readVerifiedHistory(config, options.root)))
    : undefined;
  const outcome = await runSuites(config, options);
  return { ...(await recordOutcome(outcome, { ...options, history })), outcome };
}

/**
 * Compares a finished run with the history as it is now and appends its records. Separate from
 * running so that a run whose push lost a race can be recorded again on top of the newer history.
 */
export async function recordOutcome(outcome: RunOutcome, options: RecordOptions): Promise<Recorded> {
  const { config } = outcome;
  const historyPath = options.useHistory ? resolve(options.root, config.history) : null;
  const checks = { signer: options.signer, done: 'Nothing was written.', head: options.head };
  if (historyPath) await refuseUnsafeOutputs(config, options.root);
  const history = historyPath
    ? (options.history ?? (await readVerifiedHistory(config, options.root, checks)))
    : undefined;
  const chainedOnto = history ? headOf(history) : null;
  const before = new HistoryView(history?.records ?? [], history?.context);
  await fetchHistoryEmbeddings(outcome, before);
  const { records, view } = buildRecords(outcome, before);
  const written: string[] = [];
  const moved: string[] = [];
  let appended: Recorded['appended'] = null;
  if (historyPath) {
    const signing = signedAppend({ path: historyPath, label: config.history }, options.signer);
    const afterAppend = async (lines: string[], firstLine: number) => {
      appended = { lines, firstLine };
      await signing.afterAppend?.(lines, firstLine);
    };
    const { sealed } = await appendRecords(historyPath, records, {
      maxBytes: config.historyMaxMb * 2 ** 20,
      source: view,
      snapshot: history?.open,
      beforeAppend: async (lineCount, lines) => {
        // Checked again under the lock, right before the first write: a link may have appeared since the run began.
        await refuseUnsafeOutputs(config, options.root);
        await signing.beforeAppend?.(lineCount, lines);
        // The file may have changed since it was read (another writer, or a cut): it must still hold what the run compared with.
        if (!chainedOnto) return;
        const label = labelOf(chainedOnto.path, historyPath, config.history);
        await refuseWithoutHeadBefore(historyPath, lines, chainedOnto, label);
      },
      afterAppend,
      onSeal: async (open: string, sealed: string) => {
        if (await sealAttestations(open, sealed)) moved.push(attestationsPathOf(open), attestationsPathOf(sealed));
      },
    }).catch(relabel(historyPath, config.history));
    written.push(...(sealed ? [sealed] : []), historyPath);
  }
  const specs = specLookup(config);
  const summary = summarize(records, (id) => failingPrompts(view, id, specs));
  return {
    records,
    summary,
    historyPath,
    written,
    moved,
    view,
    appended,
    signed: appended && options.signer ? signedLine(config.history, options.signer.keyid) : null,
    failures: thresholdFailures(config, summary, { regressions: options.nightly !== true }),
    chainedOnto,
  };
}

/**
 * A sealed history file takes its attestations file along: `attestations-0001.jsonl` signs
 * `history-0001.jsonl`. Whether there was one to move.
 */
async function sealAttestations(open: string, sealed: string): Promise<boolean> {
  try {
    await rename(attestationsPathOf(open), attestationsPathOf(sealed));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return false;
  }
}

/**
 * How many runs back a run reads: its window, and the trend its report shows, and one more for
 * the answer before each. Segments older than that are not read; the link to them is checked.
 */
export function runsNeeded(config: Pick<Config, 'window'>): number {
  return Math.max(config.window, DEFAULTS.trend) + 1;
}

/** What a read of the history must find besides a verified chain, before a run appends to it. */
export interface HistoryChecks {
  /** The signer of the run's records: a history cut back below what it signed is refused (SignedPastEndError). */
  signer?: Signer | null;
  /** What that refusal left undone (default: nothing was requested or written). */
  done?: string;
  /** A line the history held when the run last read it: a history that no longer holds it is refused (HistoryRewrittenError). */
  head?: VerifiedHead | null;
}

/**
 * The config's history, as far back as a run needs, verified; a HistoryError names the file as
 * the config does. `checks` refuse a history that was cut back or rewritten (see HistoryChecks).
 */
export async function readVerifiedHistory(
  config: Config,
  root: string,
  checks: HistoryChecks = {},
): Promise<HistoryRead> {
  const path = resolve(root, config.history);
  const history = await readRecent(path, runsNeeded(config)).catch(relabel(path, config.history));
  if (checks.head) await refuseWithoutHead(path, history, checks.head, labelOf(checks.head.path, path, config.history));
  if (checks.signer) {
    const done = checks.done ?? 'Nothing was requested or written.';
    await refuseSignedPastEnd({ path, label: config.history }, history.open.verifier.nextLine - 1, checks.signer, done);
  }
  return history;
}

/** History errors name the file as the config does (a sealed segment beside it likewise), not as an absolute path. */
function relabel(path: string, file: string) {
  return (error: unknown): never => {
    throw error instanceof HistoryError ? error.relabel(labelOf(error.file, path, file)) : error;
  };
}
