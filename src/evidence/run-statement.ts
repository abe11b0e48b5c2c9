import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { refuseUnsafeOutput } from '../util/output-path.js';
import { basename, join } from 'node:path';
import { lineHash } from '../history/codec.js';
import type { HistoryRecord, RecordRun } from '../history/record.js';
import { sha256 } from '../util/hash.js';
import {
  lineSubjectName,
  PREDICATE_TYPES,
  recordPredicate,
  statement,
  type RecordPredicate,
  type Statement,
} from './statement.js';

/** What a run in track mode says about the history it appended to. */
export interface RunPredicate {
  run: RecordRun;
  /** The history file (its name) and how many records it holds after the run. */
  history: { file: string; records: number };
  /** One per record the run appended, as its signed envelope would say. */
  records: RecordPredicate[];
}

/**
 * The run's in-toto Statement: its subjects are the history file as it is after the run (what
 * `gh attestation verify FILE` checks) and each line the run appended (what `verify --key` binds).
 */
export async function runStatement(
  historyPath: string,
  appended: { lines: readonly string[]; firstLine: number },
): Promise<Statement<RunPredicate>> {
  const file = basename(historyPath);
  const bytes = await readFile(historyPath);
  const records = appended.lines.map((line) => JSON.parse(line) as HistoryRecord);
  const subjects = [
    { name: file, digest: { sha256: sha256(bytes) } },
    ...appended.lines.map((line, i) => ({
      name: lineSubjectName(file, appended.firstLine + i),
      digest: { sha256: lineHash(line) },
    })),
  ];
  const predicate: RunPredicate = {
    run: { ...records[0]!.run },
    history: { file, records: appended.firstLine + appended.lines.length - 1 },
    records: records.map((r, i) => recordPredicate(r, file, appended.firstLine + i)),
  };
  return statement(subjects, PREDICATE_TYPES.run, predicate);
}

/**
 * Writes the Statement and, beside it, its predicate alone: `actions/attest` takes the
 * predicate (`predicate-path`) and makes the subject from the file itself (`subject-path`).
 */
export async function writeRunStatement(
  dir: string,
  body: Statement<RunPredicate>,
): Promise<{ statement: string; predicate: string }> {
  await mkdir(dir, { recursive: true });
  const paths = {
    statement: join(dir, 'trackrecord-statement.json'),
    predicate: join(dir, 'trackrecord-predicate.json'),
  };
  // The folder is the runner's (RUNNER_TEMP) or the history's: neither file is ever written through a link.
  for (const path of Object.values(paths)) refuseUnsafeOutput(path, { root: dir, outside: true });
  await writeFile(paths.statement, `${JSON.stringify(body, null, 2)}\n`);
  await writeFile(paths.predicate, `${JSON.stringify(body.predicate, null, 2)}\n`);
  return paths;
}
