import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/types.js';
import { attestationsPathOf, checkSignedHistory, describeAttestations } from '../../evidence/attestations.js';
import { short } from '../../evidence/dsse.js';
import { readPublicKey } from '../../evidence/key-file.js';
import { HistoryError, labelOf } from '../../history/errors.js';
import { historyExists } from '../../history/file.js';
import { repairTruncated, type Repair } from '../../history/repair.js';
import { readHistory, type HistoryRead } from '../../history/read.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

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
  const file = values.history ?? DEFAULTS.history;
  const path = resolve(io.cwd, file);
  const signedFrom = values['signed-from'] === undefined ? 1 : recordNumber(values['signed-from']);
  if (values['signed-from'] !== undefined && values.key === undefined)
    throw new UsageError('--signed-from needs --key PUBLIC.pem: it says from which record the signatures are checked');
  const key = values.key === undefined ? null : await readPublicKey(io.cwd, values.key);
  try {
    if (!(await historyExists(path))) {
      io.stderr.write(`trackrecord verify: ${file}: no such file\n`);
      return EXIT.failed;
    }
    if (values.repair) {
      const repair = await repairTruncated(path);
      const history = await readHistory(path);
      io.stdout.write(`repaired ${file}: ${describeRepair(repair)}; ${count(history)}, chain intact\n`);
      return EXIT.ok;
    }
    const history = await readHistory(path);
    const attestations = relative(io.cwd, attestationsPathOf(path)) || attestationsPathOf(path);
    if (key) {
      const total = history.records.length;
      if (signedFrom > Math.max(total, 1)) {
        io.stderr.write(`${file}: --signed-from ${signedFrom}, but the history holds ${count(history)}\n`);
        return EXIT.failed;
      }
      // Each history file has its own attestations file; check them in order.
      let at = 0;
      for (const segment of history.files) {
        const records = history.records.slice(at, at + segment.records);
        const signed = await checkSignedHistory(segment.path, segment.lines, records, key, signedFrom - at);
        if (!signed.ok) {
          const shown = relative(io.cwd, attestationsPathOf(segment.path)) || attestationsPathOf(segment.path);
          // A history that began signing later: say which option checks what is signed.
          const hint =
            signed.signedLater === undefined
              ? ''
              : `\n  key ${short(key.keyid)} signed line ${signed.signedLater}: if the history began signing there, --signed-from ${at + signed.signedLater} checks the records from it on`;
          io.stderr.write(
            `${labelOf(segment.path, path, file)}:${signed.line}: ${signed.reason}${hint}\n  envelopes: ${shown}\n`,
          );
          return EXIT.failed;
        }
        at += segment.records;
      }
      const signed =
        signedFrom === 1
          ? `every record signed by key ${short(key.keyid)}`
          : `${span(signedFrom, total)} signed by key ${short(key.keyid)}; ${span(1, signedFrom - 1)} unsigned, as --signed-from ${signedFrom} allows`;
      io.stdout.write(`ok ${file}: ${count(history)}, chain intact, ${signed}\n`);
      return EXIT.ok;
    }
    io.stdout.write(`ok ${file}: ${count(history)}, chain intact\n${await signingNote(path, attestations)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof HistoryError) {
      io.stderr.write(`${e.relabel(labelOf(e.file, path, file)).message}\n`);
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

/** Exactly which bytes went, and a glimpse of them (escaped: they are whatever the crash left). */
function describeRepair({ line, offset, removedBytes, removed, keptRecord }: Repair): string {
  const bytes = `the last ${removedBytes} byte${removedBytes === 1 ? '' : 's'} (from byte ${offset})`;
  const shown = removed.length > 60 ? `${JSON.stringify(removed.slice(0, 60))}...` : JSON.stringify(removed);
  return keptRecord
    ? `removed ${bytes}, after the complete record on line ${line}: ${shown}`
    : `removed the cut-short line ${line}, ${bytes}: ${shown}`;
}

/** What verify says about signatures when it was given no key to check them with. */
async function signingNote(path: string, attestations: string): Promise<string> {
  const found = await describeAttestations(path);
  if (found === null || found.envelopes === 0) return `the records are unsigned (no envelopes in ${attestations})`;
  const keys = found.keyids.join(', ');
  return `${attestations} holds ${found.envelopes} signed envelope(s), key ${keys}: check them with --key PUBLIC.pem`;
}

/** "record 4" or "records 4 to 9". */
function span(from: number, to: number): string {
  return from === to ? `record ${from}` : `records ${from} to ${to}`;
}

function recordNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`--signed-from must be a record number from 1, got "${text}"`);
  return Number(text);
}

function count(history: HistoryRead): string {
  const records = history.records.length;
  const files = history.files.length;
  return `${records} record${records === 1 ? '' : 's'}${files > 1 ? ` in ${files} files` : ''}`;
}
