import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { didYouMean } from '../../config/suggest.js';
import { PRESETS, presetNamed } from '../../init/presets.js';
import { ACTION, badgeSnippet, starterFiles } from '../../init/templates.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

const NAMES = PRESETS.map((p) => p.name);

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
  const preset = presetNamed(values.provider);
  if (!preset) {
    throw new UsageError(
      `unknown provider "${values.provider}"${didYouMean(values.provider, NAMES)}; one of ${NAMES.join(', ')}`,
    );
  }
  for (const [path, text] of Object.entries(starterFiles(preset))) {
    const target = join(io.cwd, path);
    if (existsSync(target)) {
      io.stdout.write(`skipped ${path}: it exists\n`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    // 'wx': fail rather than replace a file that appeared since the check.
    await writeFile(target, text, { flag: 'wx' });
    io.stdout.write(`wrote   ${path}\n`);
  }
  const secret = preset.keyEnv ? `Add the repository secret ${preset.keyEnv}. ` : '';
  io.stdout.write(
    `\nNext: edit the config and prompts/starter.yaml, then run "trackrecord validate".\n` +
      `${secret}In the workflows, ${ACTION} names the published action: point it at the copy you use.\n` +
      `Show the badge in your README:\n\n  ${badgeSnippet()}\n`,
  );
  return EXIT.ok;
}
