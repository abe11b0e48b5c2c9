import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError, hideCredentials } from '../../src/git/git-error.js';
import { BOT_IDENTITY, Git } from '../../src/git/git.js';
import { makeRemote } from '../support/git.js';
import { tempDir } from '../support/tmp.js';

const TOKEN_URL = 'https://x-access-token:SECRET@github.com/owner/repo.git';

describe('hideCredentials', () => {
  it('removes user:token and bare tokens from URLs', () => {
    expect(hideCredentials(`fatal: unable to access '${TOKEN_URL}/': 403`)).toBe(
      "fatal: unable to access 'https://***@github.com/owner/repo.git/': 403",
    );
    expect(hideCredentials('http://ghp_abc123@example.com/x and ssh://git:pw@host/y')).toBe(
      'http://***@example.com/x and ssh://***@host/y',
    );
    expect(hideCredentials('http.extraheader=AUTHORIZATION: basic eC1hY2Nlc3M=')).toBe(
      'http.extraheader=AUTHORIZATION: basic ***',
    );
  });

  it('leaves text without credentials alone', () => {
    const text = 'To https://github.com/owner/repo.git\n ! [rejected] main -> main (fetch first)\nuser@example.com';
    expect(hideCredentials(text)).toBe(text);
  });

  it('GitError redacts the command, stderr and message', () => {
    const error = new GitError(
      ['push', TOKEN_URL, 'HEAD:refs/heads/main'],
      128,
      `fatal: unable to access '${TOKEN_URL}/': denied`,
    );
    expect(error.message).not.toContain('SECRET');
    expect(error.command).toBe('git push https://***@github.com/owner/repo.git HEAD:refs/heads/main');
    expect(error.stderr).not.toContain('SECRET');
    expect(error.exitCode).toBe(128);
    expect(error.message).toContain('exit 128');
  });

  it('a failing command that echoes a token URL throws a redacted GitError', async () => {
    const { git } = await (await makeRemote()).clone();
    const error = await git.run(['show', TOKEN_URL]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    const gitError = error as GitError;
    expect(gitError.exitCode).toBe(128);
    expect(gitError.message).toContain('https://***@github.com/owner/repo.git');
    expect(gitError.message).not.toContain('SECRET');
    expect(gitError.stderr).not.toContain('SECRET');
    expect(gitError.command).not.toContain('SECRET');
  });
});

describe('Git', () => {
  it('run returns stdout and stderr, and reports a missing cwd as GitError', async () => {
    const { git } = await (await makeRemote()).clone();
    expect((await git.run(['rev-parse', '--is-inside-work-tree'])).stdout.trim()).toBe('true');
    const missing = new Git(join(tempDir(), 'nope'));
    await expect(missing.run(['status'])).rejects.toBeInstanceOf(GitError);
  });

  it('currentBranch, headSha, revParse', async () => {
    const remote = await makeRemote();
    const { git } = await remote.clone();
    expect(await git.currentBranch()).toBe('main');
    expect(await git.headSha()).toBe(remote.seed);
    expect(await git.revParse('origin/main')).toBe(remote.seed);
    expect(await git.revParse('refs/heads/nope')).toBeNull();
    expect(await git.revParse('--help')).toBeNull();
    await git.run(['checkout', '--quiet', '--detach']);
    expect(await git.currentBranch()).toBeNull();
  });

  it('show returns file content at a ref, null when the path or ref is missing', async () => {
    const remote = await makeRemote();
    const { git } = await remote.clone();
    expect(await git.show('HEAD', 'log.txt')).toBe('seed\n');
    expect(await git.show(remote.seed, './README.md')).toBe('# seed\n');
    expect(await git.show('HEAD', 'missing.txt')).toBeNull();
    expect(await git.show('no-such-ref', 'log.txt')).toBeNull();
  });

  it('commit uses the bot identity without any configured identity, and returns false with nothing staged', async () => {
    const { dir, git } = await (await makeRemote()).clone();
    // The isolated config has user.useConfigOnly and no identity: a plain commit fails.
    writeFileSync(join(dir, 'a.txt'), 'a\n');
    await git.add(['a.txt']);
    await expect(git.run(['commit', '-m', 'x'])).rejects.toBeInstanceOf(GitError);

    expect(await git.commit('add a')).toBe(true);
    const { stdout } = await git.run(['log', '-1', '--format=%an <%ae>|%cn <%ce>|%B']);
    const bot = `${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>`;
    expect(stdout.trim()).toBe(`${bot}|${bot}|add a`);
    expect(await git.commit('again')).toBe(false);
    expect(await git.commit('no paths', { paths: [] })).toBe(false);
    await expect(git.run(['config', '--get', 'user.name'])).rejects.toBeInstanceOf(GitError);
  });

  it('commit with paths commits only those paths and keeps a "#" line in the message', async () => {
    const { dir, git } = await (await makeRemote()).clone();
    writeFileSync(join(dir, 'a.txt'), 'a\n');
    writeFileSync(join(dir, 'b.txt'), 'b\n');
    await git.add(['a.txt', 'b.txt']);
    expect(
      await git.commit('only a\n\n# run 7', { paths: ['a.txt'], author: { name: 'X', email: 'x@example.com' } }),
    ).toBe(true);
    expect((await git.run(['show', '--name-only', '--format=%an%n%B', 'HEAD'])).stdout).toContain(
      'X\nonly a\n\n# run 7\n',
    );
    expect((await git.run(['show', '--name-only', '--format=', 'HEAD'])).stdout.trim()).toBe('a.txt');
    expect((await git.run(['diff', '--cached', '--name-only'])).stdout.trim()).toBe('b.txt');
  });

  it('push reports success, and a moved branch as rejected', async () => {
    const remote = await makeRemote();
    const a = await remote.clone();
    const b = await remote.clone();
    appendFileSync(join(b.dir, 'log.txt'), 'b\n');
    await b.git.add(['log.txt']);
    await b.git.commit('b');
    expect(await b.git.push('origin', 'main')).toEqual({ ok: true });

    appendFileSync(join(a.dir, 'log.txt'), 'a\n');
    await a.git.add(['log.txt']);
    await a.git.commit('a');
    const fetchFirst = await a.git.push('origin', 'main');
    expect(fetchFirst).toMatchObject({ ok: false, rejected: true });

    await a.git.fetch('origin', 'main');
    expect(await a.git.revParse('refs/remotes/origin/main')).toBe(await b.git.headSha());
    const nonFastForward = await a.git.push('origin', 'main');
    expect(nonFastForward).toMatchObject({ ok: false, rejected: true });
    expect(!nonFastForward.ok && nonFastForward.message).toContain('non-fast-forward');

    writeFileSync(join(a.dir, 'README.md'), '# changed, not committed\n');
    await a.git.resetKeep('origin/main');
    expect(await a.git.headSha()).toBe(await b.git.headSha());
    expect(await a.git.show('HEAD', 'log.txt')).toBe('seed\nb\n');
    expect(readFileSync(join(a.dir, 'log.txt'), 'utf8')).toBe('seed\nb\n');
    expect(readFileSync(join(a.dir, 'README.md'), 'utf8')).toBe('# changed, not committed\n');
  });

  it('push reports other failures as not rejected', async () => {
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    writeFileSync(
      join(remote.bare, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "protected branch: pushes are not allowed" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    appendFileSync(join(dir, 'log.txt'), 'x\n');
    await git.add(['log.txt']);
    await git.commit('x');
    const result = await git.push('origin', 'main');
    expect(result).toMatchObject({ ok: false, rejected: false });
    expect(!result.ok && result.message).toContain('protected branch');

    await git.run(['remote', 'set-url', 'origin', join(tempDir(), 'missing.git')]);
    expect(await git.push('origin', 'main')).toMatchObject({ ok: false, rejected: false });
  });

  it('isShallow', async () => {
    const remote = await makeRemote();
    expect(await (await remote.clone()).git.isShallow()).toBe(false);
    expect(await (await remote.clone({ depth: 1 })).git.isShallow()).toBe(true);
  });

  it('kills a command that runs out of time, with what it started, and names the command and the limit', async () => {
    const remote = await makeRemote();
    const { dir } = await remote.clone();
    // A transport that never answers: git starts it, and it keeps git's output open.
    const git = new Git(dir, { ...remote.env, GIT_SSH_COMMAND: 'sleep 60 #' }, { timeoutMs: 1500 });
    const started = Date.now();
    const error = await git.run(['fetch', 'ssh://git@example.invalid/x.git']).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(
      /^git fetch ssh:\/\/\*\*\*@example\.invalid\/x\.git failed \(timed out after 1\.5 s, killed\)/,
    );
    const pushed = await git.push('ssh://git@example.invalid/x.git', 'main');
    expect(pushed).toMatchObject({
      ok: false,
      rejected: false,
      message: expect.stringMatching(/timed out after 1\.5 s/),
    });
  }, 30_000);
});
