import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordModel } from '../src/analysis/records.js';
import { runMetrics } from '../src/run/run-metrics.js';
import { loadConfig } from '../src/config/load.js';
import type { ModelSpec, PromptSpec } from '../src/config/types.js';
import { chainRecords } from '../src/history/codec.js';
import { GENESIS } from '../src/history/record.js';
import { HistoryView } from '../src/history/view.js';
import { loadLlmdriftRecordings, startReplayServer } from '../tools/replay/index.js';
import { toSample } from '../src/run/execute.js';
import type { Observation } from '../src/run/types.js';
import { runAndRecord } from '../src/app/run-and-record.js';
import { sha256 } from '../src/util/hash.js';
import { tail, timeProcess, USAGE_PROBE, usageOf } from './processes.js';
import type { BenchResult } from './report.js';
import { seededRandom } from '../src/util/random.js';

const repo = join(import.meta.dirname, '..');

/** Ten nights of a model that never changes: how many bytes each record after the first adds. */
export async function historyGrowthBench(): Promise<BenchResult> {
  const recordings = await loadLlmdriftRecordings(join(repo, 'data/llmdrift/prime-100.jsonl'));
  const server = await startReplayServer({ recordings });
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    writeFileSync(
      join(root, 'trackrecord.yml'),
      `models:\n  - { id: gpt-4, model: gpt-4-0314, base-url: "${server.baseUrl}" }\n` +
        `suites:\n  - path: ${join(repo, 'examples/llmdrift/prime.yaml')}\nsamples: 3\nconcurrency: 16\nallow-outside-workspace: true\n`,
    );
    const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
    const sizes: number[] = [];
    for (let night = 0; night < 10; night++) {
      await runAndRecord(config, { root, env: {}, useHistory: true, nightly: true });
      sizes.push(statSync(join(root, config.history)).size);
    }
    const growth = sizes.slice(1).map((s, i) => s - sizes[i]!);
    const worst = Math.max(...growth);
    return {
      name: 'history growth',
      detail: '10 runs of an unchanging model, 100 prompts x 3 samples',
      measured: `first record ${(sizes[0]! / 1024).toFixed(1)} KB, then at most ${(worst / 1024).toFixed(2)} KB a record`,
      ratio: worst / (5 * 1024),
      target: 1,
    };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** `trackrecord report` over 20 models x 500 runs x 100 prompts (10,000 records): time and peak memory. */
export async function reportBenches(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    const file = join(dir, 'history.jsonl');
    const generatedMs = generateHistory(file, { models: 20, runs: 500, prompts: 100 });
    const sizeMb = statSync(file).size / 2 ** 20;
    const { wallMs, maxRssMb } = await timeCli(['report', '--history', file, '--format', 'json']);
    const detail = `10,000 records (${sizeMb.toFixed(0)} MB, generated in ${(generatedMs / 1000).toFixed(1)} s)`;
    return [
      { name: 'report time', detail, measured: `${(wallMs / 1000).toFixed(2)} s`, ratio: wallMs / 5000, target: 1 },
      {
        name: 'report memory',
        detail,
        measured: `peak RSS ${maxRssMb.toFixed(0)} MB`,
        ratio: maxRssMb / 500,
        target: 1,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A realistic synthetic history built with the real record builder: each model answers yes/no
 * questions with reasoning, drifts on ~2% of prompts a run and flaps back on ~1%.
 */
function generateHistory(file: string, size: { models: number; runs: number; prompts: number }): number {
  const started = performance.now();
  const random = seededRandom(42);
  const prompts: PromptSpec[] = Array.from({ length: size.prompts }, (_, i) => ({
    id: `q${i}`,
    messages: [{ role: 'user', content: `Is ${1000 + i * 7} a prime number? Answer [Yes] or [No].` }],
    extract: { kind: 'regex', pattern: '\\[(yes|no)\\]', flags: 'i' },
    normalize: ['lowercase'],
    compare: { kind: 'exact' },
    expect: [{ kind: 'equals', value: i % 2 === 0 ? 'yes' : 'no' }],
    location: { file: 'bench.yaml', line: 1 },
  }));
  const view = new HistoryView();
  const lines: string[] = [];
  let prev = GENESIS;
  const models: ModelSpec[] = Array.from({ length: size.models }, (_, m) => ({
    id: `model-${m}`,
    model: `model-${m}`,
    baseUrl: 'https://api.example.com/v1',
    apiKeyEnv: 'KEY',
    params: { temperature: 0 },
    system: null,
    headers: {},
  }));
  const state = models.map(() => prompts.map((_, i) => ({ answer: i % 2 === 0 ? 'Yes' : 'No', variant: 0 })));
  for (let run = 0; run < size.runs; run++) {
    const info = {
      id: `run-${run}`,
      startedAt: new Date(Date.UTC(2026, 0, 1) + run * 86_400_000).toISOString(),
      trigger: 'schedule',
      commit: null,
      url: null,
    };
    models.forEach((model, m) => {
      const observations: Observation[] = prompts.map((prompt, p) => {
        const s = state[m]![p]!;
        const roll = random();
        if (roll < 0.02) s.answer = s.answer === 'Yes' ? 'No' : 'Yes';
        if (roll < 0.03) s.variant += 1;
        const output = `[${s.answer}] Reasoning variant ${s.variant}: ${'checked the divisors up to the square root. '.repeat(6)}`;
        const completion = {
          output,
          servedModel: model.model,
          systemFingerprint: 'fp_bench',
          tokensIn: 20,
          tokensOut: 60,
        };
        return {
          modelId: model.id,
          suite: 'bench',
          promptId: prompt.id,
          promptHash: sha256(`${prompt.id}`),
          checksHash: sha256(`${prompt.id}/checks`),
          samples: [toSample({ ok: true, completion, latencyMs: 400 + p, attempts: 1 }, prompt)],
        };
      });
      const record = recordModel(
        { model, observations, metrics: runMetrics(observations, () => ({ kind: 'exact' })) },
        {
          run: info,
          finishedAt: info.startedAt,
          window: 30,
          samples: 1,
          specOf: (o) => prompts[Number(o.promptId.slice(1))]!,
        },
        view,
      );
      const [line] = chainRecords([record], prev);
      prev = sha256(line!);
      lines.push(line!);
    });
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return performance.now() - started;
}

/** Runs the bundled CLI in its own process; reports wall time and that process's peak RSS. */
async function timeCli(args: string[]): Promise<{ wallMs: number; maxRssMb: number }> {
  const run = await timeProcess(process.execPath, ['--import', USAGE_PROBE, join(repo, 'dist/cli.js'), ...args], {
    cwd: repo,
    env: process.env,
    timeoutMs: 600_000,
  });
  const usage = usageOf(run.stderr);
  if (run.code !== 0 || !usage)
    throw new Error(`trackrecord ${args.join(' ')} failed (${run.code}): ${tail(run.stderr)}`);
  return { wallMs: run.wallMs, maxRssMb: usage.maxRssMb };
}
