import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { didYouMean } from '../config/suggest.js';
import { PRESETS, presetNamed } from '../init/presets.js';
import { ACTION, badgeSnippet, starterFiles } from '../init/templates.js';

/** The providers `init --provider` knows, by name. */
export const PROVIDER_NAMES = PRESETS.map((p) => p.name);

export type InitResult =
  { ok: true; /** What to do next, a few lines. */ next: string } | { ok: false; problem: string };

/**
 * Writes a starter setup in the repository at `root` for a provider: the config, the nightly and
 * pull request workflows, a starter suite. It never overwrites a file: `onFile` is told of each,
 * written or skipped because it exists.
 */
export async function initRepository(
  root: string,
  provider: string,
  onFile: (path: string, written: boolean) => void,
): Promise<InitResult> {
  const preset = presetNamed(provider);
  if (!preset) {
    return {
      ok: false,
      problem: `unknown provider "${provider}"${didYouMean(provider, PROVIDER_NAMES)}; one of ${PROVIDER_NAMES.join(', ')}`,
    };
  }
  for (const [path, text] of Object.entries(starterFiles(preset))) {
    const target = join(root, path);
    if (existsSync(target)) {
      onFile(path, false);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    // 'wx': fail rather than replace a file that appeared since the check.
    await writeFile(target, text, { flag: 'wx' });
    onFile(path, true);
  }
  const secret = preset.keyEnv ? `Add the repository secret ${preset.keyEnv}. ` : '';
  return {
    ok: true,
    next:
      `Next: edit the config and prompts/starter.yaml, then run "trackrecord validate".\n` +
      `${secret}In the workflows, ${ACTION} names the published action: point it at the copy you use.\n` +
      `Show the badge in your README:\n\n  ${badgeSnippet()}`,
  };
}
