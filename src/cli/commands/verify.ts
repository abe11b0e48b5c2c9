import { parseArgs } from 'node:util';
import { verifyHistory } from '../../app/verify.js';
import { DEFAULTS } from '../../config/types.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export const verifyHelp = `Usage: trackrecord verify [--history FILE] [--key PUBLIC.pem [--signed-from N]] [--repair]

Checks the history: every line against the record schema, the hash chain (each
line holds the SHA-256 of the line before it), and that every stored text and
prompt catalog matches its hash, through every sealed segment (history-0001.jsonl,
...) and the open file, in order. Exits 0 when intact, 1 naming the first bad
file and line otherwise.
  --history FILE   history file (default ${DEFAULTS.history})
  --key FILE       also check that every record has a DSSE envelope in
                   attestations.jsonl beside the history (attestations-0001.jsonl
                   beside history-0001.jsonl), signed by this public key (PEM),
                   over exactly that line: a consistent chain that someone else
                   wrote fails here, naming the first line
  --signed-from N  with --key, for a history that began signing later: records
                   before the Nth (counted over the whole history, from 1) may
                   be unsigned, and are reported as such; every record from the
                   Nth on must be signed
  --repair         remove the bytes a crash left after the last complete record
                   of the open file (a cut-short last line), saying which;
                   refuses anything else`;

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      history: { type: 'string' },
      repair: { type: 'boolean', default: false },
      key: { type: 'string' },
      'signed-from': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const signedFrom = values['signed-from'] === undefined ? undefined : recordNumber(values['signed-from']);
  if (signedFrom !== undefined && values.key === undefined)
    throw new UsageError('--signed-from needs --key PUBLIC.pem: it says from which record the signatures are checked');
  const verified = await verifyHistory({
    root: io.cwd,
    history: values.history,
    key: values.key,
    signedFrom,
    repair: values.repair,
  });
  (verified.ok ? io.stdout : io.stderr).write(`${verified.text}\n`);
  return verified.ok ? EXIT.ok : EXIT.failed;
}

function recordNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`--signed-from must be a record number from 1, got "${text}"`);
  return Number(text);
}
