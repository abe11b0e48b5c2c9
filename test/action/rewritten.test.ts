import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lineHash } from '../../src/history/codec.js';
import { verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { makeKey } from '../support/keys.js';
import type { Remote } from '../support/git.js';
import { tempDir } from '../support/tmp.js';
import { remoteWithConfig, startActionServer } from './fixtures.js';

// While a nightly run is in flight, someone force-pushes the branch with its history cut back or
// emptied. The run's push is rejected; it must not record on top of the rewrite, which its commit
// would make look normal.

const HISTORY = '.trackrecord/history.jsonl';
const BRANCH = 'trackrecord-data';
const AUTHOR = ['-c', 'user.name=Rewriter', '-c', 'user.email=rewriter@example.com'];

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** `nights` runs of track mode, each from a fresh clone, on `branch` (null: the checked-out main). */
async function nights(remote: Remote, count: number, branch: string | null): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { dir } = await remote.clone();
    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env, inputs: inputs(branch) });
    expect(run.code, `${run.log}\n${run.failure}`).toBe(0);
  }
}

const inputs = (branch: string | null): Record<string, string> => (branch === null ? {} : { branch });

/** Force-pushes `branch` with the history replaced by `text` (its first lines, or nothing). */
async function rewrite(remote: Remote, branch: string, text: (history: string) => string): Promise<string> {
  const { dir, git } = await remote.clone();
  await git.run(['checkout', '--quiet', branch]);
  writeFileSync(join(dir, HISTORY), text(readFileSync(join(dir, HISTORY), 'utf8')));
  await git.run([...AUTHOR, 'commit', '--quiet', '--amend', '-a', '-m', 'rewrite']);
  await git.run(['push', '--quiet', '--force', 'origin', branch]);
  return git.headSha();
}

async function tipOf(remote: Remote, branch: string): Promise<string> {
  return (await remote.remoteGit.run(['rev-parse', branch])).stdout.trim();
}

async function remoteHistoryText(remote: Remote, branch: string): Promise<string> {
  return (await remote.remoteGit.run(['show', `${branch}:${HISTORY}`])).stdout;
}

describe('a branch rewritten while a track-mode run is in flight', () => {
  for (const [branch, name] of [
    [BRANCH, 'the data branch'],
    [null, 'the checked-out branch'],
  ] as const) {
    it(`refuses ${name} with its history cut back, pushes nothing and keeps the run's record`, async () => {
      server = await startActionServer();
      const remote = await remoteWithConfig(server.baseUrl);
      await nights(remote, 3, branch);
      const target = branch ?? 'main';
      const before = (await remoteHistoryText(remote, target)).trimEnd().split('\n');
      const head = lineHash(before[2]!);

      const { dir } = await remote.clone();
      const runnerTemp = tempDir();
      let rewritten = '';
      const run = await runAction(
        { workspace: dir, eventName: 'schedule', env: remote.env, inputs: inputs(branch), runnerTemp },
        async (group) => {
          if (group === 'Commit the track record')
            rewritten = await rewrite(remote, target, (h) => `${h.split('\n')[0]}\n`);
        },
      );
      expect(run.code, run.log).toBe(1);
      expect(await tipOf(remote, target)).toBe(rewritten);
      const saved = join(runnerTemp, 'trackrecord-unpublished', 'history.jsonl');
      expect(run.failure).toBe(
        `origin/${target} was rewritten while this run was in flight: its ${HISTORY} no longer holds line 3 ` +
          `(SHA-256 ${head.slice(0, 16)}...), which this run had verified and recorded onto (a force push?). ` +
          `Nothing was pushed.\n` +
          `  This run's 1 record, chained onto the history before the rewrite, is kept in ${saved}.\n` +
          `  Find out who rewrote origin/${target} and restore its history (the commit that held that line is in ` +
          `the reflog of any clone that fetched it) before the next run.`,
      );
      expect(run.log).toContain('push rejected');
      // The saved line chains onto the line that was cut away: the history as it was, plus this run.
      const kept = readFileSync(saved, 'utf8');
      expect(verifyHistory(`${before.join('\n')}\n${kept}`).ok).toBe(true);
    });
  }

  it('refuses a tip that dropped the line it recorded onto after an earlier lost race', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    await nights(remote, 3, null);
    const three = await tipOf(remote, 'main');
    const { dir } = await remote.clone();
    let four = '';
    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env }, async (group) => {
      if (group !== 'Commit the track record') return;
      // Another run lands line 4 first; this run's push is rejected and it records onto line 4.
      await nights(remote, 1, null);
      four = await tipOf(remote, 'main');
      // Then, as that second push arrives, someone resets main to before line 4 (once).
      const hook = join(remote.bare, 'hooks', 'pre-receive');
      writeFileSync(
        hook,
        `#!/bin/sh\nif [ ! -f "$GIT_DIR/rewrote" ]; then touch "$GIT_DIR/rewrote"\n` +
          `  env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git update-ref refs/heads/main ${three}\nfi\n`,
      );
      chmodSync(hook, 0o755);
    });
    expect(run.code, run.log).toBe(1);
    expect(run.log.match(/push rejected/g)).toHaveLength(2);
    const line4 = (await remote.remoteGit.run(['show', `${four}:${HISTORY}`])).stdout.trimEnd().split('\n')[3]!;
    expect(run.failure).toMatch(
      new RegExp(
        `^origin/main was rewritten while this run was in flight: its \\.trackrecord/history\\.jsonl no longer holds line 4 \\(SHA-256 ${lineHash(line4).slice(0, 16)}`,
      ),
    );
    expect(await tipOf(remote, 'main')).toBe(three);
  });

  it('keeps the records of a run whose push the remote refuses, and says where', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const hook = join(remote.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "pushes are closed tonight" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const { dir } = await remote.clone();
    const runnerTemp = tempDir();
    const run = await runAction({
      workspace: dir,
      eventName: 'schedule',
      env: remote.env,
      inputs: { branch: BRANCH },
      runnerTemp,
    });
    expect(run.code, run.log).toBe(1);
    const saved = join(runnerTemp, 'trackrecord-unpublished', 'history.jsonl');
    expect(run.failure).toMatch(/^pushing to origin\/trackrecord-data failed: .*pushes are closed tonight/s);
    expect(run.failure).toContain(
      `\n  This run's 1 record, chained onto the history as it last read it, is kept in ${saved}.`,
    );
    expect(verifyHistory(readFileSync(saved, 'utf8')).ok).toBe(true);
  });

  it('refuses, before any request, to sign on a history cut back below what its key signed', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const env = { ...remote.env, TRACKRECORD_SIGNING_KEY: makeKey().privatePem };
    for (let i = 0; i < 2; i++) {
      const { dir } = await remote.clone();
      const night = await runAction({ workspace: dir, eventName: 'schedule', env, inputs: { branch: BRANCH } });
      expect(night.code, `${night.log}\n${night.failure}`).toBe(0);
    }
    const cut = await rewrite(remote, BRANCH, (h) => `${h.split('\n')[0]}\n`);
    const requests = server.stats().requests;
    const { dir } = await remote.clone();
    const run = await runAction({ workspace: dir, eventName: 'schedule', env, inputs: { branch: BRANCH } });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(
      /^\.trackrecord\/history\.jsonl ends at line 1, but key [0-9a-f]{16} signed line 2 of it in \.trackrecord\/attestations\.jsonl: .* Nothing was requested or written\./,
    );
    expect(server.stats().requests).toBe(requests);
    expect(await tipOf(remote, BRANCH)).toBe(cut);
  });

  it('refuses a history emptied on the branch, and keeps a signed record with its envelope', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    await nights(remote, 2, BRANCH);
    const { dir } = await remote.clone();
    const runnerTemp = tempDir();
    const env = { ...remote.env, TRACKRECORD_SIGNING_KEY: makeKey().privatePem };
    let rewritten = '';
    const run = await runAction(
      { workspace: dir, eventName: 'schedule', env, inputs: { branch: BRANCH }, runnerTemp },
      async (group) => {
        if (group === 'Commit the track record') rewritten = await rewrite(remote, BRANCH, () => '');
      },
    );
    expect(run.code, run.log).toBe(1);
    expect(run.failure).toMatch(
      new RegExp(
        `^origin/${BRANCH} was rewritten while this run was in flight: its ${HISTORY.replace(/\./g, '\\.')} no longer holds line 2 `,
      ),
    );
    expect(await tipOf(remote, BRANCH)).toBe(rewritten);
    expect(await remoteHistoryText(remote, BRANCH)).toBe('');
    const kept = join(runnerTemp, 'trackrecord-unpublished');
    const envelopes = readFileSync(join(kept, 'attestations.jsonl'), 'utf8').trimEnd().split('\n');
    expect(envelopes).toHaveLength(1);
    const payload = (JSON.parse(envelopes[0]!) as { payload: string }).payload;
    const statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      subject: Array<{ name: string; digest: { sha256: string } }>;
    };
    const line = readFileSync(join(kept, 'history.jsonl'), 'utf8').trimEnd();
    expect(statement.subject).toEqual([{ name: 'history.jsonl:3', digest: { sha256: lineHash(line) } }]);
  });
});
