import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/load.js';
import { executeRun } from '../../engine.js';
import { summarize } from '../../report/summary.js';
import { formatRunSummary } from '../format.js';
import { EXIT, type CliIO } from '../io.js';

export const runHelp = `Usage: trackrecord run [--config FILE] [--no-history] [--json] [--quiet]

Runs every suite against every model and prints the run summary.
  --config FILE   config file (default .github/trackrecord.yml)
  --no-history    do not read or append the history file
  --json          print the summary as JSON on stdout
  --quiet         no progress output`;

export async function runCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      'no-history': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const config = await loadConfig({ root: io.cwd, configPath: values.config });
  const outcome = await executeRun(config, {
    env: io.env,
    progress: values.quiet ? undefined : { write: (t) => io.stderr.write(t), isTTY: io.stderr.isTTY === true },
  });
  const summary = summarize(outcome);
  io.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatRunSummary(summary)}\n`);
  return EXIT.ok;
}
