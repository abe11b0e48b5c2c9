import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/types.js';
import { HistoryError, labelOf } from '../../history/errors.js';
import { historyExists, repairTruncated } from '../../history/file.js';
import { readHistory, type HistoryRead } from '../../history/read.js';
import { EXIT, type CliIO } from '../io.js';

export const verifyHelp = `Usage: trackrecord verify [--history FILE] [--repair]

Checks the history: every line against the record schema, the hash chain (each
line holds the SHA-256 of the line before it), and that every stored text and
prompt catalog matches its hash, through every sealed segment (history-0001.jsonl,
...) and the open file, in order. Exits 0 when intact, 1 naming the first bad
file and line otherwise.
  --history FILE   history file (default ${DEFAULTS.history})
  --repair         remove a last line that a crash cut short from the open file;
                   refuses anything else`;

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
      const history = await readHistory(path);
      io.stdout.write(
        `repaired ${file}: removed the cut-short line ${line} (${removedBytes} bytes); ${count(history)}, chain intact\n`,
      );
      return EXIT.ok;
    }
    const history = await readHistory(path);
    io.stdout.write(`ok ${file}: ${count(history)}, chain intact\n`);
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

function count(history: HistoryRead): string {
  const records = history.records.length;
  const files = history.files.length;
  return `${records} record${records === 1 ? '' : 's'}${files > 1 ? ` in ${files} files` : ''}`;
}
