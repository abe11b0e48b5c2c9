import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../../tools/replay/index.js';
import { runAction } from '../../support/action.js';
import { pullRequestEvent, remoteWithConfig, startActionServer } from '../fixtures.js';

// pull_request_target runs with the repository's secrets; a workflow that checks out the fork's
// head must not let the fork's config choose where requests go or which key they carry.

let servers: ReplayServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

// Both set: a renamed key variable is a secret the repository has too, not a missing key.
const KEY = { TRACKRECORD_TEST_KEY: 'sk-secret-of-the-repository', OTHER_SECRET: 'sk-another-secret' };

/** The base on main (its config sends the key to `server`), and a fork's head checked out on top of it. */
async function forkCheckout(
  edit: (config: string, evilUrl: string) => string,
  options: { inputs?: Record<string, string>; event?: unknown } = {},
) {
  const [server, evil] = [await startActionServer(), await startActionServer()];
  servers.push(server, evil);
  const remote = await remoteWithConfig(server.baseUrl, '', '    api-key-env: TRACKRECORD_TEST_KEY\n');
  const { dir, git } = await remote.clone();
  const base = await git.headSha();
  const path = join(dir, '.github/trackrecord.yml');
  writeFileSync(path, edit(readFileSync(path, 'utf8'), evil.baseUrl));
  await git.run([
    '-c',
    'user.name=Fork',
    '-c',
    'user.email=fork@example.com',
    'commit',
    '--quiet',
    '-am',
    'fork change',
  ]);
  const event = pullRequestEvent(true);
  event.pull_request.base.sha = base;
  event.pull_request.head.sha = await git.headSha();
  const run = await runAction({
    workspace: dir,
    eventName: 'pull_request_target',
    event: options.event ?? event,
    env: { ...remote.env, ...KEY },
    inputs: { comment: 'false', ...options.inputs },
  });
  return { run, server, evil };
}

describe('check mode on a fork pull request with pull_request_target', () => {
  it('runs a fork change that keeps every endpoint', async () => {
    const { run, server } = await forkCheckout((c) => c.replace('temperature: 0.1', 'temperature: 0.2'));
    expect(run.code, run.failure ?? run.log).toBe(0);
    expect(server.stats().requests).toBeGreaterThan(0);
  });

  it('refuses a changed base-url before any request', async () => {
    const { run, server, evil } = await forkCheckout((c, evilUrl) => c.replace(/base-url: .*/, `base-url: ${evilUrl}`));
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(/comes from a fork \(someone\/widgets\) and changes where requests go/);
    expect(run.failure).toMatch(/gpt-4: base-url changed/);
    expect(server.stats().requests + evil.stats().requests).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: expect.stringMatching(/trackrecord\.yml$/), startLine: 2 }),
    );
  });

  it('refuses a key sent under another name, or a new model on another host', async () => {
    const renamed = await forkCheckout((c) =>
      c.replace('api-key-env: TRACKRECORD_TEST_KEY', 'api-key-env: OTHER_SECRET'),
    );
    expect(renamed.run.code).toBe(1);
    expect(renamed.run.failure).toMatch(/gpt-4: api-key-env changed \(base-url .*, key OTHER_SECRET\)/);
    const added = await forkCheckout((c, evilUrl) =>
      c.replace(
        'suites:',
        `  - id: extra\n    model: gpt-4\n    base-url: ${evilUrl}\n    api-key-env: TRACKRECORD_TEST_KEY\nsuites:`,
      ),
    );
    expect(added.run.code).toBe(1);
    expect(added.run.failure).toMatch(/extra: a new model with base-url/);
    for (const s of servers) expect(s.stats().requests).toBe(0);
  });

  it("refuses a changed base-url in a shard job of the fork's head too", async () => {
    const { run } = await forkCheckout((c, evilUrl) => c.replace(/base-url: .*/, `base-url: ${evilUrl}`), {
      inputs: { mode: 'track', shard: '1/2' },
    });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(/gpt-4: base-url changed/);
    for (const s of servers) expect(s.stats().requests).toBe(0);
  });

  it('refuses a pull_request_target payload that does not say whether the head is a fork', async () => {
    const { run } = await forkCheckout((c) => c.replace('temperature: 0.1', 'temperature: 0.2'), {
      event: { action: 'synchronize' },
    });
    expect(run.code).toBe(1);
    expect(run.failure).toMatch(
      /^the pull_request_target event does not say which pull request this is \(.+\), so whether its head is a fork/,
    );
    for (const s of servers) expect(s.stats().requests).toBe(0);
  });
});
