/**
 * `npm run demo`: the action on real recorded data, with no API key and no network.
 *
 * A local OpenAI-compatible server replays GPT-4's answers to 100 "is N prime?" questions,
 * recorded in March and June 2023 for the LLMDrift study. The model name `gpt-4` points at the
 * March snapshot for a month of nights and at the June snapshot on the last, the way a provider
 * moves an alias. The first 23 nights are recorded with the CLI (the same engine, in a second);
 * then the bundled action (dist/index.js) runs as a runner would start it: two nightly runs that
 * commit to a git remote in a temp folder, then a pull request check. With one sample a night, a
 * month of steady answers is what lets the drift test name each prompt that changed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../src/cli/main.js';
import { verifyHistory } from '../src/history/verify.js';
import { loadLlmdriftRecordings, startReplayServer } from '../tools/replay/index.js';
import { runBundledAction, type ActionRun } from './lib/runner.js';

const repo = resolve(import.meta.dirname, '..');
const root = mkdtempSync(join(tmpdir(), 'trackrecord-demo-'));
const remote = join(root, 'remote.git');
const workspace = join(root, 'workspace');
const runnerTemp = join(root, 'runner');
mkdirSync(runnerTemp);

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
const author = ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com'];

/** Nights recorded with the CLI before the action's two (March, then June). */
const CLI_NIGHTS = 23;

const recordings = await loadLlmdriftRecordings(join(repo, 'data/llmdrift/prime-100.jsonl'));
const server = await startReplayServer({ recordings, aliases: { 'gpt-4': 'gpt-4-0314' }, latencyMs: 20 });

try {
  // A repository that tracks `gpt-4` on the LLMDrift prime questions.
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(root, 'init', '-q', '-b', 'main', workspace);
  git(workspace, 'remote', 'add', 'origin', remote);
  mkdirSync(join(workspace, '.github'));
  mkdirSync(join(workspace, 'prompts'));
  copyFileSync(join(repo, 'examples/llmdrift/prime.yaml'), join(workspace, 'prompts/prime.yaml'));
  writeFileSync(
    join(workspace, '.github/trackrecord.yml'),
    `models:\n  - id: gpt-4\n    model: gpt-4\n    base-url: ${server.baseUrl}\n    temperature: 0.1\n` +
      `suites:\n  - path: prompts/prime.yaml\nconcurrency: 8\n`,
  );
  git(workspace, 'add', '.');
  git(workspace, ...author, 'commit', '-q', '-m', 'Track gpt-4 with trackrecord');

  console.log(`\n== nightly runs 1-${CLI_NIGHTS}: the provider serves gpt-4-0314 (recorded with the CLI)`);
  // Replayed nights are stamped a day apart, at 03:00 UTC, ending two days before today's action
  // runs: the report's chart then reads as the month it stands for.
  const today = new Date();
  today.setUTCHours(3, 0, 0, 0);
  for (let night = 1; night <= CLI_NIGHTS; night++) {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: String(night), GITHUB_EVENT_NAME: 'schedule' };
    const stamp = today.getTime() - (CLI_NIGHTS + 2 - night) * 86_400_000;
    const began = Date.now();
    const code = await cli(['run', '--quiet'], {
      cwd: workspace,
      env,
      clock: () => new Date(stamp + (Date.now() - began)),
      stdout: { write: () => true },
      stderr: process.stderr,
    });
    if (code !== 0) throw new Error(`trackrecord run failed on night ${night} (exit ${code})`);
  }
  git(workspace, 'add', '.');
  git(workspace, ...author, 'commit', '-q', '-m', `trackrecord: ${CLI_NIGHTS} nightly runs`);
  git(workspace, 'push', '-q', 'origin', 'HEAD:main');

  // No GitHub here: the check writes its comment's body to a file instead of posting it.
  const action = (eventName: string, event: unknown, runId: number) =>
    runBundledAction({
      workspace,
      eventName,
      event,
      runnerTemp,
      inputs: { comment: 'false' },
      env: { GITHUB_RUN_ID: String(runId), GITHUB_REPOSITORY: 'demo/widgets' },
    });

  for (const [night, snapshot] of [
    [CLI_NIGHTS + 1, 'gpt-4-0314'],
    [CLI_NIGHTS + 2, 'gpt-4-0613'],
  ] as const) {
    server.setAliases({ 'gpt-4': snapshot });
    console.log(`\n== nightly run ${night}: the provider serves ${snapshot} as "gpt-4"`);
    show(await action('schedule', {}, night));
  }

  console.log('\n== pull request #1: the check compares a run with the history on main');
  const pr = { full_name: 'demo/widgets', fork: false };
  show(
    await action(
      'pull_request',
      {
        number: 1,
        pull_request: {
          number: 1,
          base: { ref: 'main', sha: 'a'.repeat(40), repo: pr },
          head: { ref: 'feature', sha: 'b'.repeat(40), repo: pr },
        },
      },
      CLI_NIGHTS + 3,
    ),
  );

  // The page to publish on GitHub Pages, from the history alone.
  const page = join(root, 'report.html');
  let html = '';
  const code = await cli(['report', '--format', 'html'], {
    cwd: workspace,
    env: {},
    stdout: { write: (t: string) => (html += t) },
    stderr: process.stderr,
  });
  if (code !== 0) throw new Error(`trackrecord report --format html failed (exit ${code})`);
  writeFileSync(page, html);

  const history = readFileSync(join(workspace, '.trackrecord/history.jsonl'), 'utf8');
  const verified = verifyHistory(history);
  const rate = (r: (typeof verified.records)[number]) => `${((r.metrics.passRate ?? 0) * 100).toFixed(0)}%`;
  const june = verified.records.at(-1)!;
  const drift = june.metrics.drift!;
  console.log(`
GPT-4's pass rate on the prime questions: ${rate(verified.records.at(-2)!)} then ${rate(june)}, as the LLMDrift study found.
Drift test on the June night: ${drift.significant ? 'significant' : 'not significant'}, p = ${drift.p}, ${drift.prompts.length} prompts named as changed (of ${june.metrics.drifted.length} changed answers).

history:    ${join(workspace, '.trackrecord/history.jsonl')} (${verified.records.length} records, ${verified.ok ? 'chain intact' : 'BROKEN'})
badge:      ${join(workspace, '.trackrecord/badge.svg')}
report:     ${join(workspace, '.trackrecord/report.md')}
web page:   ${page} (trackrecord report --format html)
PR comment: ${join(runnerTemp, 'trackrecord-report.md')} (the body the check would post)
remote:     ${remote} (git -C ${remote} log --oneline)`);
} finally {
  await server.close();
}

/** The action's log, minus workflow commands, and why it failed if it did. */
function show(run: ActionRun): void {
  let warnings = 0;
  for (const line of run.stdout.split('\n')) {
    const command = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line);
    if (command?.[1] === 'warning') warnings += 1;
    else if (command) console.log(`  ${command[1]}: ${command[2]!.split('%0A').slice(0, 2).join(' ')}`);
    else if (line && !line.startsWith('::')) console.log(`  ${line}`);
  }
  if (warnings > 0)
    console.log(`  (${warnings} warning annotations on the regressed prompts' lines in prompts/prime.yaml)`);
  if (run.code !== 0 && !run.stdout.includes('::error::thresholds failed')) {
    throw new Error(`the action failed unexpectedly (exit ${run.code}):\n${run.stderr}`);
  }
}
