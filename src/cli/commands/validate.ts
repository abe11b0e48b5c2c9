import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, formatIssue } from '../../config/errors.js';
import { loadConfig, loadSuite } from '../../config/load.js';
import { DEFAULTS, promptCount } from '../../config/types.js';
import { EXIT, type CliIO } from '../io.js';

export const validateHelp = `Usage: trackrecord validate [FILES...]

Checks config and suite files against their schemas without calling any model.
A config is checked together with every suite it names. With no FILES, checks
.github/trackrecord.yml.`;

export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const files = argv.length > 0 ? argv : [DEFAULTS.configPath];
  let failed = false;
  for (const file of files) {
    try {
      const message = (await isConfigFile(resolve(io.cwd, file)))
        ? await checkConfig(file, io)
        : await checkSuite(file, io);
      io.stdout.write(`ok ${file}: ${message}\n`);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      failed = true;
      for (const issue of e.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    }
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

async function checkConfig(file: string, io: CliIO): Promise<string> {
  const config = await loadConfig({ root: io.cwd, configPath: file });
  const prompts = promptCount(config);
  return `config with ${config.models.length} model(s), ${config.suites.length} suite(s), ${prompts} prompt(s)`;
}

async function checkSuite(file: string, io: CliIO): Promise<string> {
  const suite = await loadSuite(io.cwd, file);
  return `suite "${suite.name}" with ${suite.prompts.length} prompt(s)`;
}

/** A config has `models`; anything else is read as a suite (and its schema says what is wrong). */
async function isConfigFile(path: string): Promise<boolean> {
  try {
    // Aliases only share objects here; the loader bounds what they expand to, at the alias.
    const data: unknown = parse(await readFile(path, 'utf8'), { maxAliasCount: -1 });
    return typeof data === 'object' && data !== null && 'models' in data;
  } catch {
    return false;
  }
}
