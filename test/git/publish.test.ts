import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_IDENTITY, Git } from '../../src/git/git.js';
import { backoffDelay, publish, PublishError } from '../../src/git/publish.js';
import { makeRemote, remoteHistory, remoteTips, type Remote } from '../support/git.js';
import { tempDir } from '../support/tmp.js';

const noSleep = async (): Promise<void> => {};

/** An apply that appends `line` to log.txt on top of whatever the tree holds, counting its calls. */
function appendLine(dir: string, line: string): { apply: () => Promise<string[]>; calls: () => number } {
  let calls = 0;
  return {
    apply: async () => {
      calls++;
      appendFileSync(join(dir, 'log.txt'), `${line}\n`);
      return ['log.txt'];
    },
    calls: () => calls,
  };
}

async function remoteFile(remote: Remote, path: string): Promise<string | null> {
  return remote.remoteGit.show('main', path);
}

async function expectLinear(remote: Remote): Promise<void> {
  expect((await remote.remoteGit.run(['rev-list', '--merges', 'main'])).stdout).toBe('');
  const history = await remoteHistory(remote);
  history.forEach((commit, i) => expect(commit.parents).toEqual(i === 0 ? [] : [history[i - 1]!.sha]));
  // Every value main ever had is an ancestor of the final tip, and each update built on the one
  // before: nothing was force-pushed.
  const tips = await remoteTips(remote);
  const final = tips.at(-1)!;
  for (const tip of tips) await expect(remote.remoteGit.isAncestor(tip, final)).resolves.toBe(true);
  const parents = new Map(history.map((c) => [c.sha, c.parents]));
  tips.slice(1).forEach((tip, i) => expect(parents.get(tip)).toEqual([tips[i]]));
}

describe('publish', () => {
  it('creates exactly one commit on the remote with the applied files, the message and the bot identity', async () => {
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    const lines: string[] = [];
    const result = await publish({
      git,
      branch: 'main',
      message: 'trackrecord: record run 1',
      apply: async () => {
        writeFileSync(join(dir, 'history.jsonl'), '{"run":1}\n');
        writeFileSync(join(dir, 'badge.svg'), '<svg/>');
        return ['history.jsonl', './badge.svg'];
      },
      log: (line) => lines.push(line),
    });
    expect(result.attempts).toBe(1);
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await remote.remoteGit.revParse('main')).toBe(result.commit);

    const history = await remoteHistory(remote);
    expect(history.map((c) => c.sha)).toEqual([remote.seed, result.commit]);
    expect(history[1]!.parents).toEqual([remote.seed]);
    const { stdout } = await remote.remoteGit.run(['show', '--name-only', '--format=%an <%ae>%n%cn <%ce>%n%B', 'main']);
    const bot = `${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>`;
    expect(stdout).toContain(`${bot}\n${bot}\ntrackrecord: record run 1\n`);
    expect(stdout.trim().split('\n').slice(-2).sort()).toEqual(['badge.svg', 'history.jsonl']);
    expect(await remoteFile(remote, 'history.jsonl')).toBe('{"run":1}\n');
    expect(lines.join('\n')).toContain('pushed');
  });

  it('commits only the paths apply returned, from any cwd inside the repository', async () => {
    const remote = await makeRemote();
    const { dir } = await remote.clone();
    writeFileSync(join(dir, 'unrelated.txt'), 'not ours\n');
    mkdirSync(join(dir, 'sub'));
    const subGit = new Git(join(dir, 'sub'), remote.env);
    const result = await publish({
      git: subGit,
      branch: 'main',
      message: 'only ours',
      apply: async () => {
        writeFileSync(join(dir, 'data [1].txt'), 'ours\n');
        return ['data [1].txt'];
      },
    });
    expect(result.commit).not.toBeNull();
    const { stdout } = await remote.remoteGit.run(['show', '--name-only', '--format=', 'main']);
    expect(stdout.trim()).toBe('data [1].txt');
    expect(readFileSync(join(dir, 'unrelated.txt'), 'utf8')).toBe('not ours\n');
  });

  it('does not push when there is nothing to commit', async () => {
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    const result = await publish({
      git,
      branch: 'main',
      message: 'nothing',
      apply: async () => {
        writeFileSync(join(dir, 'log.txt'), 'seed\n'); // unchanged content
        return ['log.txt'];
      },
    });
    expect(result).toEqual({ commit: null, attempts: 1 });
    expect(await git.headSha()).toBe(remote.seed);
    expect(await remoteTips(remote)).toEqual([remote.seed]);

    expect(await publish({ git, branch: 'main', message: 'none', apply: async () => [] })).toEqual({
      commit: null,
      attempts: 1,
    });
  });

  it('after a rejected push, resets to the new tip, re-applies on top and pushes a linear history', async () => {
    const remote = await makeRemote();
    const a = await remote.clone();
    const b = await remote.clone();

    const bResult = await publish({
      git: b.git,
      branch: 'main',
      message: 'run B',
      apply: appendLine(b.dir, 'B').apply,
    });
    expect(bResult.attempts).toBe(1);

    const aApply = appendLine(a.dir, 'A');
    const sleeps: number[] = [];
    const aResult = await publish({
      git: a.git,
      branch: 'main',
      message: 'run A',
      apply: aApply.apply,
      backoff: { baseMs: 100, maxMs: 1000 },
      random: () => 0.5,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(aResult.attempts).toBe(2);
    expect(aApply.calls()).toBe(2);
    expect(sleeps).toEqual([50]);
    expect(await remoteFile(remote, 'log.txt')).toBe('seed\nB\nA\n');

    const history = await remoteHistory(remote);
    expect(history.map((c) => c.subject)).toEqual(['seed', 'run B', 'run A']);
    expect(history.map((c) => c.sha)).toEqual([remote.seed, bResult.commit, aResult.commit]);
    await expectLinear(remote);
    // A's checkout ends on what it pushed.
    expect(await a.git.headSha()).toBe(aResult.commit);
  });

  it('six concurrent publishers all land, in six linear commits, without force pushes', async () => {
    const remote = await makeRemote();
    const clones = await Promise.all(Array.from({ length: 6 }, () => remote.clone()));
    const results = await Promise.all(
      clones.map((clone, i) =>
        publish({
          git: clone.git,
          branch: 'main',
          message: `run ${i}`,
          apply: appendLine(clone.dir, `line ${i}`).apply,
          backoff: { baseMs: 50, maxMs: 400 },
        }),
      ),
    );

    const lines = (await remoteFile(remote, 'log.txt'))!.trim().split('\n');
    expect(lines[0]).toBe('seed');
    expect(lines.slice(1).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `line ${i}`));

    const history = await remoteHistory(remote);
    expect(history).toHaveLength(7);
    expect(
      history
        .slice(1)
        .map((c) => c.sha)
        .sort(),
    ).toEqual(results.map((r) => r.commit).sort());
    // The file grew in push order: commit k holds exactly the lines of commits 1..k.
    for (const [k, commit] of history.entries()) {
      if (k === 0) continue;
      const i = Number(commit.subject.replace('run ', ''));
      expect(lines[k]).toBe(`line ${i}`);
    }
    await expectLinear(remote);
    expect(await remoteTips(remote)).toHaveLength(7);
    expect(results.reduce((sum, r) => sum + r.attempts, 0)).toBeGreaterThan(6);
  });

  it('keeps retrying past six rejections while its time lasts, then gives up naming attempts and time', async () => {
    const remote = await makeRemote();
    const a = await remote.clone();
    const b = await remote.clone();
    let calls = 0;
    let clock = 0;
    const sleeps: number[] = [];
    const lines: string[] = [];
    const error = await publish({
      git: a.git,
      branch: 'main',
      message: 'run A',
      retryForMs: 5000,
      now: () => clock,
      random: () => 0.1,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      log: (line) => lines.push(line),
      apply: async () => {
        calls++;
        clock += 100; // recording again takes a while
        // Another run pushes after every fetch of ours.
        await b.git.fetch('origin', 'main');
        await b.git.resetKeep('origin/main');
        await publish({
          git: b.git,
          branch: 'main',
          message: `run B${calls}`,
          apply: appendLine(b.dir, `B${calls}`).apply,
        });
        appendFileSync(join(a.dir, 'log.txt'), 'A\n');
        return ['log.txt'];
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toMatch(
      /^gave up pushing to origin\/main after 10 attempts in 5 s: the branch kept moving/,
    );
    expect(calls).toBe(10);
    // Full jitter under a doubling cap (500 ms to 8 s), the last wait cut to end at the deadline.
    expect(sleeps).toEqual([50, 100, 200, 400, 800, 800, 800, 800, 150]);
    expect(lines[0]).toBe(
      'trackrecord: push rejected, origin/main moved; retrying on top of the new tip in 50 ms (attempt 2, retrying for 5 s more)',
    );
    const b10 = Array.from({ length: 10 }, (_, i) => `B${i + 1}\n`).join('');
    expect(await remoteFile(remote, 'log.txt')).toBe(`seed\n${b10}`);
    await expectLinear(remote);
  });

  it('lands every one of twenty runs that finish together, with the default retry time and backoff', async () => {
    const remote = await makeRemote();
    const clones = await Promise.all(Array.from({ length: 20 }, () => remote.clone()));
    const results = await Promise.all(
      clones.map((clone, i) =>
        publish({
          git: clone.git,
          branch: 'main',
          message: `run ${i}`,
          apply: async () => {
            // Recording again costs CPU on a busy runner: hold the event loop a while.
            const until = Date.now() + 30;
            while (Date.now() < until);
            return appendLine(clone.dir, `line ${i}`).apply();
          },
        }),
      ),
    );
    const lines = (await remoteFile(remote, 'log.txt'))!.trim().split('\n');
    expect(lines.slice(1).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`).sort());
    expect(results.every((r) => r.commit !== null)).toBe(true);
    await expectLinear(remote);
  }, 300_000);

  it('throws PublishError without retrying when the remote refuses the push (hook / protection)', async () => {
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    writeFileSync(
      join(remote.bare, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "GH006: Protected branch update failed for refs/heads/main." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const apply = appendLine(dir, 'A');
    let slept = 0;
    const error = await publish({
      git,
      branch: 'main',
      message: 'x',
      apply: apply.apply,
      sleep: async () => void slept++,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    const message = (error as Error).message;
    expect(message).toContain('GH006: Protected branch update failed');
    expect(message).toContain('permissions: contents: write');
    expect(message).toMatch(/branch protection/);
    expect(apply.calls()).toBe(1);
    expect(slept).toBe(0);
    expect(await remoteTips(remote)).toEqual([remote.seed]);
  });

  it('throws PublishError without retrying when the remote is unreachable, and redacts credentials', async () => {
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    const missing = join(tempDir(), 'missing.git');
    await git.run(['remote', 'set-url', 'origin', missing]);
    const apply = appendLine(dir, 'A');
    const error = await publish({ git, branch: 'main', message: 'x', apply: apply.apply, sleep: noSleep }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toContain('does not appear to be a git repository');
    expect(apply.calls()).toBe(1);
  });

  it('throws PublishError on a detached HEAD before applying anything', async () => {
    const remote = await makeRemote();
    const { git } = await remote.clone();
    await git.run(['checkout', '--quiet', '--detach']);
    let calls = 0;
    const error = await publish({ git, branch: 'main', message: 'x', apply: async () => (calls++, []) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toMatch(/detached HEAD.*needs a branch checkout/s);
    expect(calls).toBe(0);
  });

  it('throws PublishError when the checked-out branch is not the target branch', async () => {
    const remote = await makeRemote();
    const { git } = await remote.clone();
    await git.run(['checkout', '--quiet', '-b', 'other']);
    await expect(publish({ git, branch: 'main', message: 'x', apply: async () => [] })).rejects.toThrow(
      /checked-out branch is other/,
    );
  });

  it('refuses to reset away local commits that were never pushed', async () => {
    const remote = await makeRemote();
    const a = await remote.clone();
    const b = await remote.clone();
    writeFileSync(join(a.dir, 'local.txt'), 'local work\n');
    await a.git.add(['local.txt']);
    await a.git.commit('local work, not pushed');
    const localCommit = await a.git.headSha();
    await publish({ git: b.git, branch: 'main', message: 'run B', apply: appendLine(b.dir, 'B').apply });

    const error = await publish({
      git: a.git,
      branch: 'main',
      message: 'run A',
      apply: appendLine(a.dir, 'A').apply,
      sleep: noSleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toMatch(/not on origin\/main/);
    await expect(a.git.isAncestor(localCommit, 'HEAD')).resolves.toBe(true);
  });

  it('keeps uncommitted changes of earlier steps when it retries on a new tip, and leaves them out of its commit', async () => {
    const remote = await makeRemote();
    const a = await remote.clone();
    const b = await remote.clone();
    writeFileSync(join(a.dir, 'README.md'), '# edited by an earlier step\n');
    await publish({ git: b.git, branch: 'main', message: 'run B', apply: appendLine(b.dir, 'B').apply });

    const result = await publish({
      git: a.git,
      branch: 'main',
      message: 'run A',
      apply: appendLine(a.dir, 'A').apply,
      sleep: noSleep,
    });
    expect(result.attempts).toBe(2);
    expect(await remoteFile(remote, 'log.txt')).toBe('seed\nB\nA\n');
    expect(await remoteFile(remote, 'README.md')).toBe('# seed\n');
    expect(readFileSync(join(a.dir, 'README.md'), 'utf8')).toBe('# edited by an earlier step\n');
    await expectLinear(remote);
  });

  it('stops, changing nothing, when an uncommitted change is to a file the other run changed', async () => {
    const remote = await makeRemote();
    const a = await remote.clone();
    const b = await remote.clone();
    writeFileSync(join(a.dir, 'README.md'), '# edited by an earlier step\n');
    await publish({
      git: b.git,
      branch: 'main',
      message: 'run B',
      apply: async () => {
        writeFileSync(join(b.dir, 'README.md'), '# edited by run B\n');
        return ['README.md'];
      },
    });

    const error = await publish({
      git: a.git,
      branch: 'main',
      message: 'run A',
      apply: appendLine(a.dir, 'A').apply,
      sleep: noSleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toMatch(/uncommitted changes to files that the new origin\/main also changed/);
    expect(readFileSync(join(a.dir, 'README.md'), 'utf8')).toBe('# edited by an earlier step\n');
    expect(await remoteFile(remote, 'README.md')).toBe('# edited by run B\n');
    expect(await remoteFile(remote, 'log.txt')).toBe('seed\n');
  });

  it('works from a shallow clone', async () => {
    const remote = await makeRemote();
    const a = await remote.clone({ depth: 1 });
    const b = await remote.clone();
    expect(await a.git.isShallow()).toBe(true);
    await publish({ git: b.git, branch: 'main', message: 'run B', apply: appendLine(b.dir, 'B').apply });
    const result = await publish({
      git: a.git,
      branch: 'main',
      message: 'run A',
      apply: appendLine(a.dir, 'A').apply,
      sleep: noSleep,
    });
    expect(result.attempts).toBe(2);
    expect(await remoteFile(remote, 'log.txt')).toBe('seed\nB\nA\n');
    await expectLinear(remote);
  });
});

describe('backoffDelay', () => {
  it('is full jitter under an exponential cap', () => {
    const backoff = { baseMs: 500, maxMs: 8000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, backoff, () => 0.999999))).toEqual([
      499, 999, 1999, 3999, 7999, 7999,
    ]);
    expect(backoffDelay(3, backoff, () => 0)).toBe(0);
    for (let i = 0; i < 100; i++) {
      const ms = backoffDelay(2, backoff);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(1000);
    }
  });
});
