import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type Recording, type ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { makeRemote, type Remote } from '../support/git.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { pullRequestEvent } from './fixtures.js';

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

const KEY = 'sk-test-0123456789abcdef';
const WRONG = 'sk-wrong-9876543210fedcba';
const PROMPTS = ['Name a colour.', 'Name a fruit.', 'Name a tree.'];
const RECORDINGS: Recording[] = PROMPTS.map((prompt) => ({ model: 'm', prompt, output: 'this one' }));

/** A remote whose main branch holds a config for model `m` on `baseUrl`, its key in TEST_KEY. */
async function remoteWithKeyedModel(baseUrl: string): Promise<Remote> {
  const remote = await makeRemote();
  const { dir, git } = await remote.clone();
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(
    join(dir, '.github/trackrecord.yml'),
    `models:\n  - id: m\n    model: m\n    base-url: ${baseUrl}\n    api-key-env: TEST_KEY\n` +
      `suites:\n  - path: s.yaml\nsamples: 2\nretries: 0\n`,
  );
  writeFileSync(
    join(dir, 's.yaml'),
    `name: s\nprompts:\n${PROMPTS.map((p, i) => `  - id: p${i}\n    prompt: "${p}"\n    expect:\n      - contains: this\n`).join('')}`,
  );
  await git.run(['add', '.']);
  await git.run([
    '-c',
    'user.name=Dev',
    '-c',
    'user.email=dev@example.com',
    'commit',
    '--quiet',
    '-m',
    'add trackrecord',
  ]);
  await git.run(['push', '--quiet', 'origin', 'HEAD:main']);
  return remote;
}

describe('the action when the server refuses the key', () => {
  it('fails the job with the server message and the variable, records the outage, and the badge is not a percentage', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, apiKey: KEY });
    const remote = await remoteWithKeyedModel(server.baseUrl);
    const good = await runAction({
      workspace: (await remote.clone()).dir,
      eventName: 'schedule',
      env: { ...remote.env, TEST_KEY: KEY },
    });
    expect(good.code, `${good.log}\n${good.failure}`).toBe(0);
    expect(good.outputs.reliability).toBe('1');

    const dead = await runAction({
      workspace: (await remote.clone()).dir,
      eventName: 'schedule',
      env: { ...remote.env, TEST_KEY: WRONG },
    });
    expect(server.stats().byStatus['401']).toBe(6);
    expect(dead.code).toBe(1);
    expect(dead.failure).toContain(
      'm: the server refused the API key (6 requests): HTTP 401: Incorrect API key provided.',
    );
    expect(dead.failure).toContain('Check TEST_KEY');
    expect(dead.outputs.reliability).toBe('unavailable');
    expect(dead.secrets).toContain(WRONG);
    for (const text of [dead.failure!, dead.log, dead.summary]) expect(text).not.toContain(WRONG);

    // The outage is on the record, committed with a badge that shows no score.
    const show = async (path: string) => (await remote.remoteGit.run(['show', `main:${path}`])).stdout;
    const badge = await show('.trackrecord/badge.svg');
    expect(badge).toContain('>unavailable<');
    expect(badge).not.toMatch(/\d%</);
    expect(JSON.parse(await show('.trackrecord/badge.json'))).toMatchObject({ message: 'unavailable' });
    expect(dead.summary).toMatch(/Unavailable: none of 6 requests answered \(6 auth: HTTP 401/);
  });

  it('fails a pull request check too, and its comment shows no score for the head', async () => {
    server = await startReplayServer({ recordings: RECORDINGS, apiKey: KEY });
    api = await startGitHubApi({ token: 'test-token' });
    const remote = await remoteWithKeyedModel(server.baseUrl);
    const run = await runAction({
      workspace: (await remote.clone()).dir,
      eventName: 'pull_request',
      event: pullRequestEvent(),
      env: { ...remote.env, GITHUB_API_URL: api.url, TEST_KEY: WRONG },
    });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(
      /m: the server refused the API key \(6 requests\): HTTP 401: Incorrect API key provided\./,
    );
    expect(run.failure).toContain('Check TEST_KEY');
    expect(run.outputs.reliability).toBe('unavailable');
    const [comment] = api.comments('acme', 'widgets', 7);
    expect(comment!.body).toMatch(/\| \*\*m\*\* \| unavailable \|/);
    expect(comment!.body).not.toContain(WRONG);
  });
});
