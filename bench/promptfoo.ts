import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Recording } from '../tools/replay/index.js';
import type { RunSummary } from '../src/analysis/summary.js';
import { nodeRuntime, npmInstall } from '../scripts/lib/node-runtime.js';
import { tail, timeProcess } from './processes.js';
import { startReplayProcess } from './replay-process.js';
import type { BenchResult } from './report.js';

const repo = join(import.meta.dirname, '..');
const NAME = 'against promptfoo';

/**
 * The same prompts, checks, server and concurrency, run by promptfoo and by trackrecord, each
 * as its own process timed from spawn to exit. promptfoo is installed into a temp dir at bench
 * time (never a dependency of this project); TRACKRECORD_BENCH_PROMPTFOO_DIR names an npm
 * prefix that already has it, to skip the install when iterating.
 */
export async function promptfooBench(): Promise<BenchResult> {
  const requests = 500;
  const concurrency = 16;
  const latencyMs = 50;
  const detail =
    `${requests} prompts x 1 sample, equals + regex checks, concurrency ${concurrency}, ${latencyMs} ms server latency ` +
    '(server in its own process); ratio = trackrecord / promptfoo wall time, spawn to exit';
  const fail = (why: string): BenchResult => ({
    name: NAME,
    detail,
    measured: `FAILED: ${why}`,
    ratio: Number.POSITIVE_INFINITY,
    target: 0.5,
  });

  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    let promptfoo: Promptfoo;
    try {
      promptfoo = await installPromptfoo(join(root, 'npm'));
    } catch (error) {
      return fail(`promptfoo could not be installed or started here: ${(error as Error).message}`);
    }

    const recordings: Recording[] = Array.from({ length: requests }, (_, i) => ({
      model: 'bench-model',
      prompt: `Question ${i}: what is ${i} + ${i}?`,
      output: `The answer is ${2 * i}.`,
    }));
    // Each output must end in a number and a period: the same regex check for both tools.
    const endsInNumber = '\\d+\\.$';
    const server = await startReplayProcess(root, recordings, latencyMs);
    try {
      const work = join(root, 'work');
      mkdirSync(join(work, 'home'), { recursive: true });
      writeFileSync(
        join(work, 'suite.yaml'),
        stringify({
          name: 'bench',
          prompts: recordings.map((r, i) => ({
            id: `q${i}`,
            prompt: r.prompt,
            expect: [{ equals: r.output }, { regex: endsInNumber }],
          })),
        }),
      );
      writeFileSync(
        join(work, 'trackrecord.yml'),
        stringify({
          models: [{ id: 'bench', model: 'bench-model', 'base-url': server.baseUrl }],
          suites: [{ path: 'suite.yaml' }],
          concurrency,
        }),
      );
      writeFileSync(
        join(work, 'promptfooconfig.yaml'),
        stringify({
          description: 'trackrecord bench',
          prompts: ['{{question}}'],
          providers: [{ id: 'openai:chat:bench-model', config: { apiBaseUrl: server.baseUrl, apiKey: 'bench-key' } }],
          tests: recordings.map((r) => ({
            vars: { question: r.prompt },
            assert: [
              { type: 'equals', value: r.output },
              { type: 'regex', value: endsInNumber },
            ],
          })),
          evaluateOptions: { maxConcurrency: concurrency },
        }),
      );
      const env: NodeJS.ProcessEnv = {
        PATH: process.env['PATH'],
        HOME: join(work, 'home'),
        OPENAI_API_KEY: 'bench-key',
        PROMPTFOO_CONFIG_DIR: join(work, 'home', '.promptfoo'),
        PROMPTFOO_DISABLE_TELEMETRY: '1',
        PROMPTFOO_DISABLE_UPDATE: '1',
        PROMPTFOO_DISABLE_SHARING: '1',
      };

      // trackrecord first: it gets the replay server cold.
      const tr = await timeProcess(
        process.execPath,
        [join(repo, 'dist/cli.js'), 'run', '--config', 'trackrecord.yml', '--no-history', '--json', '--quiet'],
        { cwd: work, env, timeoutMs: 300_000 },
      );
      if (tr.code !== 0) return fail(`trackrecord exited ${tr.code ?? tr.signal}: ${tail(tr.stderr)}`);
      const model = (JSON.parse(tr.stdout) as RunSummary).models[0]!;
      const trErrors = Object.values(model.errors).reduce((a, b) => a + b, 0);
      if (model.passRate !== 1 || trErrors > 0)
        return fail(`trackrecord: pass rate ${model.passRate}, ${trErrors} errors`);

      const pf = await timeProcess(
        promptfoo.node,
        [
          promptfoo.entry,
          'eval',
          '-c',
          'promptfooconfig.yaml',
          '--no-cache',
          '--no-table',
          '--no-write',
          '--no-progress-bar',
          '--no-share',
          '-j',
          String(concurrency),
          '-o',
          'out.json',
        ],
        { cwd: work, env, timeoutMs: 300_000 },
      );
      if (pf.code !== 0)
        return fail(`promptfoo ${promptfoo.version} exited ${pf.code ?? pf.signal}: ${tail(pf.stderr || pf.stdout)}`);
      const stats = (JSON.parse(readFileSync(join(work, 'out.json'), 'utf8')) as { results: { stats: PromptfooStats } })
        .results.stats;
      if (stats.successes !== requests || stats.failures !== 0 || stats.errors !== 0) {
        return fail(
          `promptfoo: ${stats.successes} passed, ${stats.failures} failed, ${stats.errors} errors of ${requests}`,
        );
      }

      return {
        name: NAME,
        detail: `${detail}; promptfoo ${promptfoo.version} on Node ${promptfoo.nodeVersion}${promptfoo.note}, trackrecord (dist/cli.js) on Node ${process.versions.node}`,
        measured:
          `trackrecord ${(tr.wallMs / 1000).toFixed(2)} s, promptfoo ${(pf.wallMs / 1000).toFixed(2)} s ` +
          `(both: ${requests}/${requests} passed, 0 errors; promptfoo installed in ${(promptfoo.installMs / 1000).toFixed(0)} s, not timed)`,
        ratio: tr.wallMs / pf.wallMs,
        target: 0.5,
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

interface PromptfooStats {
  successes: number;
  failures: number;
  errors: number;
}

interface Promptfoo {
  version: string;
  /** The CLI's entry script, run with `node`. */
  entry: string;
  node: string;
  nodeVersion: string;
  /** Why `node` is not this process's Node, when it is not. */
  note: string;
  installMs: number;
}

/**
 * Installs promptfoo@latest under `prefix` (or uses TRACKRECORD_BENCH_PROMPTFOO_DIR). When it
 * needs a newer Node than this one, that Node comes from the npm registry too: the
 * `node-<platform>-<arch>` package ships the official binary.
 */
async function installPromptfoo(prefix: string): Promise<Promptfoo> {
  const started = performance.now();
  const reused = process.env['TRACKRECORD_BENCH_PROMPTFOO_DIR'];
  const dir = reused ?? prefix;
  if (!reused) npmInstall(dir, 'promptfoo@latest');
  const pkgDir = join(dir, 'node_modules', 'promptfoo');
  if (!existsSync(join(pkgDir, 'package.json'))) throw new Error(`no promptfoo under ${dir}`);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    version: string;
    bin: string | Record<string, string>;
    engines?: { node?: string };
  };
  const entry = join(pkgDir, typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin['promptfoo'] ?? ''));
  const wanted = pkg.engines?.node ?? '';
  const minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(wanted.trim());
  let node = process.execPath;
  let nodeVersion = process.versions.node;
  let note = '';
  if (minimum && older(nodeVersion, minimum.slice(1).map(Number))) {
    const runtime = nodeRuntime(Number(minimum[1]), join(dir, 'node-runtime'));
    node = runtime.node;
    nodeVersion = runtime.version;
    if (older(nodeVersion, minimum.slice(1).map(Number))) {
      throw new Error(`promptfoo ${pkg.version} needs Node ${wanted}, and npm's runtime gave ${nodeVersion}`);
    }
    note = ` (npm's node-${process.platform}-${process.arch}: promptfoo needs Node ${wanted})`;
  }
  return { version: pkg.version, entry, node, nodeVersion, note, installMs: performance.now() - started };
}

/** Whether version `v` (x.y.z) is below `min`. */
function older(v: string, min: number[]): boolean {
  const parts = v.split('.').map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < 3; i++) {
    const a = parts[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}
