import { parseArgs } from 'node:util';
import { isReportFormat, REPORT_FORMATS, reportHistory } from '../../app/report.js';
import { DEFAULTS } from '../../config/types.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export const reportHelp = `Usage: trackrecord report [--history FILE] [--format md|json|html] [--trend N] [--all] [--config FILE]

Prints the report of the history file on stdout: per model, reliability with its 95%
interval, pass rate, stability, drifted prompts with their answers before and after,
regressions, errors, and a trend of the last runs. Needs the history file only (no
config, no model calls); the history is verified first.
  --history FILE   history file (default ${DEFAULTS.history})
  --format FORMAT  md (markdown, default) or json, or html: one self-contained page
                   with charts and each run's drifted prompts (loads nothing, no script)
  --trend N        runs in each model's trend (default ${DEFAULTS.trend})
  --all            read and verify all of the history; by default only the
                   trend's runs, plus one, are read from the end (their link to
                   the lines before checked), and record counts cover those
  --config FILE    the config whose checks failing prompts are listed with (default
                   ${DEFAULTS.configPath}, when it loads; the history alone lists the
                   failing prompts and their answers)`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      history: { type: 'string' },
      format: { type: 'string', default: 'md' },
      trend: { type: 'string' },
      all: { type: 'boolean', default: false },
      config: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format;
  if (!isReportFormat(format))
    throw new UsageError(`--format must be one of ${Object.keys(REPORT_FORMATS).join(', ')}, not "${format}"`);
  const trend = values.trend === undefined ? undefined : positiveInteger(values.trend);
  const report = await reportHistory({
    root: io.cwd,
    history: values.history,
    format,
    trend,
    all: values.all,
    configPath: values.config,
  });
  if (!report.ok) {
    io.stderr.write(`trackrecord report: ${report.problem}\n`);
    return EXIT.failed;
  }
  io.stdout.write(report.text);
  return EXIT.ok;
}

function positiveInteger(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--trend must be a whole number of runs, at least 1, not "${text}"`);
  return Number(text);
}
