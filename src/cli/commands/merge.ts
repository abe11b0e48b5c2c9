import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { thresholdFailures } from '../../report/thresholds.js';
import { writeBadgesAndReport } from '../../app/badges-and-report.js';
import { loadConfig } from '../../config/load.js';
import { signedLine } from '../../evidence/attestations.js';
import { signerFromEnv } from '../../evidence/keys.js';
import { displayPath, mergePartials, readPartials } from '../../partial/index.js';
import { formatRunSummary } from '../../report/text.js';
import { recordOutcome } from '../../app/run-and-record.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

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
  const config = await loadConfig({ root: io.cwd, configPath: values.config });
  const signer = signerFromEnv(io.env);
  const paths = positionals.map((p) => resolve(io.cwd, p));
  const partials = await readPartials(paths, (p) => displayPath(p, io.cwd));
  const outcome = mergePartials(config, partials);

  const recorded = await recordOutcome(outcome, { root: io.cwd, useHistory: true, signer });
  const written = await writeBadgesAndReport(config, io.cwd, recorded);
  const failures = thresholdFailures(config.thresholds, recorded.summary, { regressions: true });

  io.stdout.write(
    values.json ? `${JSON.stringify(recorded.summary, null, 2)}\n` : `${formatRunSummary(recorded.summary)}\n`,
  );
  if (!values.json) {
    io.stdout.write(`merged:  ${partials.length} shard(s) of run ${outcome.run.id}\n`);
    io.stdout.write(`history: ${config.history} (+${recorded.records.length} record(s))\n`);
    if (signer && recorded.appended) io.stdout.write(`${signedLine(config.history, signer.keyid)}\n`);
    io.stdout.write(`report:  ${relative(io.cwd, written.reportPath)}\nbadge:   ${config.badge}\n`);
  }
  for (const failure of failures) io.stderr.write(`threshold: ${failure}\n`);
  return failures.length > 0 ? EXIT.failed : EXIT.ok;
}
