import { parseArgs } from 'node:util';
import { initRepository, PROVIDER_NAMES } from '../../app/init.js';
import { EXIT, UsageError, type CliIO } from './io.js';

const NAMES = PROVIDER_NAMES;

export const initHelp = `Usage: trackrecord init [--provider NAME]

Writes a starter setup in the current repository: .github/trackrecord.yml, the
nightly and pull request workflows, and a starter suite under prompts/. It never
overwrites a file: what exists already is skipped and said so.
  --provider NAME   ${NAMES.join('|')} (default openai): base URL,
                    key variable and a first model for that provider`;

export async function initCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { provider: { type: 'string', default: 'openai' } },
    strict: true,
    allowPositionals: false,
  });
  const result = await initRepository(io.cwd, values.provider, (path, written) =>
    io.stdout.write(written ? `wrote   ${path}\n` : `skipped ${path}: it exists\n`),
  );
  if (!result.ok) throw new UsageError(result.problem);
  io.stdout.write(`\n${result.next}\n`);
  return EXIT.ok;
}
