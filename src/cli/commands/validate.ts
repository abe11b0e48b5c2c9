import { validateFile } from '../../app/validate.js';
import { ConfigError, formatIssue } from '../../config/errors.js';
import { DEFAULTS } from '../../config/types.js';
import { EXIT, type CliIO } from './io.js';

export const validateHelp = `Usage: trackrecord validate [FILES...]

Checks config and suite files against their schemas without calling any model.
A config is checked together with every suite it names. With no FILES, checks
.github/trackrecord.yml.`;

export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const files = argv.length > 0 ? argv : [DEFAULTS.configPath];
  let failed = false;
  for (const file of files) {
    try {
      const { summary, warnings } = await validateFile(io.cwd, file, io.env);
      for (const warning of warnings) io.stderr.write(`warning: ${formatIssue(warning)}\n`);
      io.stdout.write(`ok ${file}: ${summary}\n`);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      failed = true;
      for (const issue of e.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    }
  }
  return failed ? EXIT.invalid : EXIT.ok;
}
