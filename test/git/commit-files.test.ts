import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { commitFiles } from '../../src/git/commit-files.js';
import { makeRemote } from '../support/git.js';

const suite = (text: string) => `name: s\nprompts:\n  - id: a\n    prompt: "${text}"\n`;
const config = 'models:\n  - id: m\n    model: tiny-1\nsuites:\n  - path: prompts/s.yaml\n  - builtin:core\n';

async function repoWithTwoVersions() {
  const remote = await makeRemote();
  const { dir, git } = await remote.clone();
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = async (message: string) => {
    await git.run(['add', '.']);
    await git.run(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m', message]);
    return git.headSha();
  };
  write('.github/trackrecord.yml', config);
  write('prompts/s.yaml', suite('old text'));
  const first = await commit('first');
  write('prompts/s.yaml', suite('new text'));
  await commit('second');
  return { dir, git, first, write, commit };
}

describe('loading the config of another commit', () => {
  it("reads the commit's config and suites through git, built-in suites from trackrecord", async () => {
    const { dir, git, first } = await repoWithTwoVersions();
    const base = await loadConfig({ root: dir, files: await commitFiles(git, first, 'main') });
    const head = await loadConfig({ root: dir });
    expect(base.suites[0]!.prompts[0]!.messages[0]!.content).toBe('old text');
    expect(head.suites[0]!.prompts[0]!.messages[0]!.content).toBe('new text');
    expect(base.suites[0]!.file).toBe('main:prompts/s.yaml');
    expect(base.suites.map((s) => s.source)).toEqual(['prompts/s.yaml', 'builtin:core']);
    expect(base.suites[1]!.prompts.length).toBe(head.suites[1]!.prompts.length);
  });

  it("names the commit, the file and the line when that version's config is broken", async () => {
    const { dir, git, write, commit } = await repoWithTwoVersions();
    write('prompts/s.yaml', 'name: s\nprompts:\n  - id: a\n    promt: "typo"\n');
    const broken = await commit('broken');
    write('prompts/s.yaml', suite('fixed'));
    await commit('fixed');
    const error = await loadConfig({ root: dir, files: await commitFiles(git, broken, 'main') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map(formatIssue).join('\n')).toMatch(
      /^main:prompts\/s\.yaml:4:5: prompts\[0\]\.promt: unknown key "promt"/m,
    );
    // A suite the commit does not have is "not found" at the config's line that names it.
    write('.github/trackrecord.yml', config.replace('prompts/s.yaml', 'prompts/gone.yaml'));
    const gone = await commit('gone');
    const missing = await loadConfig({ root: dir, files: await commitFiles(git, gone, 'main') }).catch(
      (e: unknown) => e,
    );
    expect((missing as ConfigError).issues.map(formatIssue)).toEqual([
      'main:.github/trackrecord.yml:5:11: suites[0].path: suite file not found: prompts/gone.yaml',
    ]);
  });
});
