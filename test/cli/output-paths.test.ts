import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { PRIME_SUITE, primeConfig, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A workspace whose config names only files inside it (the prime suite copied in), confined as any user's is. */
async function confinedWorkspace(extra = ''): Promise<string> {
  server = await startPrimeServer();
  const config = primeConfig(server.baseUrl, 'gpt-4-0314', extra)
    .replace(`path: ${PRIME_SUITE}`, 'path: prime.yaml')
    .replace('allow-outside-workspace: true\n', '');
  return tempDir({ '.github/trackrecord.yml': config, 'prime.yaml': readFileSync(PRIME_SUITE, 'utf8') });
}

describe('trackrecord run writes only inside the workspace', () => {
  it('refuses a default .trackrecord folder that links outside, before any request', async () => {
    const outside = tempDir();
    const root = await confinedWorkspace();
    symlinkSync(outside, join(root, '.trackrecord'));
    const result = await runCli(['run'], root);
    expect(result.stderr).toContain('.trackrecord/history.jsonl');
    expect(result.stderr).toMatch(/leads outside the workspace through the symbolic link \.trackrecord/);
    expect(result.code).toBe(2);
    expect(server!.stats().requests).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a .trackrecord folder linked to another folder of the workspace, or to nowhere, before any request', async () => {
    for (const target of ['docs', 'missing/folder']) {
      const root = await confinedWorkspace();
      mkdirSync(join(root, 'docs'));
      symlinkSync(target, join(root, '.trackrecord'));
      const result = await runCli(['run'], root);
      expect(result.stderr).toMatch(
        /\.trackrecord\/history\.jsonl is reached through the symbolic link \.trackrecord: /,
      );
      expect(result.code).toBe(2);
      expect(server!.stats().requests).toBe(0);
      expect(readdirSync(join(root, 'docs'))).toEqual([]);
      await server!.close();
    }
    server = undefined;
  });

  for (const file of [
    'report.md',
    'badge.json',
    'badge-gpt-4.svg',
    'attestations.jsonl',
    'history.jsonl.lock',
    'history-0001.jsonl',
  ]) {
    it(`refuses a symbolic link at ${file}, before any request, and leaves its target alone`, async () => {
      const outside = tempDir({ 'target.txt': 'precious\n' });
      const root = await confinedWorkspace('history: .trackrecord/history.jsonl\nbadge: .trackrecord/badge.svg\n');
      mkdirSync(join(root, '.trackrecord'));
      symlinkSync(join(outside, 'target.txt'), join(root, '.trackrecord', file));
      const result = await runCli(['run'], root);
      expect(result.stderr).toContain(`.trackrecord/${file} is a symbolic link`);
      expect(result.code).toBe(2);
      expect(server!.stats().requests).toBe(0);
      expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe('precious\n');
      expect(existsSync(join(root, '.trackrecord', 'history.jsonl'))).toBe(false);
    });
  }

  it('refuses a history linked to another file of the repository, naming the link', async () => {
    const root = await confinedWorkspace('history: data/history.jsonl\n');
    writeFileSync(join(root, 'elsewhere.jsonl'), '');
    mkdirSync(join(root, 'data'));
    symlinkSync('../elsewhere.jsonl', join(root, 'data', 'history.jsonl'));
    const result = await runCli(['run'], root);
    expect(result.stderr).toContain('data/history.jsonl is a symbolic link (to ../elsewhere.jsonl)');
    expect(result.code).toBe(2);
    expect(server!.stats().requests).toBe(0);
    expect(readFileSync(join(root, 'elsewhere.jsonl'), 'utf8')).toBe('');
  });

  for (const file of ['report.md', 'badge.json']) {
    it(`refuses a ${file} that is a directory before the history is appended`, async () => {
      const root = await confinedWorkspace();
      mkdirSync(join(root, '.trackrecord', file), { recursive: true });
      const result = await runCli(['run'], root);
      expect(result.stderr).toContain(`.trackrecord/${file} is a directory`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.code).toBe(2);
      expect(server!.stats().requests).toBe(0);
      expect(existsSync(join(root, '.trackrecord', 'history.jsonl'))).toBe(false);
    });
  }

  it('still writes everything in a plain workspace', async () => {
    const root = await confinedWorkspace();
    const result = await runCli(['run'], root);
    expect(result.stderr).toBe(result.stderr.replace(/is a symbolic link/, ''));
    expect(result.code).toBe(0);
    expect(readdirSync(join(root, '.trackrecord')).sort()).toEqual([
      'badge-gpt-4.svg',
      'badge.json',
      'badge.svg',
      'history.jsonl',
      'report.md',
    ]);
  });

  it('refuses a partial file whose folder links outside, before any request', async () => {
    const outside = tempDir();
    const root = await confinedWorkspace();
    symlinkSync(outside, join(root, 'partials'));
    const result = await runCli(['run', '--shard', '1/2', '--partial', 'partials/p.json', '--run-id', 'r1'], root);
    expect(result.stderr).toContain('partials/p.json leads outside the workspace through the symbolic link partials');
    expect(result.code).toBe(2);
    expect(server!.stats().requests).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });
});
