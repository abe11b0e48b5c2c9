import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/history/record.js';
import { verifyHistory } from '../../src/history/verify.js';
import { readPartial, type PartialFile } from '../../src/partial/index.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { runCli } from '../support/cli.js';
import { commitFiles, remoteHistory, type Remote } from '../support/git.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { remoteWithConfig, startActionServer, TRACK_COMMIT_FILES } from './fixtures.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** One job of workflow run 4242's matrix, in its own fresh checkout. */
async function job(remote: Remote, inputs: Record<string, string>, eventName = 'schedule') {
  const { dir } = await remote.clone();
  const run = await runAction({
    workspace: dir,
    eventName,
    inputs,
    env: { ...remote.env, GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' },
  });
  return { dir, run };
}

/** What actions/download-artifact leaves in the merge job's checkout: one folder per artifact. */
function download(partials: string[], into: string): void {
  for (const [i, file] of partials.entries()) {
    const folder = join(into, 'partials', `trackrecord-partial-${i + 1}`);
    mkdirSync(folder, { recursive: true });
    copyFileSync(file, join(folder, basename(file)));
  }
}

describe('the action, sharded over a matrix', () => {
  it('writes one partial per shard job without committing, then the merge job commits one record per model, signed', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const start = await remoteHistory(remote);

    const shards = await Promise.all(['1/2', '2/2'].map((shard) => job(remote, { shard })));
    const partials: string[] = [];
    for (const [i, { dir, run }] of shards.entries()) {
      expect(run.code, run.log + run.failure).toBe(0);
      expect(basename(run.outputs['partial']!)).toBe(`trackrecord-partial-${i + 1}-of-2.json`);
      expect(run.outputs['reliability']).toBeUndefined();
      const partial = await readPartial(run.outputs['partial']!);
      expect(partial).toMatchObject({ run: { id: '4242-1', trigger: 'schedule' }, shard: { index: i + 1, count: 2 } });
      expect(run.summary).toMatch(
        new RegExp(`^### trackrecord shard ${i + 1}/2\\n\\nRan \\d+ of 101 prompts on 1 model for run 4242-1`),
      );
      expect(existsSync(join(dir, '.trackrecord'))).toBe(false);
      partials.push(run.outputs['partial']!);
    }
    // The shard jobs pushed nothing.
    expect(await remoteHistory(remote)).toEqual(start);
    const sizes = await Promise.all(partials.map(async (p) => (await readPartial(p)).models[0]!.observations.length));
    expect(sizes[0]! + sizes[1]!).toBe(101);

    const { dir: mergeDir } = await remote.clone();
    download(partials, mergeDir);
    // The merge job appends the records, so it is the one that signs them.
    const key = makeKey();
    const merge = await runAction({
      workspace: mergeDir,
      eventName: 'schedule',
      inputs: { merge: 'partials/**/*.json\n' },
      env: { ...remote.env, GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', TRACKRECORD_SIGNING_KEY: key.privatePem },
    });
    expect(merge.code, merge.log + merge.failure).toBe(0);
    expect(merge.log).toContain(
      'merging 2 shards of run 4242-1: partials/trackrecord-partial-1/trackrecord-partial-1-of-2.json, partials/trackrecord-partial-2/trackrecord-partial-2-of-2.json',
    );

    const commits = await remoteHistory(remote);
    expect(commits).toHaveLength(start.length + 1);
    expect(commits.at(-1)!.subject).toBe('trackrecord: record run 4242-1');
    // The downloaded partials stay out of the commit.
    expect(await commitFiles(remote, commits.at(-1)!.sha)).toEqual(
      ['.trackrecord/attestations.jsonl', ...TRACK_COMMIT_FILES].sort(),
    );
    const { dir: checkout } = await remote.clone();
    writePublicKey(checkout, key);
    expect((await runCli(['verify', '--key', 'public.pem'], checkout)).stdout).toMatch(
      /^ok \.trackrecord\/history\.jsonl: 1 record, chain intact, every record signed by key [0-9a-f]{16}\n$/,
    );
    const verified = verifyHistory((await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout);
    expect(verified.ok).toBe(true);
    const records = verified.records as HistoryRecord[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      run: { id: '4242-1', trigger: 'schedule' },
      model: { id: 'gpt-4' },
      metrics: { prompts: 101 },
    });
    expect(records[0]!.answers).toHaveLength(101);
    expect(records[0]!.outputs.every((o) => o !== null)).toBe(true);
    expect(merge.outputs).toMatchObject({
      reliability: String(records[0]!.metrics.reliability),
      drifted: '0',
      history: '.trackrecord/history.jsonl',
      statement: expect.stringMatching(/trackrecord-statement\.json$/),
    });
    expect(merge.summary.trimEnd()).toBe(readFileSync(join(mergeDir, '.trackrecord/report.md'), 'utf8').trimEnd());
  });

  it('writes the partial where partial-path says', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { dir, run } = await job(remote, { shard: '3/3', 'partial-path': 'out/shard-3.json' });
    expect(run.code, run.log + run.failure).toBe(0);
    expect(run.outputs['partial']).toBe(join(dir, 'out/shard-3.json'));
    expect((await readPartial(run.outputs['partial']!)).shard).toEqual({ index: 3, count: 3 });
  });

  it('judges an edited partial file again in the merge job, with a warning annotation', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const shards = await Promise.all(['1/2', '2/2'].map((shard) => job(remote, { shard })));
    const partials = shards.map(({ run }) => run.outputs['partial']!);
    const honest = await Promise.all(partials.map((p) => readPartial(p)));
    const passed = (files: PartialFile[]) =>
      files.flatMap((f) => f.models[0]!.observations.flatMap((o) => o.samples.map((s) => s.pass)));
    expect(passed(honest)).toContain(false);
    const honestPassed = passed(honest).filter((p) => p === true).length;
    // Every failing sample of shard 1 edited to pass.
    const edited = honest[0]!;
    for (const o of edited.models[0]!.observations) for (const s of o.samples) if (s.pass === false) s.pass = true;
    writeFileSync(partials[0]!, `${JSON.stringify(edited)}\n`);

    const { dir } = await remote.clone();
    download(partials, dir);
    const merge = await runAction({
      workspace: dir,
      eventName: 'schedule',
      inputs: { merge: 'partials/**/*.json' },
      env: { ...remote.env, GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' },
    });
    expect(merge.code, merge.log + merge.failure).toBe(0);
    const warning = merge.annotations.find((a) => a.level === 'warning')!;
    expect(warning.message).toMatch(
      /^partials\/trackrecord-partial-1\/trackrecord-partial-1-of-2\.json: the stored answer or verdict of \d+ samples? is not what the output gives/,
    );
    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    const [record] = verifyHistory(history).records as HistoryRecord[];
    // What the honest shards say: the edit did not count.
    expect(record!.metrics.passed).toBe(honestPassed);
  });

  it('fails the merge job, committing nothing, when a shard is missing', async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const start = await remoteHistory(remote);
    const first = await job(remote, { shard: '1/2' });
    expect(first.run.code).toBe(0);
    const { dir } = await remote.clone();
    download([first.run.outputs['partial']!], dir);
    const merge = await runAction({
      workspace: dir,
      eventName: 'schedule',
      inputs: { merge: 'partials/**/*.json' },
      env: remote.env,
    });
    expect(merge.code).toBe(1);
    const missing = 'missing shard 2/2 (have 1/2): every shard must finish before the merge';
    expect(merge.failure?.slice(0, missing.length)).toBe(missing);
    expect(await remoteHistory(remote)).toEqual(start);

    const nothing = await runAction({
      workspace: dir,
      eventName: 'schedule',
      inputs: { merge: 'artifacts/*.json' },
      env: remote.env,
    });
    expect(nothing.code).toBe(1);
    const none = 'no partial file matches "artifacts/*.json"';
    expect(nothing.failure?.slice(0, none.length)).toBe(none);
  });

  it.each([
    [
      { shard: '0/2' },
      'schedule',
      'input "shard": shard "0/2": the shard number must be between 1 and 2 (shards count from 1)',
    ],
    [{ shard: '1/2', merge: 'p/*.json' }, 'schedule', 'inputs "shard" and "merge" belong to different jobs'],
    [
      { 'partial-path': 'p.json' },
      'schedule',
      `input "partial-path" is where a shard's partial file goes: set "shard" too`,
    ],
    [{ shard: '1/2' }, 'pull_request', 'input "shard" works in track mode only (this run is in check mode)'],
  ])('refuses inputs %j on %s before any request', async (inputs, eventName, message) => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl);
    const { run } = await job(remote, inputs, eventName);
    expect(run.code).toBe(1);
    expect(run.failure?.slice(0, message.length)).toBe(message);
    expect(server.stats().requests).toBe(0);
  });
});
