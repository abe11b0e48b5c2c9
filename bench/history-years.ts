import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import type { Config } from '../src/config/types.js';
import { buildRecords } from '../src/analysis/records.js';
import type { RunOutcome } from '../src/run/outcome.js';
import { runSuites } from '../src/app/engine.js';
import { chainRecords, lineHash, serializeRecord } from '../src/history/codec.js';
import { GENESIS, type HistoryRecord } from '../src/history/record.js';
import { appendRecords } from '../src/history/file.js';
import { readHistory } from '../src/history/read.js';
import type { OpenSnapshot } from '../src/history/snapshot.js';
import { storedTexts } from '../src/history/texts.js';
import { HistoryView } from '../src/history/view.js';
import { FreeTextModel, freeTextOutcome } from './free-text.js';
import { loadLlmdriftRecordings } from '../tools/replay/index.js';
import { recordOutcome } from '../src/app/run-and-record.js';
import type { RunSummary } from '../src/analysis/summary.js';
import { tail, timeProcess, USAGE_PROBE, usageOf } from './processes.js';
import { startReplayProcess } from './replay-process.js';
import { median, type BenchResult } from './report.js';

const repo = join(import.meta.dirname, '..');
const KB = 1024;

/** A config on the prime suite; models answer in free text at temperature 0.8, 3 samples. */
async function freeTextConfig(root: string, models: string[], extra = ''): Promise<Config> {
  const list = models
    .map((id) => `  - { id: ${id}, model: ${id}, base-url: "http://127.0.0.1:9/v1", temperature: 0.8 }\n`)
    .join('');
  writeFileSync(
    join(root, 'trackrecord.yml'),
    `models:\n${list}suites:\n  - path: ${join(repo, 'examples/llmdrift/prime.yaml')}\nsamples: 3\nallow-outside-workspace: true\n${extra}`,
  );
  return loadConfig({ root, configPath: 'trackrecord.yml' });
}

/** The free-text model of 100 prompts x 3 samples: bytes per record, as written and with the texts uncompressed. */
export async function freeTextBench(): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    const config = await freeTextConfig(root, ['free']);
    const model = new FreeTextModel(7);
    let view = new HistoryView();
    let prev = GENESIS;
    const written: number[] = [];
    const plain: number[] = [];
    for (let night = 0; night < 10; night++) {
      const built = buildRecords(freeTextOutcome(config, model, night), view);
      const [record] = built.records;
      view = built.view;
      const [line] = chainRecords([record!], prev);
      prev = lineHash(line!);
      written.push(Buffer.byteLength(line!));
      // The same record with version 1's uncompressed table.
      const { textsGz: _block, ...rest } = JSON.parse(line!) as HistoryRecord;
      plain.push(Buffer.byteLength(serializeRecord({ ...rest, schema: 1, texts: storedTexts(record!) })));
    }
    const worst = Math.max(...written);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length / KB;
    return {
      name: 'free-text record size',
      detail: '10 nights of a model answering in free text (temperature 0.8), 100 prompts x 3 samples',
      measured:
        `${mean(written).toFixed(1)} KB a record compressed (at most ${(worst / KB).toFixed(1)} KB), ` +
        `${mean(plain).toFixed(1)} KB uncompressed`,
      ratio: worst / (60 * KB),
      target: 1,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A history of `nights` nights, each night's outcome from `night` (the replay server's answers
 * again, as nightly runs of the same suite on the same server record them, or the free-text
 * model's), recorded one night at a time as a nightly run records it: read the history's last
 * runs, compare, append.
 */
async function recordNights(root: string, nights: number, night: (n: number) => RunOutcome): Promise<void> {
  for (let n = 0; n < nights; n++) await recordOutcome(night(n), { root, useHistory: true, nightly: true });
}

const RUNS = 7;

/**
 * What a nightly run costs against a long history and a short one: `trackrecord run` (the bundled
 * CLI, a fresh process as a nightly job starts it) on the same suite (the prime suite, 100
 * prompts x 3 samples) against the same replay server (in a process of its own, as a provider
 * is), on top of 200 or 10 recorded nights; it writes its record, badges and report. The cost is
 * the CPU time of the run's process: wall time on a shared machine mostly measures the
 * neighbours, so it is printed beside it but not judged. Median of 7, the sizes taking turns.
 * The history is either the replay server's own nights, or a free-text model's (about 40 KB a
 * record). Some of the difference is the run's own work, not the history's age: against 10
 * nights the 30-run window holds 10 records to compare with, against 40 and 200 it is full.
 */
export async function runCostBenches(): Promise<BenchResult[]> {
  const recordings = await loadLlmdriftRecordings(join(repo, 'data/llmdrift/prime-100.jsonl'));
  const base = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  const server = await startReplayProcess(base, recordings, 0).catch((e: unknown) => {
    rmSync(base, { recursive: true, force: true });
    throw e;
  });
  try {
    const yaml =
      `models:\n  - { id: gpt-4, model: gpt-4-0314, base-url: "${server.baseUrl}", temperature: 0.8 }\n` +
      `suites:\n  - path: ${join(repo, 'examples/llmdrift/prime.yaml')}\nsamples: 3\nconcurrency: 16\nallow-outside-workspace: true\n`;
    writeFileSync(join(base, 'trackrecord.yml'), yaml);
    const config = await loadConfig({ root: base, configPath: 'trackrecord.yml' });
    const replayed = await runSuites(config, { env: {} });
    const free = new FreeTextModel(11);
    const kinds: Array<[string, (n: number) => RunOutcome]> = [
      ['the replay server', (n) => ({ ...replayed, run: { ...replayed.run, id: `night-${n}` } })],
      ['a free-text model', (n) => freeTextOutcome(config, free, n)],
    ];
    const results: BenchResult[] = [];
    for (const [kind, night] of kinds) {
      // 40 nights fill the default window of 30 as 200 do: the two compared tell age from window fill.
      const sizes = [10, 40, 200];
      const seeds = new Map<number, { dir: string; mb: number }>();
      for (const nights of sizes) {
        const dir = join(base, `seed-${nights}`);
        mkdirSync(dir);
        writeFileSync(join(dir, 'trackrecord.yml'), yaml);
        await recordNights(dir, nights, night);
        seeds.set(nights, { dir, mb: statSync(join(dir, config.history)).size / 2 ** 20 });
      }
      const wall = new Map<number, number[]>(sizes.map((n) => [n, []]));
      const cpu = new Map<number, number[]>(sizes.map((n) => [n, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const nights of sizes) {
          const root = join(base, `run-${nights}-${i}`);
          cpSync(seeds.get(nights)!.dir, root, { recursive: true });
          const run = await nightlyRun(root);
          wall.get(nights)!.push(run.wallMs);
          cpu.get(nights)!.push(run.cpuMs);
          rmSync(root, { recursive: true, force: true });
        }
      }
      for (const { dir } of seeds.values()) rmSync(dir, { recursive: true, force: true });
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      const [short, full, long] = sizes.map((n) => median(cpu.get(n)!));
      const [shortWall, longWall] = [median(wall.get(10)!), median(wall.get(200)!)];
      results.push({
        name: `run cost, 200 nights vs 10 (history of ${kind})`,
        detail:
          `trackrecord run in a fresh process (prime suite, 100 prompts x 3 samples, record, badges and report) ` +
          `on a history of 10 nights (${seeds.get(10)!.mb.toFixed(1)} MB) and of 200 ` +
          `(${seeds.get(200)!.mb.toFixed(1)} MB), one open file, each recorded night by night as runs record it`,
        measured:
          `CPU ${s(short!)} vs ${s(long!)} (median of ${RUNS}): ${(long! / short!).toFixed(2)}x, target at most 1.3x; ` +
          `wall ${s(shortWall)} vs ${s(longWall)}, ${(longWall / shortWall).toFixed(2)}x; ` +
          `CPU at 40 nights (the window full, as at 200) ${s(full!)}: 200 vs 40 ${(long! / full!).toFixed(2)}x`,
        ratio: long! / short! / 1.3,
        target: 1,
      });
    }
    return results;
  } finally {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  }
}

/** `trackrecord run` in `root`, as a nightly job runs it: its wall and CPU time. */
async function nightlyRun(root: string): Promise<{ wallMs: number; cpuMs: number }> {
  const run = await timeProcess(
    process.execPath,
    ['--import', USAGE_PROBE, join(repo, 'dist/cli.js'), 'run', '--config', 'trackrecord.yml', '--json', '--quiet'],
    { cwd: root, env: { PATH: process.env['PATH'], HOME: root }, timeoutMs: 600_000 },
  );
  const usage = usageOf(run.stderr);
  // Exit 1 is a run that found regressions: tonight's answers differ from a free-text history's.
  if ((run.code !== 0 && run.code !== 1) || !usage)
    throw new Error(`run cost bench: trackrecord run exited ${run.code ?? run.signal}: ${tail(run.stderr)}`);
  const summary = JSON.parse(run.stdout) as RunSummary;
  if (summary.models.length !== 1 || Object.values(summary.models[0]!.errors).some((n) => n > 0))
    throw new Error(`run cost bench: expected one model and no errors: ${run.stdout.slice(0, 400)}`);
  return { wallMs: run.wallMs, cpuMs: usage.cpuMs };
}

/**
 * A year of nightly runs of two free-text models (100 prompts x 3 samples each), appended as a
 * run appends (segments at the default `history-max-mb`): the largest file at the end, against
 * the limit.
 */
export async function yearBench(): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    const config = await freeTextConfig(root, ['free-a', 'free-b']);
    const path = join(root, config.history);
    const model = new FreeTextModel(5);
    let view = new HistoryView();
    const maxBytes = config.historyMaxMb * 2 ** 20;
    let snapshot: OpenSnapshot | undefined;
    for (let night = 0; night < 365; night++) {
      const built = buildRecords(freeTextOutcome(config, model, night), view);
      const { records } = built;
      view = built.view;
      snapshot = (await appendRecords(path, records, { maxBytes, source: view, snapshot })).open;
    }
    const history = await readHistory(path);
    const sizes = history.files.map((f) => statSync(f.path).size);
    const largest = Math.max(...sizes);
    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    return {
      name: 'a year of history',
      detail: `365 nights of 2 free-text models (${history.records.length} records), history-max-mb ${config.historyMaxMb}`,
      measured: `${sizes.length} files (${sizes.map(mb).join(', ')} MB), the largest ${mb(largest)} MB, all verified`,
      ratio: largest / maxBytes,
      target: 1,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
