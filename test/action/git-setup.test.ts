import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { commitFiles, remoteHistory } from '../support/git.js';
import { tempDir } from '../support/tmp.js';
import { remoteWithConfig, startActionServer, TRACK_COMMIT_FILES } from './fixtures.js';

// The repository's own git setup (hooks, ignore rules, the checkout's state) must neither hang
// a nightly run nor lose it after its requests were spent.

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function hook(dir: string, name: string, body: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
}

describe('the action in track mode, on a repository with its own git setup', () => {
  it('runs no hook of the repository: a hanging pre-commit, a failing pre-push, a core.hooksPath', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    hook(join(dir, '.git/hooks'), 'pre-commit', 'sleep 600');
    const hooks = tempDir();
    hook(hooks, 'pre-push', 'echo "pre-push says no" >&2; exit 1');
    hook(hooks, 'pre-commit', 'sleep 600');
    hook(hooks, 'post-commit', 'exit 1');
    await git.run(['config', 'core.hooksPath', hooks]);

    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code, run.failure ?? run.log).toBe(0);
    const commits = await remoteHistory(remote);
    expect(await commitFiles(remote, commits.at(-1)!.sha)).toEqual(TRACK_COMMIT_FILES);
  }, 30_000);

  it('commits its own files whatever .gitignore says, and only them', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir } = await remote.clone();
    writeFileSync(join(dir, '.gitignore'), '.trackrecord/\n*.svg\n*.jsonl\n');
    writeFileSync(join(dir, 'ignored.svg'), '<svg/>');

    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code, run.failure ?? run.log).toBe(0);
    const commits = await remoteHistory(remote);
    expect(await commitFiles(remote, commits.at(-1)!.sha)).toEqual(TRACK_COMMIT_FILES);
  });

  it('refuses a .gitattributes that is not a file before any request', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir } = await remote.clone();
    mkdirSync(join(dir, '.gitattributes'));
    writeFileSync(join(dir, '.gitattributes/x'), '');

    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(/^\.gitattributes is a directory: /);
    expect(server.stats().requests).toBe(0);
  });

  it('refuses a detached HEAD before any request', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    await git.run(['checkout', '--quiet', '--detach', 'HEAD']);

    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(/detached HEAD/);
    expect(run.failure).toMatch(/ref: <branch>/);
    expect(server.stats().requests).toBe(0);
  });

  it('refuses a checkout without the remote before any request', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    await git.run(['remote', 'remove', 'origin']);

    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(/no remote "origin"/);
    expect(server.stats().requests).toBe(0);
  });

  it('refuses a remote it cannot push to before any request', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    await git.run(['remote', 'set-url', '--push', 'origin', join(tempDir(), 'no-such-repo.git')]);

    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(/cannot push to origin\/main/);
    expect(run.failure).toMatch(/contents: write/);
    expect(server.stats().requests).toBe(0);
  });

  it('with commit off, needs neither a branch nor a remote', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, git } = await remote.clone();
    await git.run(['checkout', '--quiet', '--detach', 'HEAD']);
    await git.run(['remote', 'remove', 'origin']);

    const run = await runAction({
      workspace: dir,
      eventName: 'schedule',
      env: remote.env,
      inputs: { commit: 'false' },
    });
    expect(run.code, run.failure ?? run.log).toBe(0);
  });
});
