import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pValue } from '../../src/util/numbers.js';
import { loadConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/read.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { HistoryView } from '../../src/history/view.js';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { CSP, renderHtml } from '../../src/report/html.js';
import { escapeHtml } from '../../src/report/html/text.js';
import { buildReport, type Report } from '../../src/report/data/report.js';
import { runAndRecord } from '../../src/app/run-and-record.js';
import { primeConfig, primeTruth, startPrimeServer } from '../support/prime.js';
import { makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const servers: ReplayServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close();
});

/** Runs the config in `root` once per step (`before` sets the server up), then reports with every run's drift. */
async function recordRuns(root: string, steps: number, before: (step: number) => void): Promise<Report> {
  const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
  for (let step = 0; step < steps; step++) {
    before(step);
    await runAndRecord(config, { root, env: {}, useHistory: true });
  }
  const { records } = await readHistory(join(root, '.trackrecord/history.jsonl'));
  return buildReport(new HistoryView(records), { runDrift: true });
}

/** Real runs of `gpt-4` on the prime suite, one per snapshot, against the replay server. */
async function primeReport(snapshots: string[]): Promise<Report> {
  const server = await startPrimeServer();
  servers.push(server);
  const root = tempDir({ 'trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4') });
  return recordRuns(root, snapshots.length, (step) => server.setAliases({ 'gpt-4': snapshots[step]! }));
}

const BEFORE = [
  'Sure! <img src=x onerror="window.__pwned=1"> </td></tr></table>',
  '<a href="https://evil.example/">click</a> <link rel=stylesheet href=//evil.example/x.css>',
  '\'quoted\' "double" & <!-- comment',
  'reversed \u202Etxt.exe',
].join('\n');
const AFTER = [
  '</div></details></script><script>window.__pwned=1</script><style>body{display:none}</style>',
  '<svg onload="window.__pwned=1"><iframe src="https://evil.example"></iframe>',
  ...Array.from({ length: 30 }, (_, i) => `line ${i}`),
].join('\n');
const HOSTILE_MODEL = 'evil-1 <b onmouseover=alert(1)>x</b>';

/** Two real runs of a model whose answer (and served model name) is hostile markup. */
async function hostileReport(): Promise<Report> {
  const server = await startReplayServer({
    recordings: [
      { model: HOSTILE_MODEL, prompt: 'Say hello', output: BEFORE },
      { model: 'evil-2', prompt: 'Say hello', output: AFTER },
    ],
  });
  servers.push(server);
  const root = tempDir({
    'trackrecord.yml': `models:\n  - id: evil\n    model: evil\n    base-url: ${server.baseUrl}\nsuites:\n  - path: suite.yaml\n`,
    'suite.yaml': 'name: nasty\nprompts:\n  - id: greet\n    prompt: Say hello\n    normalize: [trim]\n',
  });
  const models = [HOSTILE_MODEL, 'evil-2'];
  const report = await recordRuns(root, 2, (step) => server.setAliases({ evil: models[step]! }));
  // Show the hostile served name, and make fingerprints and run ids hostile too.
  const m = report.models[0]!;
  m.served = [HOSTILE_MODEL];
  m.trend[1]!.fingerprints = ['fp_<script>window.__pwned=1</script>'];
  m.trend[1]!.fingerprintChanged = true;
  m.trend[0]!.runId = '<img src=x onerror="window.__pwned=1">';
  return report;
}

/** Both reports as one: a page with two models. */
function merge(a: Report, b: Report): Report {
  return {
    records: a.records + b.records,
    partial: a.partial || b.partial,
    trend: a.trend,
    models: [...a.models, ...b.models],
  };
}

const changedPrimes = () => {
  const march = primeTruth('gpt-4-0314');
  const june = primeTruth('gpt-4-0613');
  return { march, june, changed: [...march.keys()].filter((id) => march.get(id)!.answer !== june.get(id)!.answer) };
};

/** The points of the chart's polylines of one series, over all its segments. */
function seriesPoints(svg: string, series: string): number {
  const lines = [...svg.matchAll(new RegExp(`<polyline [^>]*data-series="${series}"[^>]*points="([^"]*)"`, 'g'))];
  return lines.reduce((n, l) => n + l[1]!.trim().split(/\s+/).length, 0);
}

/** The values of an attribute in the markup's own tags (not in escaped text). */
function attributes(html: string, name: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.flatMap((tag) =>
    [...tag.matchAll(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, 'gi'))].map((a) =>
      a[1]!.replace(/^["']|["']$/g, ''),
    ),
  );
}

const charts = (html: string) => [...html.matchAll(/<svg class="chart"[\s\S]*?<\/svg>/g)].map((m) => m[0]);

describe('escapeHtml', () => {
  it('escapes the five characters that mean something in HTML text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & </script>`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; &lt;/script&gt;',
    );
    expect(escapeHtml('plain text, 100%')).toBe('plain text, 100%');
  });
});

describe('renderHtml on the real GPT-4 drift (March -> June 2023)', () => {
  it('is a complete, self-contained document with the summary, a chart and exactly the drifted prompts', async () => {
    const report = await primeReport(['gpt-4-0314', 'gpt-4-0613']);
    const html = renderHtml(report);
    const m = report.models[0]!;
    const { march, june, changed } = changedPrimes();

    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(CSP).not.toContain('script-src'); // there is no script
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>trackrecord report: gpt-4</title>');
    expect(html).toContain('@media (prefers-color-scheme: dark)');

    // Summary row: the model, its reliability with interval, pass rate, stability, drift, regressions.
    const row = /<table class="summary">[\s\S]*?<tbody>\n(<tr>.*<\/tr>)\n<\/tbody>/.exec(html)![1]!;
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]);
    expect(m.metrics.drift).toMatchObject({ significant: true, prompts: [] });
    expect(cells).toEqual([
      '<a href="#model-1"><strong>gpt-4</strong></a>',
      expect.stringMatching(/^\d+\.\d% \(\d+\.\d%–\d+\.\d%\)$/),
      `${(m.metrics.passRate! * 100).toFixed(1)}%`,
      `${((1 - changed.length / march.size) * 100).toFixed(1)}%`,
      'n/a',
      // Two runs of one sample: the suite changed beyond noise, no prompt can be named alone. The p is a
      // permutation p-value seeded by the run id: the cell shows the record's own.
      `<strong>changed</strong> (${pValue(m.metrics.drift!.p!).replace('<', '&lt;')}), 0 named`,
      String(m.regressions.length),
      '0',
      '0',
      m.run.startedAt.slice(0, 10),
    ]);

    // One chart, accessible, with one point per run in each line it has.
    const [chart, ...more] = charts(html);
    expect(more).toHaveLength(0);
    expect(chart).toMatch(
      /^<svg class="chart" id="model-1-chart" role="img" aria-labelledby="model-1-title model-1-desc" viewBox="0 0 720 300"/,
    );
    expect(chart).toContain(
      '<title id="model-1-title">Reliability (with its 95% interval), pass rate and stability of gpt-4 over the last 2 runs</title>',
    );
    expect(chart).toMatch(
      /<desc id="model-1-desc">Latest run: reliability \d+\.\d% .*The system fingerprint changed in 1 run and prompts drifted in 1 run of these 2 runs\.<\/desc>/,
    );
    expect(seriesPoints(chart!, 'reliability')).toBe(2);
    expect(seriesPoints(chart!, 'passRate')).toBe(2);
    expect(seriesPoints(chart!, 'stability')).toBe(1); // the first run has nothing to be stable against
    expect(chart!.match(/<path class="band"/g)).toHaveLength(1);
    expect(chart!.match(/<g class="mark fp">/g)).toHaveLength(1);
    expect(chart!.match(/<g class="mark drift">/g)).toHaveLength(1);
    expect(chart).toContain(`<title>System fingerprint changed: now ${m.systemFingerprints[0]}</title>`);
    expect(chart).toContain(`<title>${changed.length} prompts drifted</title>`);
    // The data table fallback, one row per run.
    const data = /<details class="data">[\s\S]*?<\/details>/.exec(html)![0];
    expect(data.match(/<tr><td>/g)).toHaveLength(2);
    expect(html).toContain(`system fingerprint now <code>${m.systemFingerprints[0]}</code>`);

    // The drifted prompts of the latest run, with the March answer before and the June answer after.
    const latest = html.slice(
      html.indexOf('<h3>Drifted prompts in the latest run</h3>'),
      html.indexOf('<h3>Drifted prompts in earlier runs</h3>'),
    );
    expect(latest).toContain(
      // More than ten rows start folded, in the markdown report too.
      `<details class="run"><summary>${changed.length} drifted prompts (${changed.length} new behavior, 0 flapping back to an earlier answer)</summary>`,
    );
    const rows = [
      ...latest.matchAll(
        /<tr><td class="key-cell">llmdrift-prime\/(prime-\d+)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((r) => r[1]).sort()).toEqual([...changed].sort());
    const shown = (a: string | null) =>
      a === null ? '<span class="none">no answer</span>' : `<div class="answer">${a}</div>`;
    for (const [, id, before, after, kind] of rows) {
      expect([before, after], id).toEqual([shown(march.get(id!)!.answer), shown(june.get(id!)!.answer)]);
      const flipped = march.get(id!)!.correct !== june.get(id!)!.correct;
      expect(kind).toBe(
        `<span class="tag drift">drift</span>${flipped ? ` <span class="tag ${march.get(id!)!.correct ? 'regression' : 'fix'}">${march.get(id!)!.correct ? 'regression' : 'fix'}</span>` : ''}`,
      );
    }
    // The drift test judged these flips: no second p-value beside its verdict.
    expect(html).not.toContain('McNemar');
    expect(html).toContain('Availability: 100% of 100 requests answered.');
    expect(html).toContain('<p class="note">No drift in the 1 earlier run shown.</p>');

    // Nothing to fetch: no src at all, every href is a fragment or the empty data: favicon.
    expect(attributes(html, 'src')).toEqual([]);
    expect(attributes(html, 'href')).toEqual(['data:,', '#model-1']);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/url\(|@import/);

    // Same report, same bytes (also after a JSON round trip).
    expect(renderHtml(report)).toBe(html);
    expect(renderHtml(JSON.parse(JSON.stringify(report)) as Report)).toBe(html);
  });

  it('lists the drifted prompts of earlier runs, newest first, folded, when the report has them', async () => {
    const report = await primeReport(['gpt-4-0314', 'gpt-4-0613', 'gpt-4-0314']);
    const html = renderHtml(report);
    const m = report.models[0]!;
    const { changed } = changedPrimes();
    // The latest run went back to the March answers: all flapping.
    expect(html).toContain(
      // More than ten rows start folded, in the markdown report too.
      `<details class="run"><summary>${changed.length} drifted prompts (0 new behavior, ${changed.length} flapping back to an earlier answer)</summary>`,
    );
    const earlier = html.slice(html.indexOf('<h3>Drifted prompts in earlier runs</h3>'));
    const folded = [
      ...earlier.matchAll(
        /<details class="run"><summary>Run <code>(.*?)<\/code>.*?: (\d+) drifted prompts.*?<\/summary>/g,
      ),
    ];
    expect(folded.map((f) => [f[1], Number(f[2])])).toEqual([[m.trend[1]!.runId, changed.length]]);
    expect(earlier).toContain('<p class="note">No drift in the other 1 earlier run shown.</p>');
    const chart = charts(html)[0]!;
    expect(chart.match(/<g class="mark drift">/g)).toHaveLength(1);
    expect(chart.match(/<g class="mark drift flapping-only">/g)).toHaveLength(1);
    expect(chart.match(/<g class="mark fp">/g)).toHaveLength(2);

    // A report built without every run's drift has no such section.
    const plain = {
      ...report,
      models: report.models.map((x) => ({ ...x, trend: x.trend.map(({ drift: _, ...p }) => p) })),
    };
    expect(renderHtml(plain)).not.toContain('Drifted prompts in earlier runs');
  });

  it('says so when there is nothing to compare yet, and when the history is empty', async () => {
    const one = renderHtml(await primeReport(['gpt-4-0314']));
    expect(one).toContain('No earlier answers to compare with yet.');
    expect(one).toContain('100 prompts started a new series');
    const chart = charts(one);
    expect(chart).toHaveLength(1); // a chart of one run: its points
    expect(seriesPoints(chart[0]!, 'reliability')).toBe(1);
    expect(one).not.toContain('Drifted prompts in earlier runs');

    const empty = renderHtml(buildReport(new HistoryView()));
    expect(empty).toContain('No records yet: the history is empty.');
    expect(empty).toContain(`content="${CSP}"`);
    expect(charts(empty)).toHaveLength(0);
  });
});

describe('renderHtml', () => {
  const records = makeRecords(120, { models: ['a', 'b', 'c'], prompts: 12, samples: 2, seed: 11 }).map(
    (r) => ({ ...r, prev: '' }) as HistoryRecord,
  );

  it('draws one chart per model, with few x labels over a long trend and gaps where a run has no value', () => {
    const report = buildReport(new HistoryView(records), { runDrift: true });
    expect(report.models.map((m) => m.trend.length)).toEqual([30, 30, 30]);
    const html = renderHtml(report);
    const all = charts(html);
    expect(all).toHaveLength(3);
    all.forEach((chart, i) => {
      const m = report.models[i]!;
      expect(chart).toContain(`id="model-${i + 1}-chart"`);
      for (const series of ['reliability', 'passRate', 'stability'] as const) {
        expect(seriesPoints(chart, series), `${m.id} ${series}`).toBe(m.trend.filter((p) => p[series] !== null).length);
      }
      const xLabels = [...chart.matchAll(/<text class="tick" [^>]*y="266"[^>]*>/g)];
      expect(xLabels.length).toBeGreaterThan(1);
      expect(xLabels.length).toBeLessThanOrEqual(8);
      expect(chart.match(/<rect class="hit"/g)).toHaveLength(30);
    });
    // Model sections in history order, each with its earlier runs' drift folded.
    expect([...html.matchAll(/<h2 id="model-(\d)-h">(.*?)<\/h2>/g)].map((h) => [h[1], h[2]])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    const folded = report.models.reduce(
      (n, m) => n + m.trend.slice(0, -1).filter((p) => p.drift!.length > 0).length,
      0,
    );
    expect(folded).toBeGreaterThan(0);
    expect(html.match(/<details class="run">/g)).toHaveLength(folded);

    // Earlier runs' changes read by their own record's drift verdict: within noise when it held.
    const quiet = structuredClone(report);
    const earlier = quiet.models[0]!.trend[0]!;
    earlier.verdict = { significant: false, p: 0.4, prompts: [], detectableShift: null };
    earlier.drift = [
      { key: 's/x', before: 'a', after: 'b', flapping: false, significant: false, regression: false, fix: false },
    ];
    const section = renderHtml(quiet).split('<h3>Drifted prompts in earlier runs</h3>')[1]!;
    expect(section).toMatch(/<td class="key-cell">s\/x<\/td>.*<span class="tag within-noise">within noise<\/span>/);
    earlier.verdict = undefined;
    expect(renderHtml(quiet)).toMatch(/<td class="key-cell">s\/x<\/td>.*<span class="tag drift">drift<\/span>/);

    // A run with no reliability breaks the line in two.
    const gap = structuredClone(report);
    gap.models[0]!.trend[10]!.reliability = null;
    gap.models[0]!.trend[10]!.reliabilityInterval = null;
    const chart = charts(renderHtml(gap))[0]!;
    expect(chart.match(/<polyline [^>]*data-series="reliability"/g)).toHaveLength(2);
    expect(chart.match(/<path class="band"/g)).toHaveLength(2);
    expect(seriesPoints(chart, 'reliability')).toBe(29);
  });

  it('links the run only when it has a plain https URL', () => {
    const report = buildReport(new HistoryView(records.slice(0, 6)), { models: ['a'] });
    const run = report.models[0]!.run;
    run.url = 'https://github.com/o/r/actions/runs/1';
    expect(renderHtml(report)).toContain(`<a href="https://github.com/o/r/actions/runs/1" rel="noopener noreferrer">`);
    for (const url of [
      'javascript:alert(1)',
      'http://github.com/x',
      'https://x.example/"><img src=x>',
      '//evil.example/a',
    ]) {
      run.url = url;
      const html = renderHtml(report);
      expect(attributes(html, 'href'), url).toEqual(['data:,', '#model-1']);
    }
  });
});

describe('renderHtml with hostile model output', () => {
  it('renders answers, model names, fingerprints and run ids as text', async () => {
    const report = await hostileReport();
    const html = renderHtml(report);
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

    // Only the page's own elements.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((t) => t[1]!.toLowerCase()));
    const own =
      'html head meta title link style body main h1 h2 h3 p div table thead tbody tr th td a code section figure svg desc line text rect path polyline circle g figcaption ul li span details summary strong footer';
    expect([...tags].filter((t) => !own.split(' ').includes(t))).toEqual([]);
    for (const tag of ['img', 'script', 'iframe', 'b']) expect(html).not.toMatch(new RegExp(`<${tag}[\\s>]`, 'i'));
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html.match(/<table/g)!.length).toBe(html.match(/<\/table>/g)!.length);
    expect(html.match(/<details/g)!.length).toBe(html.match(/<\/details>/g)!.length);
    expect(html).not.toMatch(/<[a-zA-Z][^>]*\son\w+\s*=/i);
    expect(html).not.toContain('<!--');
    expect(attributes(html, 'src')).toEqual([]);
    expect(attributes(html, 'href')).toEqual(['data:,', '#model-1']);
    expect(html).not.toMatch(/[\u202e\r]/);

    expect(html).toContain(
      'Sure! &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;',
    );
    expect(html).toContain('&lt;/div&gt;&lt;/details&gt;&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&#39;quoted&#39; &quot;double&quot; &amp; &lt;!-- comment');
    expect(html).toContain('… 12 more lines not shown'); // 32 lines, 20 shown
    expect(html).toContain('Served by: <code>evil-1 &lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;</code>.');
    expect(html).toContain('<code>fp_&lt;script&gt;window.__pwned=1&lt;/script&gt;</code>');
    expect(html).toContain('<td><code>&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</code></td>');
  });
});

// --- In a real browser -------------------------------------------------------------------------

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const haveChromium = existsSync(CHROMIUM);

/**
 * What the page functions below use of the browser. They run in the page, but the project
 * compiles without the DOM library, so they reach its globals through these shapes.
 */
interface Node$ {
  open: boolean;
  points: { numberOfItems: number };
  getBBox(): { width: number; height: number };
  getAttribute(name: string): string | null;
  querySelector(selector: string): Node$ | null;
  querySelectorAll(selector: string): Iterable<Node$>;
}
interface Window$ {
  document: {
    body: Node$;
    querySelectorAll(selector: string): Iterable<Node$>;
    getElementById(id: string): { textContent: string | null } | null;
  };
  getComputedStyle(element: Node$): { stroke: string; fill: string; backgroundColor: string };
  __pwned?: unknown;
}
// Under CI a missing browser is a failure (.ci/run installs it); elsewhere the test says why it skips.
const browserDescribe = haveChromium || process.env['CI'] ? describe : describe.skip;
if (!haveChromium && !process.env['CI']) {
  console.warn(`html.test.ts: ${CHROMIUM} is missing, skipping the browser tests (apt-get install chromium)`);
}

browserDescribe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
    dir = mkdtempSync(join(tmpdir(), 'trackrecord-html-'));
    // Playwright gives the browser a fresh temporary profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders every chart, requests nothing, logs no error, and runs none of the hostile markup', async () => {
    const report = merge(await primeReport(['gpt-4-0314', 'gpt-4-0613']), await hostileReport());
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report));
    const url = pathToFileURL(file).href;

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    // Open every fold, so that everything the page has is laid out.
    await page.evaluate(() => {
      for (const d of (globalThis as unknown as Window$).document.querySelectorAll('details')) d.open = true;
    });

    expect(problems).toEqual([]);
    expect(requests.filter((r) => r !== url)).toEqual([]);
    expect(await page.$$('img, script, iframe, b')).toHaveLength(0);
    expect(await page.evaluate(() => (globalThis as unknown as Window$).__pwned)).toBeUndefined();
    expect(await page.title()).toBe('trackrecord report: gpt-4, evil');
    const text = await page.textContent('body');
    expect(text).toContain('Sure! <img src=x onerror="window.__pwned=1"> </td></tr></table>');
    expect(text).toContain('</div></details></script><script>window.__pwned=1</script>');

    const svgs = await page.$$('svg.chart');
    expect(svgs).toHaveLength(2);
    for (const [i, svg] of svgs.entries()) {
      const m = report.models[i]!;
      const box = await svg.boundingBox();
      expect(box!.width, m.id).toBeGreaterThan(300);
      expect(box!.height, m.id).toBeGreaterThan(100);
      const drawn = await svg.evaluate((element) => {
        const { document, getComputedStyle } = globalThis as unknown as Window$;
        const el = element as unknown as Node$;
        const count = (series: string) =>
          [...el.querySelectorAll(`polyline[data-series="${series}"]`)].reduce((n, p) => n + p.points.numberOfItems, 0);
        const line = el.querySelector('polyline[data-series="reliability"]')!;
        const style = getComputedStyle(line);
        return {
          reliability: count('reliability'),
          passRate: count('passRate'),
          stability: count('stability'),
          band: [...el.querySelectorAll('path.band')].length,
          dots: [...el.querySelectorAll('circle.dot.s-rel')].filter((c) => c.getBBox().width > 0).length,
          lineWidth: line.getBBox().width,
          stroke: style.stroke,
          fill: style.fill,
          labelledBy: el
            .getAttribute('aria-labelledby')!
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? null),
        };
      });
      expect(drawn).toMatchObject({
        reliability: m.trend.filter((p) => p.reliability !== null).length,
        passRate: m.trend.filter((p) => p.passRate !== null).length,
        stability: m.trend.filter((p) => p.stability !== null).length,
        band: 1,
        fill: 'none',
      });
      // Both runs of GPT-4 are on the chart; the hostile model's first run has no reliability (no checks, nothing to compare).
      expect(drawn.reliability).toBe(i === 0 ? 2 : 1);
      expect(drawn.dots).toBe(drawn.reliability);
      if (i === 0) expect(drawn.lineWidth).toBeGreaterThan(400);
      expect(drawn.stroke).toMatch(/^rgb\(/); // the inline stylesheet applied: CSP let it in
      expect(drawn.labelledBy[0]).toContain(`of ${m.id} over the last 2 runs`);
      expect(drawn.labelledBy[1]).toMatch(/^Latest run: reliability/);
    }

    // Dark mode has its own colours.
    const background = () =>
      page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as Window$;
        return getComputedStyle(document.body).backgroundColor;
      });
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    expect(problems).toEqual([]);
    await page.close();
  });
});
