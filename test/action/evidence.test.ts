import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signerFromEnv } from '../../src/evidence/keys.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { runCli } from '../support/cli.js';
import { commitFiles, remoteHistory } from '../support/git.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { pullRequestEvent, remoteWithConfig, startActionServer, TRACK_COMMIT_FILES } from './fixtures.js';

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('the action with a signing key (track mode)', () => {
  it('commits the envelopes with the records, re-signed after a lost push race, writes the run statement, and a pull request comment names the key', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const key = makeKey();
    const env = { ...remote.env, TRACKRECORD_SIGNING_KEY: key.privatePem };
    const workspaces = await Promise.all([remote.clone(), remote.clone()]);
    const runs = await Promise.all(
      workspaces.map(({ dir }) => runAction({ workspace: dir, eventName: 'schedule', env })),
    );
    for (const run of runs) expect(run.code, run.log + run.failure).toBe(0);
    // The key is registered with the runner for masking, and shows up nowhere else.
    const secretLine = key.privatePem.split('\n')[1]!;
    for (const run of runs) {
      const { secrets, ...told } = run;
      expect(secrets).toContain(secretLine);
      expect(JSON.stringify(told)).not.toContain(secretLine);
    }

    const commits = await remoteHistory(remote);
    expect(await commitFiles(remote, commits.at(-2)!.sha)).toEqual(
      ['.trackrecord/attestations.jsonl', ...TRACK_COMMIT_FILES].sort(),
    );
    expect(await commitFiles(remote, commits.at(-1)!.sha)).toEqual(
      expect.arrayContaining(['.trackrecord/attestations.jsonl', '.trackrecord/history.jsonl']),
    );
    const { dir } = await remote.clone();
    writePublicKey(dir, key);
    const verified = await runCli(['verify', '--key', 'public.pem'], dir);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(
      /^ok \.trackrecord\/history\.jsonl: 2 records, chain intact, every record signed by key /,
    );
    expect(readFileSync(join(dir, '.trackrecord/report.md'), 'utf8')).toMatch(/Signed: .*key `[0-9a-f]{16}`/);

    // Each run's statement names the history file as that run left it and the line it appended.
    for (const [i, run] of runs.entries()) {
      const statement = JSON.parse(readFileSync(run.outputs['statement']!, 'utf8')) as {
        _type: string;
        subject: Array<{ name: string; digest: { sha256: string } }>;
        predicateType: string;
        predicate: { records: Array<{ history: { line: number } }> };
      };
      expect(statement._type).toBe('https://in-toto.io/Statement/v1');
      expect(statement.predicateType).toBe('https://trackrecord.dev/attestation/run/v1');
      const history = readFileSync(join(workspaces[i]!.dir, '.trackrecord/history.jsonl'));
      expect(statement.subject[0]).toEqual({ name: 'history.jsonl', digest: { sha256: sha256(history) } });
      const lines = history.toString('utf8').trimEnd().split('\n');
      const line = statement.predicate.records[0]!.history.line;
      expect(statement.subject[1]).toEqual({
        name: `history.jsonl:${line}`,
        digest: { sha256: sha256(lines[line - 1]!) },
      });
      expect(JSON.parse(readFileSync(run.outputs['predicate']!, 'utf8'))).toEqual(statement.predicate);
    }

    // A pull request's comment says the base's records are signed, and by which key.
    api = await startGitHubApi({ token: 'test-token' });
    const check = await runAction({
      workspace: (await remote.clone()).dir,
      eventName: 'pull_request',
      event: pullRequestEvent(),
      env: { ...remote.env, GITHUB_API_URL: api.url },
    });
    expect(check.code, check.log + check.failure).toBe(0);
    const keyid = signerFromEnv(env)!.keyid.slice(0, 16);
    expect(api.comments('acme', 'widgets', 7).map((c) => c.body)).toEqual([
      expect.stringContaining(
        `\nSigned: 2 records carry a DSSE envelope in \`attestations.jsonl\`, key \`${keyid}\`; \`trackrecord verify --key PUBLIC.pem\` checks them.\n`,
      ),
    ]);
  });
});

describe('an unsigned night on a signed history', () => {
  it('commits the attestations a seal moved, so the next signed night still appends', async () => {
    server = await startActionServer();
    // Small enough that the second night seals the first into history-0001.jsonl.
    const remote = await remoteWithConfig(server.baseUrl, 'history-max-mb: 0.01\n');
    const key = makeKey();
    const signed = { ...remote.env, TRACKRECORD_SIGNING_KEY: key.privatePem };
    const night = async (env: NodeJS.ProcessEnv) => {
      const run = await runAction({ workspace: (await remote.clone()).dir, eventName: 'schedule', env });
      expect(run.code, run.log + run.failure).toBe(0);
    };
    await night(signed);
    await night(remote.env); // the key's secret missing for a night
    const commits = await remoteHistory(remote);
    expect(await commitFiles(remote, commits.at(-1)!.sha)).toEqual(
      // The open attestations file moved with the sealed history (git shows it as a rename).
      expect.arrayContaining([
        '.trackrecord/attestations-0001.jsonl',
        '.trackrecord/history-0001.jsonl',
        '.trackrecord/history.jsonl',
      ]),
    );
    await night(signed);
  }, 90_000);
});
