import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/types.js';
import { describeAttestations } from '../../evidence/attestations.js';
import { HistoryError, labelOf } from '../../history/errors.js';
import { historyExists } from '../../history/file.js';
import { readHistory, readRecent } from '../../history/read.js';
import { HistoryView } from '../../history/view.js';
import { renderHtml } from '../../report/html.js';
import { renderJson, renderMarkdown } from '../../report/markdown.js';
import { buildReport, DEFAULT_TREND } from '../../report/report.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

export const reportHelp = `Usage: trackrecord report [--history FILE] [--format md|json|html] [--trend N] [--all]

Prints the report of the history file on stdout: per model, reliability with its 95%
interval, pass rate, stability, drifted prompts with their answers before and after,
regressions, errors, and a trend of the last runs. Needs the history file only (no
config, no model calls); the history is verified first.
  --history FILE   history file (default ${DEFAULTS.history})
  --format FORMAT  md (markdown, default) or json, or html: one self-contained page
                   with charts and each run's drifted prompts (loads nothing, no script)
  --trend N        runs in each model's trend (default ${DEFAULT_TREND})
  --all            read and verify all of the history; by default only the
                   trend's runs, plus one, are read from the end (their link to
                   the lines before checked), and record counts cover those`;

const FORMATS = ['md', 'json', 'html'] as const;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      history: { type: 'string' },
      format: { type: 'string', default: 'md' },
      trend: { type: 'string' },
      all: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  }
  const trend = values.trend === undefined ? DEFAULT_TREND : positiveInteger(values.trend);
  const file = values.history ?? DEFAULTS.history;
  const path = resolve(io.cwd, file);

  let read;
  try {
    if (!(await historyExists(path))) {
      io.stderr.write(
        `trackrecord report: ${file}: no such file (run "trackrecord run" first, or pass --history FILE)\n`,
      );
      return EXIT.failed;
    }
    read = values.all ? await readHistory(path) : await readRecent(path, trend + 1);
  } catch (e) {
    if (e instanceof HistoryError) throw e.relabel(labelOf(e.file, path, file));
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string') {
      io.stderr.write(`trackrecord report: ${file}: ${(e as Error).message}\n`);
      return EXIT.failed;
    }
    throw e;
  }

  const view = new HistoryView(read.records, read.context);
  if (format === 'html') {
    io.stdout.write(renderHtml(buildReport(view, { trend, runDrift: true })));
    return EXIT.ok;
  }
  const report = buildReport(view, { trend });
  io.stdout.write(
    format === 'json' ? renderJson(report) : renderMarkdown(report, { signing: await describeAttestations(path) }),
  );
  return EXIT.ok;
}

function positiveInteger(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--trend must be a whole number of runs, at least 1, not "${text}"`);
  return Number(text);
}
