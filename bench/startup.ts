import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReplayServer } from '../tools/replay/index.js';
import { tail, timeProcess, type ProcessRun } from './processes.js';
import { median, type BenchResult } from './report.js';

const repo = join(import.meta.dirname, '..');
const TARGET_MS = 300;
const STARTS = 5;

/**
 * The bundled action (`dist/index.js`) from process spawn to its first request, run the way a
 * runner does (INPUT_* and GITHUB_* variables, a git checkout as the workspace), in track mode
 * with a one-prompt suite. The replay server runs in this process: it only notes when the first
 * request arrives, on the same clock the spawn was timed with. One untimed run first, as on a
 * runner the freshly checked-out bundle is in the page cache; then the median of five starts,
 * since a single start on a shared machine can be off by a hundred milliseconds either way.
 */
export async function startupBench(): Promise<BenchResult> {
  const server = await startReplayServer({ recordings: [{ model: 'bench-model', prompt: 'Say OK.', output: 'OK' }] });
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    const workspace = join(root, 'workspace');
    const runnerTemp = join(root, 'runner-temp');
    mkdirSync(join(workspace, '.github'), { recursive: true });
    mkdirSync(runnerTemp);
    writeFileSync(
      join(workspace, 'suite.yaml'),
      'name: bench\nprompts:\n  - id: ok\n    prompt: Say OK.\n    expect:\n      - equals: OK\n',
    );
    writeFileSync(
      join(workspace, '.github/trackrecord.yml'),
      `models:\n  - id: bench\n    model: bench-model\n    base-url: ${server.baseUrl}\nsuites:\n  - path: suite.yaml\n`,
    );
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: workspace, stdio: 'ignore', env: gitEnv(root) });
    git('init', '--quiet', '-b', 'main');
    git('add', '.');
    git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', 'commit', '--quiet', '-m', 'config');

    const files = {
      event: join(runnerTemp, 'event.json'),
      output: join(runnerTemp, 'output'),
      summary: join(runnerTemp, 'summary.md'),
    };
    writeFileSync(files.event, '{}');
    const inputs: Record<string, string> = {
      config: '.github/trackrecord.yml',
      mode: 'track',
      'github-token': 'bench-token',
      commit: 'false',
      comment: 'false',
      'commit-message': 'trackrecord: record run ${run_id}',
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: root,
      ...gitEnv(root),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: '0'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: runnerTemp,
      OPENAI_API_KEY: 'bench-key',
    };

    const detail =
      'node dist/index.js in track mode (runner env, git workspace, 1 prompt), spawn to first request at the server';
    const once = async (runId: number): Promise<{ run: ProcessRun; firstMs: number | null }> => {
      writeFileSync(files.output, '');
      writeFileSync(files.summary, '');
      const seen = server.requests().length;
      const spawnedAt = performance.now();
      const run = await timeProcess(process.execPath, [join(repo, 'dist/index.js')], {
        cwd: workspace,
        env: { ...env, GITHUB_RUN_ID: String(runId) },
        timeoutMs: 60_000,
      });
      const first = server
        .requests()
        .slice(seen)
        .map((r) => r.arrivedAt);
      return { run, firstMs: first.length > 0 ? Math.min(...first) - spawnedAt : null };
    };

    await once(1); // warm-up
    const starts: number[] = [];
    for (let runId = 2; runId <= STARTS + 1; runId++) {
      const { run, firstMs } = await once(runId);
      if (firstMs === null) {
        return {
          name: 'start-up',
          detail,
          measured: `FAILED: no request (exit ${run.code}): ${tail(run.stdout + run.stderr)}`,
          ratio: Number.POSITIVE_INFINITY,
          target: 1,
        };
      }
      starts.push(firstMs);
    }
    const middle = median(starts);
    return {
      name: 'start-up',
      detail,
      measured: `first request ${middle.toFixed(0)} ms after spawn, median of ${STARTS} (${starts.map((ms) => ms.toFixed(0)).join(', ')}; target ${TARGET_MS} ms)`,
      ratio: middle / TARGET_MS,
      target: 1,
    };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Git without the machine's global or system config. */
function gitEnv(home: string): NodeJS.ProcessEnv {
  const globalConfig = join(home, 'gitconfig');
  writeFileSync(globalConfig, '[init]\n\tdefaultBranch = main\n');
  return { PATH: process.env['PATH'], HOME: home, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1' };
}
