import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pValue } from '../../src/util/numbers.js';
import { loadConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/read.js';
import { HistoryView } from '../../src/history/view.js';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { pValueSentence } from '../../src/report/document/drift-text.js';
import { renderCheckComment } from '../../src/report/check-comment.js';
import { renderJson, renderMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/data/report.js';
import { runAndRecord } from '../../src/app/run-and-record.js';
import { primeConfig, primeTruth, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function record(root: string, runs: number, between: (run: number) => void) {
  const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
  for (let run = 0; run < runs; run++) {
    between(run);
    await runAndRecord(config, { root, env: {}, useHistory: true });
  }
  const { records } = await readHistory(join(root, '.trackrecord/history.jsonl'));
  return buildReport(new HistoryView(records));
}

/** The rows of the markdown table under `header`, as cells. */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  expect(start, `table "${header}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(2, -2).split(' | '));
  }
  return rows;
}

describe('renderMarkdown on the real GPT-4 drift', () => {
  it('shows the summary, a trend chart, the backend change and exactly the drifted prompts with their answers', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4') });
    const snapshots = ['gpt-4-0314', 'gpt-4-0613'];
    const report = await record(root, 2, (run) => server!.setAliases({ 'gpt-4': snapshots[run]! }));
    const md = renderMarkdown(report);
    const march = primeTruth('gpt-4-0314');
    const june = primeTruth('gpt-4-0613');
    const ids = [...march.keys()];
    const changed = ids.filter((id) => march.get(id)!.answer !== june.get(id)!.answer);
    const m = report.models[0]!;

    expect(md.startsWith('# trackrecord report\n')).toBe(true);
    const summary = tableRows(
      md,
      '| Model | Reliability (95% interval) | Pass rate | Stability | Agreement | Drift beyond noise | Regressions beyond noise | Errors | Runs since drift | Last run |',
    );
    expect(summary).toHaveLength(1);
    // Two runs of one sample: no prompt can be judged alone, but the pass rate fell beyond noise.
    expect(m.metrics.drift).toMatchObject({ significant: true, prompts: [] });
    const stability = `${((1 - changed.length / ids.length) * 100).toFixed(1)}%`;
    expect(summary[0]!.slice(0, 9)).toEqual([
      '**gpt-4**',
      expect.stringMatching(/^\d+\.\d% \(\d+\.\d%–\d+\.\d%\)$/),
      `${(m.metrics.passRate! * 100).toFixed(1)}%`,
      stability,
      'n/a',
      `**changed** (${pValue(m.metrics.drift!.p!)}), 0 named`, // the record's own permutation p-value
      String(m.regressions.length),
      '0',
      '0',
    ]);
    expect(summary[0]![9]).toBe(m.run.startedAt.slice(0, 10));

    expect(md).toContain('## gpt-4\n');
    expect(md).toMatch(/```mermaid\nxychart-beta\n/);
    expect(md).toContain(`    line [${m.trend.map((p) => Math.round(p.reliability! * 1000) / 10).join(', ')}]`);
    expect(md).toContain(`system fingerprint now \`${m.systemFingerprints[0]!}\``);

    const drift = tableRows(md, '| Prompt | Before | After | Kind |');
    expect(drift.map((r) => r[0]).sort()).toEqual(changed.map((id) => `llmdrift-prime/${id}`).sort());
    const shown = (a: string | null) => a ?? '_no answer_';
    for (const [keyCell, before, after, kind] of drift) {
      const id = keyCell!.slice('llmdrift-prime/'.length);
      expect([before, after], id).toEqual([shown(march.get(id)!.answer), shown(june.get(id)!.answer)]);
      const flipped = march.get(id)!.correct !== june.get(id)!.correct;
      expect(kind).toBe(flipped ? (march.get(id)!.correct ? 'drift, regression' : 'drift, fix') : 'drift');
    }
    // The drift test judged these flips: no second p-value beside its verdict.
    expect(md).not.toContain('McNemar');
    expect(md).toContain('Availability: 100% of 100 requests answered.');
  });

  it('shows at most 100 drift rows and counts the rest, so 1,500 drifted prompts stay far below the job summary limit', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4') });
    const snapshots = ['gpt-4-0314', 'gpt-4-0613'];
    const report = await record(root, 2, (run) => server!.setAliases({ 'gpt-4': snapshots[run]! }));
    const m = report.models[0]!;
    const long = 'a long answer that the table has to cut and show again below it, '.repeat(4);
    const drift = Array.from({ length: 1500 }, (_, i) => ({ ...m.drift[0]!, key: `big/p${i}`, after: `${long}${i}` }));
    const md = renderMarkdown({ ...report, models: [{ ...m, drift }] });
    const rows = tableRows(md, '| Prompt | Before | After | Kind |');
    expect(rows.map((r) => r[0])).toEqual(drift.slice(0, 100).map((d) => d.key));
    expect(md).toContain('_… and 1400 more drifted prompts, not shown here:');
    expect(Buffer.byteLength(md)).toBeLessThan(200_000);
  });

  it('says so when there is nothing to compare yet, and when the history is empty', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    const md = renderMarkdown(await record(root, 1, () => {}));
    expect(md).toContain('No earlier answers to compare with yet.');
    expect(md).toContain('100 prompts started a new series');
    expect(md).not.toContain('mermaid'); // one point is not a trend
    expect(renderMarkdown(buildReport(new HistoryView()))).toContain('No records yet');
  });

  it('reports an outage as availability, not as drift', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314', 'retries: 0\n') });
    const report = await record(root, 2, (run) =>
      server!.setFaults(run === 1 ? { serverError: { share: 1, attempts: Infinity } } : undefined),
    );
    const md = renderMarkdown(report);
    // The reason is the server's own message; the window's score is not shown as tonight's.
    const said = md.split('\n').find((l) => l.startsWith('Unavailable: '));
    expect(said).toMatch(
      /^Unavailable: none of 100 requests answered \(100 server: HTTP 500\S* The server had an error /,
    );
    expect(said).toMatch(
      /\. This run adds nothing to reliability, which counts answered observations only, and the badge reads unavailable\.$/,
    );
    const summary = md.split('\n').find((l) => l.startsWith('| Model |'))!;
    expect(tableRows(md, summary)[0]![1]).toBe('unavailable');
    // The pull request comment likewise: the base's score, then none for the head.
    expect(renderCheckComment(report, 'main')).toMatch(/\| \*\*gpt-4\*\* \| \d+\.\d% → unavailable \|/);
    expect(md).toContain('No prompt of the latest run could be compared with an earlier answer.');
    expect(
      tableRows(
        md,
        md.split('\n').find((l) => l.startsWith('| Model |'))!,
      )[0]![7],
    ).toBe('100');
  });
});

describe('renderMarkdown with invisible characters', () => {
  it('shows them as code points, so a drift never reads "yes -> yes"', async () => {
    const hidden = 'yes\u200b\u200c\u200d\u2060\u{E0041}\u{E007F}\u00ad\u202e';
    server = await startReplayServer({
      recordings: [
        { model: 'plain', prompt: 'Say yes', output: 'yes' },
        { model: 'hidden', prompt: 'Say yes', output: hidden },
      ],
    });
    const root = tempDir({
      'trackrecord.yml': `models:\n  - id: m\n    model: m\n    base-url: ${server.baseUrl}\nsuites:\n  - path: suite.yaml\n`,
      'suite.yaml': 'name: s\nprompts:\n  - id: yes\n    prompt: Say yes\n',
    });
    const report = await record(root, 2, (run) => server!.setAliases({ m: ['plain', 'hidden'][run]! }));
    expect(report.models[0]!.drift).toHaveLength(1);
    const md = renderMarkdown(report);
    const shown = ['200B', '200C', '200D', '2060', 'E0041', 'E007F', '00AD', '202E'].map((c) => `&lt;U+${c}&gt;`);
    expect(md).toContain(`yes${shown.join('')}`);
    expect(md).not.toMatch(/[\u200b-\u200d\u2060\u00ad\u202e]|[\u{E0000}-\u{E007F}]/u);
  });
});

describe('renderMarkdown with hostile model output', () => {
  const BEFORE = [
    'Sure! @octocat </details> <img src=x onerror=alert(1)>',
    '[click](https://evil.example) ![x](https://evil.example/a.png)',
    '<!-- trackrecord -->',
    '`code` | pipe |\r',
    'reversed \u202Etxt.exe',
  ].join('\n');
  const AFTER = [
    '</pre></details></summary><script>alert(1)</script> @github/security www.evil.example fixes #1',
    ...Array.from({ length: 30 }, (_, i) => `line ${i} ${'x'.repeat(50)}`),
  ].join('\n');

  it('renders the answers, the served model names and everything else inert', async () => {
    server = await startReplayServer({
      recordings: [
        { model: 'evil-1 @octocat <b>x</b>', prompt: 'Say hello', output: BEFORE },
        { model: 'evil-2', prompt: 'Say hello', output: AFTER },
      ],
    });
    const root = tempDir({
      'trackrecord.yml': `models:\n  - id: evil\n    model: evil\n    base-url: ${server.baseUrl}\nsuites:\n  - path: suite.yaml\n`,
      'suite.yaml': 'name: nasty\nprompts:\n  - id: greet\n    prompt: Say hello\n    normalize: [trim]\n',
    });
    const models = ['evil-1 @octocat <b>x</b>', 'evil-2'];
    const report = await record(root, 2, (run) => server!.setAliases({ evil: models[run]! }));
    expect(report.models[0]!.drift).toEqual([
      {
        key: 'nasty/greet',
        before: BEFORE,
        after: AFTER,
        flapping: false,
        significant: false,
        regression: false,
        fix: false,
      },
    ]);
    // The first record's served name is hostile too: render a report that shows it.
    const md =
      renderMarkdown(report) + renderMarkdown({ ...report, models: [{ ...report.models[0]!, served: [models[0]!] }] });

    // The only tags are the report's own, and they balance.
    const tags = [...md.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((t) => t[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['details', 'summary', 'pre']));
    for (const tag of ['details', 'summary', 'pre']) {
      expect(md.split(`<${tag}>`).length, tag).toBe(md.split(`</${tag}>`).length);
    }
    expect(md.match(/<pre>/g)).toHaveLength(4); // before and after, in each rendering
    expect(md).not.toContain('<!--');
    expect(md).not.toContain('-->');
    expect(md).not.toMatch(/@(octocat|github)/);
    expect(md).not.toMatch(/https?:\/\/|www\./);
    expect(md).not.toContain('](');
    expect(md).not.toMatch(/[\u202e\r]/);
    expect(md).toContain('Served by: evil-1 @&#8203;octocat &lt;b&gt;x&lt;&#47;b&gt;'.replace('&#47;', '/'));
    // The drift row keeps its four cells and its answers stay on one line.
    const rows = tableRows(md, '| Prompt | Before | After | Kind |');
    expect(rows[0]).toHaveLength(4);
    expect(rows[0]![0]).toBe('nasty/greet');
    expect(rows[0]![1]).toMatch(/^Sure&#33; @&#8203;octocat &lt;\/details&gt;/);
    expect(rows[0]![1]!.endsWith('…')).toBe(true);
    // The full answers are there, cut to 20 lines.
    expect(md).toContain('… 11 more lines not shown');
    expect(md).toContain('&lt;/pre&gt;&lt;/details&gt;&lt;/summary&gt;&lt;script&gt;');
  });
});

describe('renderJson', () => {
  it('round-trips the report', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4') });
    const snapshots = ['gpt-4-0314', 'gpt-4-0613'];
    const report = await record(root, 2, (run) => server!.setAliases({ 'gpt-4': snapshots[run]! }));
    const json = renderJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(report);
  });
});

describe('pValueSentence', () => {
  it.each([
    [0.031, 'p = 0.031: unlikely under no change'],
    [0.62, 'p = 0.62: consistent with noise'],
    [1, 'p = 1: consistent with noise'],
    [0.0004, 'p < 0.001: unlikely under no change'],
    [0.05, 'p = 0.05: consistent with noise'],
  ])('%s -> %s', (p, sentence) => expect(pValueSentence(p)).toBe(sentence));
});
