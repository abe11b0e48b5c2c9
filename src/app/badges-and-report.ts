import { dirname, relative, resolve } from 'node:path';
import { specLookup } from '../analysis/failing.js';
import type { RunOutcome } from '../run/outcome.js';
import type { Config } from '../config/types.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { appendAttestations, attestationsPathOf, describeAttestations } from '../evidence/attestations.js';
import type { Signer } from '../evidence/keys.js';
import { runStatement, writeRunStatement } from '../evidence/run-statement.js';
import { writeReport } from '../report/file.js';
import { reportPathOf } from '../util/output-files.js';
import { refuseUnsafeOutputs } from './outputs.js';
import { recordOutcome, type Recorded, type RecordOptions } from './run-and-record.js';

export interface BadgesAndReport {
  /** Absolute paths of everything written: badges, then the report. */
  paths: string[];
  reportPath: string;
  markdown: string;
}

/**
 * What a recorded run leaves beside its history: the badges and the markdown report. The CLI's
 * `run` and `merge` and the action's track mode all write exactly this.
 */
export async function writeBadgesAndReport(config: Config, root: string, recorded: Recorded): Promise<BadgesAndReport> {
  // Loaded here, not at start-up: badge-maker's font tables are slow to initialize.
  const { writeBadges } = await import('../badge/index.js');
  await refuseUnsafeOutputs(config, root);
  const badges = await writeBadges(resolve(root, config.badge), recorded.summary.models);
  const reportPath = reportPathOf(resolve(root, config.history));
  // The view already holds the history plus this run: no need to read the file back.
  const signing = await describeAttestations(resolve(root, config.history));
  const markdown = await writeReport(
    recorded.view,
    { models: config.models.map((m) => m.id), specs: specLookup(config) },
    reportPath,
    signing,
  );
  return { paths: [...badges, reportPath], reportPath, markdown };
}

export interface RecordedWithFiles extends Recorded {
  files: BadgesAndReport;
  /** Every file the run changed, relative to the root: what its commit holds. */
  changed: string[];
}

/**
 * Records a finished run on the history (see recordOutcome) and writes its badges and report:
 * a whole point of the track record, as `merge` and the action's track mode leave it.
 */
export async function recordWithFiles(outcome: RunOutcome, options: RecordOptions): Promise<RecordedWithFiles> {
  const recorded = await recordOutcome(outcome, { ...options, useHistory: true });
  const files = await writeBadgesAndReport(outcome.config, options.root, recorded);
  // What the signer wrote beside the open file, and what a seal moved (signed run or not).
  const signed = options.signer && recorded.historyPath ? [attestationsPathOf(recorded.historyPath)] : [];
  const attestations = [...new Set([...signed, ...recorded.moved])];
  const changed = [...recorded.written, ...attestations, ...files.paths].map((p) => relative(options.root, p));
  return { ...recorded, files, changed };
}

/**
 * The run's in-toto Statement and its predicate alone, written to `dir` for actions/attest to
 * sign with the workflow's identity; undefined when the run appended nothing.
 */
export async function writeStatement(
  recorded: Recorded,
  dir: string,
): Promise<{ statement: string; predicate: string } | undefined> {
  if (!recorded.appended || !recorded.historyPath) return undefined;
  return writeRunStatement(dir, await runStatement(recorded.historyPath, recorded.appended));
}

/**
 * Writes the lines a run appended to `path` (a new file, outside the repository), and when
 * `signer` signed them, their envelopes beside it, numbered as in the history: what is kept of a
 * run that could not publish. Returns `path`.
 */
export async function keepRecordsAside(recorded: Recorded, path: string, signer: Signer | null): Promise<string> {
  const { lines, firstLine } = recorded.appended ?? { lines: [], firstLine: 1 };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, lines.map((l) => `${l}\n`).join(''));
  if (signer) {
    await writeFile(attestationsPathOf(path), '');
    await appendAttestations(path, lines, firstLine, signer);
  }
  return path;
}
