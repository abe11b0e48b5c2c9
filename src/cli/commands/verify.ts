import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/types.js';
import { HistoryError } from '../../history/errors.js';
import { historyExists, readHistory, repairTruncated } from '../../history/file.js';
import { EXIT, type CliIO } from '../io.js';

export const verifyHelp = `Usage: trackrecord verify [--history FILE] [--repair]

Checks the history file: every line against the record schema, the hash chain
(each line holds the SHA-256 of the line before it), and that every stored text
and prompt catalog matches its hash. Exits 0 when intact, 1 naming the first
bad line otherwise.
  --history FILE   history file (default ${DEFAULTS.history})
  --repair         remove a last line that a crash cut short; refuses anything else`;

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      history: { type: 'string' },
      repair: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const file = values.history ?? DEFAULTS.history;
  const path = resolve(io.cwd, file);
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
    const { records } = await readHistory(path);
    io.stdout.write(`ok ${file}: ${count(records.length)}, chain intact\n`);
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

function count(records: number): string {
  return `${records} record${records === 1 ? '' : 's'}`;
}
