import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../../tools/replay/index.js';
import { runAction } from '../../support/action.js';
import { runCli } from '../../support/cli.js';
import { makeRemote } from '../../support/git.js';
import { startGitHubApi, type GitHubApi } from '../../support/github-api.js';
import { pullRequestEvent } from '../fixtures.js';
import { SAMPLED_NIGHTS, SAMPLED_SUITE, sampledConfig, sampledRecordings } from '../../support/sampled.js';

let server: ReplayServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

const COMMIT = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m'];

describe('check mode on a sampled model', () => {
  it('shows a flip within noise as noise and passes; fails with annotations once the model changes', async () => {
    server = await startReplayServer({ recordings: sampledRecordings(), aliases: { m: 'steady' } });
    api = await startGitHubApi({ token: 'test-token' });
    // Main: the config and SAMPLED_NIGHTS + 1 nights of history of the unchanged model.
    const remote = await makeRemote();
    const main = await remote.clone();
    mkdirSync(join(main.dir, '.github'));
    mkdirSync(join(main.dir, 'prompts'));
    writeFileSync(join(main.dir, '.github/trackrecord.yml'), sampledConfig(server.baseUrl));
    writeFileSync(join(main.dir, 'prompts/colors.yaml'), SAMPLED_SUITE);
    for (let night = 0; night <= SAMPLED_NIGHTS; night++) {
      const run = await runCli(['run', '--quiet'], main.dir);
      expect(run.code, run.stderr).toBe(0);
    }
    await main.git.run(['add', '.']);
    await main.git.run([...COMMIT, 'trackrecord with its history']);
    await main.git.run(['push', '--quiet', 'origin', 'HEAD:main']);

    const pr = await remote.clone();
    writeFileSync(join(pr.dir, 'README.md'), '# widgets\n');
    await pr.git.run(['add', '.']);
    await pr.git.run([...COMMIT, 'docs']);
    const check = () =>
      runAction({
        workspace: pr.dir,
        eventName: 'pull_request',
        event: pullRequestEvent(),
        env: { ...remote.env, GITHUB_API_URL: api!.url },
      });
    const regressionWarnings = (r: Awaited<ReturnType<typeof check>>) =>
      r.annotations.filter((a) => a.level === 'warning' && a.title === 'trackrecord regression');

    // Tonight q0 gives red 2 times of 5 after 3 of 5 last night: pass -> fail, within its noise.
    const quiet = await check();
    expect(quiet.code, quiet.failure ?? quiet.log).toBe(0);
    expect(regressionWarnings(quiet)).toEqual([]);
    const body = api.comments('acme', 'widgets', 7).at(-1)!.body;
    const row = body.split('\n').find((line) => line.startsWith('| **m** |'))!;
    // Drift beyond noise: none; regressions beyond noise: 0, the raw ones counted apart.
    expect(row).toMatch(/\| none \(\d+ within noise\) \| 0 \(\d+ within noise\) \| 0 \|$/);
    expect(body).toMatch(/regressions? \(pass → fail\) within noise: .*colors\/q0/);
    expect(quiet.summary).toMatch(/regressions? \(pass → fail\) within noise: .*colors\/q0/);
    expect(quiet.summary).not.toContain('beyond noise: ');
    expect(quiet.outputs['regressions']).toBe('0');

    // The provider changes the model: the same check fails, and says where.
    server.setAliases({ m: 'shifted' });
    const changed = await check();
    expect(changed.code).toBe(1);
    expect(changed.failure).toMatch(/^thresholds failed:\nm: \d+ prompts? went from pass to fail/);
    const failing = /m: (\d+) prompts? went from pass to fail/.exec(changed.failure ?? '')!;
    // One warning per prompt that failed the threshold, on the suite that holds it.
    const warnings = regressionWarnings(changed);
    expect(warnings).toHaveLength(Number(failing[1]));
    for (const w of warnings)
      expect(w).toMatchObject({ file: 'prompts/colors.yaml', message: /went from pass to fail on m$/ });
    const after = api.comments('acme', 'widgets', 7);
    expect(after).toHaveLength(1);
    expect(after[0]!.body).toMatch(/\| \*\*changed\*\* \(p [<=] 0\.0\d+\), \d+ named \| [1-9]/);
    expect(changed.summary).toMatch(/\*\*\d+ regressions?\*\* \(pass → fail\) beyond noise: /);
    expect(changed.outputs['regressions']).toBe(failing[1]);
  }, 90_000);
});
