import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import type { Remote } from '../support/git.js';
import { remoteWithConfig, startActionServer } from './fixtures.js';

// A Windows runner checks out with core.autocrlf=true; git on Linux honours it on checkout too.

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clone made as Git for Windows makes it: core.autocrlf=true, set before the checkout. */
async function windowsClone(remote: Remote, root: string): Promise<string> {
  const dir = join(root, `windows-${Math.random().toString(36).slice(2)}`);
  await remote.remoteGit.run(['clone', '--quiet', '-c', 'core.autocrlf=true', remote.bare, dir]);
  return dir;
}

const night = (remote: Remote, dir: string) => runAction({ workspace: dir, eventName: 'schedule', env: remote.env });

describe('the action in track mode on a checkout with core.autocrlf=true', () => {
  it('runs every night: its files are committed with a .gitattributes line and check out byte-exact', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const first = await night(remote, await windowsClone(remote, remote.bare + '-w'));
    expect(first.code, first.failure ?? first.log).toBe(0);

    for (let i = 0; i < 2; i++) {
      const dir = await windowsClone(remote, remote.bare + '-w');
      expect(readFileSync(join(dir, '.trackrecord/history.jsonl'), 'utf8')).not.toContain('\r');
      const run = await night(remote, dir);
      expect(run.code, run.failure ?? run.log).toBe(0);
    }
    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    expect(verifyHistory(history)).toMatchObject({ ok: true, records: { length: 3 } });
    const attributes = (await remote.remoteGit.run(['show', 'main:.gitattributes'])).stdout;
    expect(attributes).toContain('/.trackrecord/history.jsonl -text\n');
  });

  it('restores a history committed before, without the line, and commits the line', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    expect((await night(remote, dir)).code).toBe(0);
    await git.run(['pull', '--quiet', 'origin', 'main']);
    await git.run(['rm', '--quiet', '.gitattributes']);
    await git.run(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m', 'no attrs']);
    await git.run(['push', '--quiet', 'origin', 'HEAD:main']);

    const windows = await windowsClone(remote, remote.bare + '-w');
    expect(readFileSync(join(windows, '.trackrecord/history.jsonl'), 'utf8')).toContain('\r\n');
    const run = await night(remote, windows);
    expect(run.code, run.failure ?? run.log).toBe(0);
    expect(run.log).toMatch(/restored \.trackrecord\/history\.jsonl byte-exact/);
    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    expect(verifyHistory(history)).toMatchObject({ ok: true, records: { length: 2 } });
    expect((await remote.remoteGit.run(['show', 'main:.gitattributes'])).stdout).toContain('-text');
  });
});
