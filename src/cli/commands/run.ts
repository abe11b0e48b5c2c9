import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeArtifacts } from '../../artifacts.js';
import { loadConfig } from '../../config/load.js';
import { runAndRecord } from '../../track.js';
import { formatRunSummary } from '../format.js';
import { EXIT, type CliIO } from '../io.js';

export const runHelp = `Usage: trackrecord run [--config FILE] [--no-history] [--json] [--quiet]

Runs every suite against every model, compares with the history, appends one
record per model to it, and writes the badges and the markdown report beside it.
  --config FILE   config file (default .github/trackrecord.yml)
  --no-history    do not read or append the history file
  --json          print the summary as JSON on stdout
  --quiet         no progress output

Exit status: 0 ok, 1 a threshold failed or the history does not verify, 2 invalid configuration.`;

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
  const result = await runAndRecord(config, {
    root: io.cwd,
    env: io.env,
    useHistory: !values['no-history'],
    regressions: true,
    progress: values.quiet ? undefined : { write: (t) => io.stderr.write(t), isTTY: io.stderr.isTTY === true },
  });
  const artifacts = result.historyPath ? await writeArtifacts(config, io.cwd, result.summary) : null;
  io.stdout.write(values.json ? `${JSON.stringify(result.summary, null, 2)}\n` : `${formatRunSummary(result.summary)}\n`);
  if (artifacts && !values.json) {
    io.stdout.write(`history: ${config.history} (+${result.records.length} record(s))\n`);
    io.stdout.write(`report:  ${relative(io.cwd, artifacts.reportPath)}\nbadge:   ${config.badge}\n`);
  }
  for (const failure of result.failures) io.stderr.write(`threshold: ${failure}\n`);
  return result.failures.length > 0 ? EXIT.failed : EXIT.ok;
}
