import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { recordWithFiles } from '../../app/badges-and-report.js';
import { summaryJson, summaryText } from '../../app/present.js';
import { mergeShards } from '../../app/shard.js';
import { openWorkspace } from '../../app/workspace.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { count } from '../../util/numbers.js';

export const mergeHelp = `Usage: trackrecord merge [--config FILE] [--json] PARTIAL...

Combines the partial files of a sharded run (written by "trackrecord run --shard I/N")
into one record per model, exactly as if the run had not been sharded: compares with
the history, appends the records, and writes the badges and the markdown report.
  --config FILE   config file (default .github/trackrecord.yml); the shards must
                  have run with the same models, prompts and samples
  --json          print the summary as JSON on stdout

The partials must be of one run and cover shards 1..N exactly once.

Exit status: 0 ok, 1 a threshold failed or the history does not verify,
2 invalid configuration or partial files that do not make one whole run.`;

export async function mergeCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('name the partial files to merge');
  const { config, signer } = await openWorkspace({ root: io.cwd, configPath: values.config, env: io.env });
  const { outcome, files, notes } = await mergeShards(config, { paths: positionals }, io.cwd);
  for (const note of notes) io.stderr.write(`warning: ${note}\n`);
  const recorded = await recordWithFiles(outcome, { root: io.cwd, useHistory: true, signer });

  io.stdout.write(`${values.json ? summaryJson(recorded.summary) : summaryText(recorded.summary)}\n`);
  if (!values.json) {
    io.stdout.write(`merged:  ${count(files.length, 'shard')} of run ${outcome.run.id}\n`);
    io.stdout.write(`history: ${config.history} (+${count(recorded.records.length, 'record')})\n`);
    if (recorded.signed) io.stdout.write(`${recorded.signed}\n`);
    io.stdout.write(`report:  ${relative(io.cwd, recorded.files.reportPath)}\nbadge:   ${config.badge}\n`);
  }
  for (const failure of recorded.failures) io.stderr.write(`threshold: ${failure}\n`);
  return recorded.failures.length > 0 ? EXIT.failed : EXIT.ok;
}
