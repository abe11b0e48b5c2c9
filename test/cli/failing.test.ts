import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { ADD, CAPITAL, HOSTILE, MARKUP, P7 } from '../support/edits.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SUITE = `name: s
prompts:
  - id: capital
    prompt: "${CAPITAL}"
    expect:
      - contains: Paris
      - max-length: 20
  - id: p7
    prompt: "${P7}"
    expect:
      - regex: "^Yes"
  - id: add
    prompt: "${ADD}"
    expect:
      - equals: "4"
`;

/** A model that answers the capital of France wrong, 7 prime right, and 2+2 with hostile markup. */
async function setUp(): Promise<string> {
  server = await startReplayServer({
    recordings: [
      { model: 'tiny-1', prompt: CAPITAL, output: 'Lyon' },
      { model: 'tiny-1', prompt: P7, output: 'Yes.' },
      { model: 'tiny-1', prompt: ADD, output: HOSTILE, system: MARKUP },
    ],
  });
  return tempDir({
    '.github/trackrecord.yml':
      `models:\n  - id: m\n    model: tiny-1\n    base-url: ${server.baseUrl}\n    temperature: 0\n    system: "${MARKUP}"\n` +
      `suites:\n  - path: prompts/s.yaml\nsamples: 1\n`,
    'prompts/s.yaml': SUITE,
  });
}

const FAILING = [
  { prompt: 's/capital', answer: 'Lyon', checks: [{ check: 'contains', expected: '"Paris"' }] },
  { prompt: 's/add', answer: HOSTILE, checks: [{ check: 'equals', expected: '"4"' }] },
];

describe('failing prompts', () => {
  it('are listed with their answers and failed checks by run --json, the terminal, report.md and the report command', async () => {
    const root = await setUp();
    const json = await runCli(['run', '--json', '--no-history'], root);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as { models: Array<{ failing: unknown }> };
    expect(summary.models[0]!.failing).toEqual(FAILING);

    const run = await runCli(['run'], root);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf('    2 failing prompts:');
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe('      s/capital: "Lyon" (expected: contains "Paris")');
    expect(lines[at + 2]).toMatch(/^ {6}s\/add: "Four <!-- trackrecord:check --> .{20,}…" \(expected: equals "4"\)$/);

    const markdown = readFileSync(join(root, '.trackrecord/report.md'), 'utf8');
    expect(markdown).toContain('**2 failing prompts** in the latest run:');
    expect(markdown).toContain('| `s/capital` | Lyon | contains &quot;Paris&quot; |');
    // The hostile answer is text in its cell: no comment marker, tag, mention or link survives.
    const addRow = markdown.split('\n').find((l) => l.startsWith('| `s/add` |'))!;
    expect(addRow).not.toMatch(/<!--|<img|@octocat|\]\(https/);

    const report = await runCli(['report', '--format', 'json'], root);
    expect(report.code).toBe(0);
    const parsed = JSON.parse(report.stdout) as { models: Array<{ failing: unknown }> };
    expect(parsed.models[0]!.failing).toEqual(FAILING);

    const html = await runCli(['report', '--format', 'html'], root);
    expect(html.stdout).toContain('s/capital');
    expect(html.stdout).toContain('contains &quot;Paris&quot;');
    expect(html.stdout).not.toContain('<img src=x');
  });

  it('are listed without their checks when the report has the history alone', async () => {
    const root = await setUp();
    expect((await runCli(['run'], root)).code).toBe(0);
    const other = tempDir();
    const report = await runCli(
      ['report', '--format', 'json', '--history', join(root, '.trackrecord/history.jsonl')],
      other,
    );
    const parsed = JSON.parse(report.stdout) as { models: Array<{ failing: unknown }> };
    expect(parsed.models[0]!.failing).toEqual(FAILING.map((f) => ({ ...f, checks: [] })));
  });
});
