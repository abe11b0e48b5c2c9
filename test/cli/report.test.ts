import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/read.js';
import { HistoryView } from '../../src/history/view.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { buildReport, type Report } from '../../src/report/data/report.js';
import { runAndRecord } from '../../src/app/run-and-record.js';
import { runCli } from '../support/cli.js';
import { primeConfig, primeTruth, startPrimeServer } from '../support/prime.js';
import { historyText, joinLines, makeRecords, tamper } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const FILE = '.trackrecord/history.jsonl';

let server: ReplayServer;
/** A history of three real runs (March, June, June), copied into each test's own folder. */
let history: string;

beforeAll(async () => {
  server = await startPrimeServer();
  const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4') });
  const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
  for (const snapshot of ['gpt-4-0314', 'gpt-4-0613', 'gpt-4-0613']) {
    server.setAliases({ 'gpt-4': snapshot });
    await runAndRecord(config, { root, env: {}, useHistory: true });
  }
  history = readFileSync(join(root, FILE), 'utf8');
});
afterAll(async () => {
  await server.close();
});

/** A folder with only the history file in it: no config, no server needed. */
function onlyHistory(file = FILE, text = history): string {
  return tempDir({ [file]: text });
}

describe('trackrecord report', () => {
  it('prints the markdown report from the history file alone, exit 0', async () => {
    const result = await runCli(['report'], onlyHistory());
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('# trackrecord report\n')).toBe(true);
    expect(result.stdout).toContain('3 records of 1 model.');
    expect(result.stdout).toMatch(/\n\| \*\*gpt-4\*\* \| [^\n]* \| 1 \| [^|]+ \|\n/); // runs since drift: 1
    expect(result.stdout).toContain('No drift: all 100 comparable prompts kept their answer.');
    expect(result.stdout).toContain('xychart-beta');
  });

  it('prints the same report as JSON with --format json', async () => {
    const cwd = onlyHistory();
    const result = await runCli(['report', '--format', 'json'], cwd);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const { records } = await readHistory(join(cwd, FILE));
    expect(report).toEqual(buildReport(new HistoryView(records)));
    const m = report.models[0]!;
    expect(m.trend.map((p) => p.runId)).toEqual(records.map((r) => r.run.id));
    expect(m.metrics.runsSinceDrift).toBe(1);
    expect(m.drift).toEqual([]);
  });

  it('shows the June drift with its answers when that is the latest run, and honours --trend', async () => {
    const lines = history.trimEnd().split('\n');
    const cwd = onlyHistory('h/history.jsonl', joinLines(lines.slice(0, 2)));
    const result = await runCli(['report', '--history', 'h/history.jsonl', '--format', 'json', '--trend', '1'], cwd);
    expect(result.code).toBe(0);
    const m = (JSON.parse(result.stdout) as Report).models[0]!;
    expect(m.trend).toHaveLength(1);
    expect(m.trend[0]!.runId).toBe(m.run.id);
    const march = primeTruth('gpt-4-0314');
    const june = primeTruth('gpt-4-0613');
    const changed = [...march.keys()].filter((id) => march.get(id)!.answer !== june.get(id)!.answer);
    expect(m.drift.map((d) => d.key).sort()).toEqual(changed.map((id) => `llmdrift-prime/${id}`).sort());
    for (const d of m.drift) {
      const id = d.key.slice('llmdrift-prime/'.length);
      expect([d.before, d.after]).toEqual([march.get(id)!.answer, june.get(id)!.answer]);
    }
  });

  it('says when the history file is missing, exit 1', async () => {
    const result = await runCli(['report'], tempDir());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`trackrecord report: ${FILE}: no such file`);
  });

  it('refuses a history that does not verify, naming the line, exit 1', async () => {
    const lines = history.trimEnd().split('\n');
    lines[1] = lines[1]!.replace('"trigger":"', '"trigger":"edited-');
    const result = await runCli(['report'], onlyHistory(FILE, joinLines(lines)));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^trackrecord: history does not verify: \.trackrecord\/history\.jsonl:3: prev does not match/,
    );
    // A line rewritten with its chain recomputed is caught by the record checks.
    const rechained = joinLines(tamper(history.trimEnd().split('\n'), 1, (r) => (r.answers[0] = 'f'.repeat(12))));
    const tampered = await runCli(['report'], onlyHistory(FILE, rechained));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^trackrecord: history does not verify: \.trackrecord\/history\.jsonl:2: /);
  });

  it('reports an empty history as such', async () => {
    const result = await runCli(['report'], onlyHistory(FILE, ''));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('No records yet');
    const json = await runCli(['report', '--format', 'json'], onlyHistory(FILE, ''));
    expect(JSON.parse(json.stdout)).toEqual({ records: 0, partial: false, trend: 30, models: [] });
  });

  it('works on a history of many models', async () => {
    const cwd = onlyHistory(FILE, historyText(makeRecords(12, { models: ['a', 'b', 'c'] })));
    const result = await runCli(['report', '--format', 'json', '--trend', '2'], cwd);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    // The trend's 2 runs and the one before them are read: record counts cover those.
    expect(report.models.map((m) => [m.id, m.records, m.trend.length])).toEqual([
      ['a', 3, 2],
      ['b', 3, 2],
      ['c', 3, 2],
    ]);
    const all = JSON.parse(
      (await runCli(['report', '--format', 'json', '--trend', '2', '--all'], cwd)).stdout,
    ) as Report;
    expect(all.models.map((m) => [m.id, m.records, m.trend.length])).toEqual([
      ['a', 4, 2],
      ['b', 4, 2],
      ['c', 4, 2],
    ]);
    // The counts say which they are: of the runs read, or of the whole history.
    expect([report.partial, all.partial]).toEqual([true, false]);
    const md = (await runCli(['report', '--trend', '2'], cwd)).stdout;
    expect(md).toContain(
      'The last 9 records of 3 models, read from the end of the history (`trackrecord report --all`',
    );
    expect(md).toMatch(/Model \S+ at \S+, the last 3 records read\./);
    const whole = (await runCli(['report', '--trend', '2', '--all'], cwd)).stdout;
    expect(whole).toContain('\n12 records of 3 models. Reliability');
    expect(whole).toMatch(/Model \S+ at \S+, 4 records\./);
  });

  it("prints one self-contained HTML page with --format html, with each run's drifted prompts", async () => {
    const cwd = onlyHistory();
    const result = await runCli(['report', '--format', 'html'], cwd);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const html = result.stdout;
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:`,
    );
    expect(html).not.toMatch(/<script|https?:\/\//i);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(1);
    expect(html).toContain('of gpt-4 over the last 3 runs</title>');
    // The latest run kept every answer; the June run before it is listed with its drifted prompts.
    expect(html).toContain('No drift: all 100 comparable prompts kept their answer.');
    const { records } = await readHistory(join(cwd, FILE));
    const march = primeTruth('gpt-4-0314');
    const june = primeTruth('gpt-4-0613');
    const changed = [...march.keys()].filter((id) => march.get(id)!.answer !== june.get(id)!.answer);
    expect(html).toMatch(
      new RegExp(
        `<details class="run"><summary>Run <code>${records[1]!.run.id}</code> on [^<]*: ${changed.length} drifted prompts`,
      ),
    );
    expect(html.match(/<details class="run">/g)).toHaveLength(1);
    // --trend still applies.
    const short = await runCli(['report', '--format', 'html', '--trend', '1'], cwd);
    expect(short.stdout).toContain('of gpt-4 over the last 1 run</title>');
    expect(short.stdout).not.toContain('Drifted prompts in earlier runs');
  });

  it.each([
    [['--format', 'xml'], /--format must be one of md, json, html, not "xml"/],
    [['--trend', '0'], /--trend must be a whole number of runs, at least 1, not "0"/],
    [['--trend', 'ten'], /--trend must be a whole number/],
    [['--colour'], /Unknown option '--colour'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('rejects %j with exit 2 and the help', async (args, message) => {
    const result = await runCli(['report', ...args], onlyHistory());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: trackrecord report [--history FILE] [--format md|json|html] [--trend N]');
  });

  it('is listed in the usage and has help', async () => {
    expect((await runCli(['--help'], tempDir())).stdout).toMatch(/\n {2}report {5}print the report/);
    const help = await runCli(['report', '--help'], tempDir());
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('--format FORMAT  md (markdown, default) or json');
    expect(help.stdout).toContain('or html: one self-contained page');
  });
});

describe('trackrecord report on a moved history', () => {
  it('reads a copy anywhere, relative to the working directory', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'a/b'), { recursive: true });
    writeFileSync(join(cwd, 'a/b/h.jsonl'), history);
    copyFileSync(join(cwd, 'a/b/h.jsonl'), join(cwd, 'a/copy.jsonl'));
    const one = await runCli(['report', '--history', 'a/b/h.jsonl'], cwd);
    const two = await runCli(['report', '--history', 'a/copy.jsonl'], cwd);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
