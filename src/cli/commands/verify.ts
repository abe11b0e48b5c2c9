import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/types.js';
import { attestationsPathOf, checkSignedHistory, describeAttestations } from '../../evidence/attestations.js';
import { short } from '../../evidence/dsse.js';
import { readPublicKey } from '../../evidence/key-file.js';
import { HistoryError } from '../../history/errors.js';
import { historyExists, readHistory, repairTruncated } from '../../history/file.js';
import { EXIT, type CliIO } from '../io.js';

export const verifyHelp = `Usage: trackrecord verify [--history FILE] [--key PUBLIC.pem] [--repair]

Checks the history file: every line against the record schema, the hash chain
(each line holds the SHA-256 of the line before it), and that every stored text
and prompt catalog matches its hash. Exits 0 when intact, 1 naming the first
bad line otherwise.
  --history FILE   history file (default ${DEFAULTS.history})
  --key FILE       also check that every record has a DSSE envelope in
                   attestations.jsonl beside the history, signed by this public
                   key (PEM), over exactly that line: a consistent chain that
                   someone else wrote fails here, naming the first line
  --repair         remove a last line that a crash cut short; refuses anything else`;

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      history: { type: 'string' },
      repair: { type: 'boolean', default: false },
      key: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const file = values.history ?? DEFAULTS.history;
  const path = resolve(io.cwd, file);
  const key = values.key === undefined ? null : await readPublicKey(io.cwd, values.key);
  try {
    if (!(await historyExists(path))) {
      io.stderr.write(`trackrecord verify: ${file}: no such file\n`);
      return EXIT.failed;
    }
    if (values.repair) {
      const { removedBytes, line } = await repairTruncated(path);
      const { records } = await readHistory(path);
      io.stdout.write(
        `repaired ${file}: removed the cut-short line ${line} (${removedBytes} bytes); ${count(records.length)}, chain intact\n`,
      );
      return EXIT.ok;
    }
    const { records, lines } = await readHistory(path);
    const attestations = relative(io.cwd, attestationsPathOf(path)) || attestationsPathOf(path);
    if (key) {
      const signed = await checkSignedHistory(path, lines, records, key);
      if (!signed.ok) {
        io.stderr.write(`${file}:${signed.line}: ${signed.reason}\n  envelopes: ${attestations}\n`);
        return EXIT.failed;
      }
      io.stdout.write(
        `ok ${file}: ${count(records.length)}, chain intact, every record signed by key ${short(key.keyid)}\n`,
      );
      return EXIT.ok;
    }
    io.stdout.write(`ok ${file}: ${count(records.length)}, chain intact\n${await signingNote(path, attestations)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof HistoryError) {
      io.stderr.write(`${e.relabel(file).message}\n`);
      return EXIT.failed;
    }
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string') {
      io.stderr.write(`trackrecord verify: ${file}: ${(e as Error).message}\n`);
      return EXIT.failed;
    }
    throw e;
  }
}

/** What verify says about signatures when it was given no key to check them with. */
async function signingNote(path: string, attestations: string): Promise<string> {
  const found = await describeAttestations(path);
  if (found === null || found.envelopes === 0) return `the records are unsigned (no envelopes in ${attestations})`;
  const keys = found.keyids.join(', ');
  return `${attestations} holds ${found.envelopes} signed envelope(s), key ${keys}: check them with --key PUBLIC.pem`;
}

function count(records: number): string {
  return `${records} record${records === 1 ? '' : 's'}`;
}
