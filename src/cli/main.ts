import { certifyCommand, certifyHelp } from './commands/certify.js';
import { initCommand, initHelp } from './commands/init.js';
import { mergeCommand, mergeHelp } from './commands/merge.js';
import { reportCommand, reportHelp } from './commands/report.js';
import { runCommand, runHelp } from './commands/run.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { verifyCertificateCommand, verifyCertificateHelp } from './commands/verify-certificate.js';
import { verifyCommand, verifyHelp } from './commands/verify.js';
import { EXIT, UsageError, type CliIO } from './commands/io.js';
import { errorLine, TrackrecordError } from '../util/errors.js';

const commands: Record<string, { run: (argv: string[], io: CliIO) => Promise<number>; help: string }> = {
  init: { run: initCommand, help: initHelp },
  run: { run: runCommand, help: runHelp },
  merge: { run: mergeCommand, help: mergeHelp },
  report: { run: reportCommand, help: reportHelp },
  validate: { run: validateCommand, help: validateHelp },
  verify: { run: verifyCommand, help: verifyHelp },
  certify: { run: certifyCommand, help: certifyHelp },
  'verify-certificate': { run: verifyCertificateCommand, help: verifyCertificateHelp },
};

const usage = `Usage: trackrecord <command> [options]

Commands:
  init       write a starter config, suite and workflows (never overwrites)
  run        run the suites against the models and record the results
  merge      record a sharded run from its shards' partial files
  report     print the report of the history (markdown, JSON or a self-contained HTML page)
  validate   check config and suite files without calling a model
  verify     check the history file's hash chain and records (--key: and their signatures)
  certify    write a signed reliability certificate of one model
  verify-certificate
             check a certificate's signature, and its figures against the history

Run "trackrecord <command> --help" for a command's options.`;

/** The CLI, with its streams and environment passed in so it runs the same in tests. */
export async function cli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(`${usage}\n`);
    return name === undefined ? EXIT.invalid : EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`trackrecord: unknown command "${name}"\n\n${usage}\n`);
    return EXIT.invalid;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Every error written for the user is mapped here, by what it carries; anything else is a crash.
    const known = isParseArgsError(error) ? new UsageError((error as Error).message) : error;
    if (!(known instanceof TrackrecordError)) throw error;
    io.stderr.write(`${errorLine(known, name)}\n${known.showsHelp ? `\n${command.help}\n` : ''}`);
    return known.exitStatus;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
