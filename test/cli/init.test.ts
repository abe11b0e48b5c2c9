import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { PRESETS } from '../../src/init/presets.js';
import { formatProblem, lintWorkflows } from '../../scripts/lib/workflows.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

/** Every file under `dir` but .git, with its bytes and modification time. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), `${statSync(path).mtimeMs} ${readFileSync(path, 'utf8')}`);
    }
  };
  walk(dir);
  return files;
}

function emptyRepo(): string {
  const dir = tempDir({});
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

describe('trackrecord init', () => {
  it('writes config, workflows and a starter suite that validate and lint clean, and prints the badge', async () => {
    const dir = emptyRepo();
    const init = await runCli(['init'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote   .github/trackrecord.yml');
    expect(init.stdout).toContain('![reliability](.trackrecord/badge.svg)');
    expect(init.stdout).toContain('OPENAI_API_KEY');
    expect(readFileSync(join(dir, '.github/trackrecord.yml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\S+config\.schema\.json\n/,
    );

    const validate = await runCli(['validate'], dir);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/^ok \.github\/trackrecord\.yml: config with 1 model, 2 suites, 8 prompts/);
    expect((await runCli(['validate', 'prompts/starter.yaml'], dir)).code).toBe(0);

    const workflows = ['.github/workflows/trackrecord.yml', '.github/workflows/trackrecord-check.yml'].map((file) => ({
      file,
      firstLine: 1,
      text: readFileSync(join(dir, file), 'utf8'),
    }));
    expect((await lintWorkflows(workflows)).map(formatProblem)).toEqual([]);
    expect(workflows[0]!.text).toContain('OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}');
  });

  it('changes nothing when run a second time, and says what it skipped', async () => {
    const dir = emptyRepo();
    await runCli(['init', '--provider', 'groq'], dir);
    writeFileSync(join(dir, 'prompts/starter.yaml'), 'name: mine\nprompts: []\n');
    const before = snapshot(dir);
    const again = await runCli(['init', '--provider', 'ollama'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('wrote');
    expect(again.stdout.match(/^skipped .+: it exists$/gm)).toHaveLength(4);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('writes a valid setup for provider %s', async (name, preset) => {
    const dir = emptyRepo();
    expect((await runCli(['init', '--provider', name], dir)).code).toBe(0);
    const config = await loadConfig({ root: dir });
    expect(config.models[0]).toMatchObject({ model: preset.model });
    if (preset.keyEnv) expect(config.models[0]!.apiKeyEnv).toBe(preset.keyEnv);
    if (preset.baseUrl) expect(config.models[0]!.baseUrl).toBe(preset.baseUrl);
    expect(Boolean(config.models[0]!.azure)).toBe(Boolean(preset.azure));
    const nightly = readFileSync(join(dir, '.github/workflows/trackrecord.yml'), 'utf8');
    expect((await lintWorkflows([{ file: 'w.yml', firstLine: 1, text: nightly }])).map(formatProblem)).toEqual([]);
    expect(nightly.includes('secrets.')).toBe(Boolean(preset.keyEnv));
  });

  it('refuses an unknown provider with a suggestion, writing nothing', async () => {
    const dir = emptyRepo();
    const result = await runCli(['init', '--provider', 'olama'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown provider "olama" (did you mean "ollama"?)');
    expect(snapshot(dir).size).toBe(0);
  });
});
