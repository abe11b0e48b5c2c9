import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { CAPITAL, EDITS_RECORDINGS, EDITS_SUITE, editsConfig, P7, P7_REWORDED } from '../support/edits.js';
import { makeRemote } from '../support/git.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A checkout whose main has the suite and config committed and one recorded run in the history. */
async function checkout() {
  server = await startReplayServer({ recordings: EDITS_RECORDINGS });
  const remote = await makeRemote();
  const { dir, git } = await remote.clone();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('prompts/s.yaml', EDITS_SUITE);
  write('.github/trackrecord.yml', editsConfig(server.baseUrl, 1));
  await git.run(['add', '.']);
  await git.run(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m', 'suite']);
  const first = await runCli(['run', '--quiet'], dir, remote.env);
  expect(first.code, first.stderr).toBe(0);
  return { dir, env: remote.env, write, server };
}

describe('trackrecord run --compare-with REF', () => {
  it("runs REF's version of an edited prompt too and prints what the edit did", async () => {
    const { dir, env, write, server } = await checkout();
    const added = `  - id: capital-again\n    prompt: "${CAPITAL}"\n    expect:\n      - contains: Paris\n`;
    write('prompts/s.yaml', readFileSync(join(dir, 'prompts/s.yaml'), 'utf8').replace(P7, P7_REWORDED) + added);
    const before = server.stats().requests;
    const result = await runCli(['run', '--quiet', '--compare-with', 'main'], dir, env);
    // Four prompts, and main's version of the edited one (the new one has none).
    expect(server.stats().requests - before).toBe(5);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(
      [
        'compared with main:',
        '  base versions run: 1 (1 extra request); edits of reading or checks judged on the same outputs',
        '  s/p7 edited:',
        '    prompt:',
        `      before: ${JSON.stringify(P7)}`,
        `      after:  ${JSON.stringify(P7_REWORDED)}`,
        '    on m: "yes" -> "no" (changed), pass -> fail: REGRESSION of this change',
        '  new: s/capital-again on m: pass',
      ].join('\n'),
    );
    expect(result.stderr).toContain(
      "threshold: m: 1 prompt went from pass to fail because of this change's edits (the base version passes in the same run): s/p7",
    );
    // The run's own lines are the action's: the edit's regression counted, the edited and the new
    // prompt not reported as new series of the model (the comparison above covers them).
    const summary = result.stdout.slice(0, result.stdout.indexOf('compared with main:'));
    expect(summary).toMatch(/^ {4}1 regression, 0 fixes$/m);
    expect(summary).not.toContain('new series');

    const json = await runCli(['run', '--quiet', '--json', '--no-history', '--compare-with', 'main'], dir, env);
    const edits = (JSON.parse(json.stdout) as { edits: Record<string, unknown> }).edits;
    const models = (JSON.parse(json.stdout) as { models: Array<{ regressions: string[]; newSeries?: string[] }> })
      .models;
    expect(models[0]!.regressions).toEqual(['s/p7']);
    expect(edits).toMatchObject({
      baseRef: 'main',
      extraRequests: 1,
      prompts: [{ key: 's/p7', changes: [{ field: 'prompt', before: P7, after: P7_REWORDED }] }],
      effects: [{ modelId: 'm', key: 's/p7', before: { answer: 'yes' }, after: { answer: 'no' }, regression: true }],
    });
  });

  it('says when nothing differs, and stops on a ref that names no commit before any request', async () => {
    const { dir, env, server } = await checkout();
    const same = await runCli(['run', '--quiet', '--no-history', '--compare-with', 'main'], dir, env);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('compared with main:\n  no prompt, check or model setting differs');
    const before = server.stats().requests;
    const bad = await runCli(['run', '--compare-with', 'no-such-branch'], dir, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--compare-with: "no-such-branch" names no commit of the repository here');
    expect(server.stats().requests).toBe(before);
  });

  it('lists every prompt and model as new against a commit from before the config, running nothing twice', async () => {
    server = await startReplayServer({ recordings: EDITS_RECORDINGS });
    const remote = await makeRemote();
    const { dir, git } = await remote.clone();
    writeFileSync(join(dir, 'README.md'), '# widgets\n');
    await git.run(['add', '.']);
    await git.run(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '--quiet', '-m', 'start']);
    mkdirSync(join(dir, 'prompts'), { recursive: true });
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(join(dir, 'prompts/s.yaml'), EDITS_SUITE);
    writeFileSync(join(dir, '.github/trackrecord.yml'), editsConfig(server.baseUrl, 1));
    const result = await runCli(['run', '--quiet', '--no-history', '--compare-with', 'HEAD'], dir, remote.env);
    expect(result.code, result.stderr).toBe(0);
    expect(server.stats().requests).toBe(3);
    expect(result.stdout).toContain(
      [
        'compared with HEAD:',
        '  base versions run: 0 (0 extra requests); edits of reading or checks judged on the same outputs',
        '  new: s/capital on m: pass',
        '  new: s/p7 on m: pass',
        '  new: s/add on m: pass',
        '  new model: m',
      ].join('\n'),
    );
  });
});
