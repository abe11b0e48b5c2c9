import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { tempDir } from '../support/tmp.js';
import { pullRequestEvent, remoteWithConfig, startActionServer } from './fixtures.js';

const COMMIT = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m'];

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clone whose committed `.trackrecord` is a link to a folder beside the workspace. */
async function linkedOutside() {
  server = await startActionServer();
  const remote = await remoteWithConfig(server.baseUrl);
  const { dir, git } = await remote.clone();
  const outside = join(dir, '..', 'outside');
  mkdirSync(outside);
  symlinkSync('../outside', join(dir, '.trackrecord'));
  await git.run(['add', '.trackrecord']);
  await git.run([...COMMIT, 'link']);
  return { remote, dir, outside };
}

describe('the action writes only inside the workspace', () => {
  it('fails, before any request, on a committed .trackrecord that links outside', async () => {
    const { remote, dir, outside } = await linkedOutside();
    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code).not.toBe(0);
    expect(run.failure).toContain(
      '.trackrecord/history.jsonl leads outside the workspace through the symbolic link .trackrecord',
    );
    expect(server!.stats().requests).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("in check mode without the runner's temp folder, writes no report through a committed link", async () => {
    const { remote, dir, outside } = await linkedOutside();
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      event: pullRequestEvent(),
      // A runner that gives no temp folder (self-hosted, or another Actions-compatible runner).
      env: { ...remote.env, RUNNER_TEMP: '' },
    });
    expect(run.code).not.toBe(0);
    expect(run.failure).toContain('.trackrecord/trackrecord-report.md leads outside the workspace');
    expect(readdirSync(outside)).toEqual([]);
  });

  it("checks the data branch's own content: a link there is refused before any request", async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const target = join(tempDir({ 'target.txt': 'precious\n' }), 'target.txt');
    // The data branch, as someone pushed it: its report.md links to a file of the runner.
    const { dir, git } = await remote.clone();
    await git.run(['checkout', '--quiet', '--orphan', 'trackrecord-data']);
    await git.run(['rm', '-r', '--quiet', '--cached', '.']);
    mkdirSync(join(dir, '.trackrecord'), { recursive: true });
    symlinkSync(target, join(dir, '.trackrecord', 'report.md'));
    await git.run(['add', '.trackrecord']);
    await git.run([...COMMIT, 'data']);
    await git.run(['push', '--quiet', 'origin', 'HEAD:refs/heads/trackrecord-data']);

    const work = await remote.clone();
    const run = await runAction({
      workspace: work.dir,
      eventName: 'schedule',
      env: remote.env,
      inputs: { branch: 'trackrecord-data' },
    });
    expect(run.code).not.toBe(0);
    expect(run.failure).toContain('.trackrecord/report.md is a symbolic link');
    expect(server.stats().requests).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it('fails, before any request, on a history linked to another file of the repository, naming the link', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    mkdirSync(join(dir, '.trackrecord'));
    writeFileSync(join(dir, 'other.jsonl'), '');
    symlinkSync('../other.jsonl', join(dir, '.trackrecord', 'history.jsonl'));
    await git.run(['add', '.trackrecord', 'other.jsonl']);
    await git.run([...COMMIT, 'link']);
    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code).not.toBe(0);
    expect(run.failure).toContain('.trackrecord/history.jsonl is a symbolic link (to ../other.jsonl)');
    expect(server.stats().requests).toBe(0);
    expect(readFileSync(join(dir, 'other.jsonl'), 'utf8')).toBe('');
  });
});
