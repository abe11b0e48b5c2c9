import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli, runDistCli } from '../support/cli.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('trackrecord run', () => {
  it('prints the run summary as JSON with the fields of the design', async () => {
    server = await startPrimeServer();
    const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    const result = await runCli(['run', '--json', '--no-history'], root);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { run: { id: string }; models: Array<Record<string, unknown>> };
    expect(summary.run.id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect(summary.models).toHaveLength(1);
    expect(Object.keys(summary.models[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'passRate',
        'agreement',
        'stability',
        'reliability',
        'reliabilityInterval',
        'drifted',
        'regressions',
        'fixes',
        'errors',
      ]),
    );
    expect(summary.models[0]).toMatchObject({ id: 'gpt-4', passRate: 0.83, errors: { timeout: 0, 'rate-limited': 0 } });
  });

  it('prints just the summary on stdout, and nothing but progress on stderr', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'c.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    const result = await runCli(['run', '--config', 'c.yml'], root);
    expect(result.code).toBe(0);
    // A run this short is quiet unless the machine is slow (the quiet period is tested with a clock
    // in test/run/progress.test.ts); whatever stderr holds must be progress lines.
    expect(result.stderr).toMatch(/^(trackrecord \d+% \(\d+\/100 requests, 0 errors, [\d.]+s\)\n)*$/);
    // Line by line; only the run id and the latency vary from run to run.
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^run \d{8}T\d{6}Z-\w+$/),
      expect.stringMatching(
        /^ {2}gpt-4: reliability 83\.0% \[74\.5%, 89\.1%\], pass rate 83\.0%, stability n\/a, agreement n\/a, p50 \d+ ms, no errors$/,
      ),
      '    100 new series',
      // The first five failing prompts, with the answer most samples gave and the check it fails.
      '    17 failing prompts:',
      '      llmdrift-prime/prime-18229: "no" (expected: equals "yes")',
      '      llmdrift-prime/prime-12539: "no" (expected: equals "yes")',
      '      llmdrift-prime/prime-6229: no answer extracted (expected: equals "yes")',
      '      llmdrift-prime/prime-12537: "yes" (expected: equals "no")',
      '      llmdrift-prime/prime-6333: "yes" (expected: equals "no")',
      '      … and 12 more (report.md, --json)',
      'history: .trackrecord/history.jsonl (+1 record)',
      'report:  .trackrecord/report.md',
      'badge:   .trackrecord/badge.svg',
      '',
    ]);
  });

  const broken: Array<[string, (config: string) => Record<string, string>, RegExp]> = [
    [
      'a typo in a key',
      (c) => ({ 'c.yml': c.replace('temperature:', 'temprature:') }),
      /c\.yml:5:5: models\[0\]\.temprature: unknown key "temprature" \(did you mean "temperature"\?\)/,
    ],
    [
      'a missing model id',
      (c) => ({ 'c.yml': c.replace('  - id: gpt-4\n    model', '  - model') }),
      /c\.yml:2:5: models\[0\]: missing required key "id"/,
    ],
    [
      'a duplicate prompt id',
      (c) => ({
        'c.yml': c.replace(/path: .*/, 'path: s.yaml'),
        's.yaml': 'name: s\nprompts:\n  - id: a\n    prompt: x\n  - id: a\n    prompt: y\n',
      }),
      /s\.yaml:5:9: prompts\[1\]\.id: duplicate prompt id "a"/,
    ],
    [
      'a bad regex',
      (c) => ({
        'c.yml': c.replace(/path: .*/, 'path: s.yaml'),
        's.yaml': 'name: s\nprompts:\n  - id: a\n    prompt: x\n    extract: { regex: "(" }\n',
      }),
      /s\.yaml:5:\d+: prompts\[0\]\.extract: regex \/\(\/: not valid RE2 syntax: missing closing \)/,
    ],
    [
      'a regex with a lookahead',
      (c) => ({
        'c.yml': c.replace(/path: .*/, 'path: s.yaml'),
        's.yaml': "name: s\nprompts:\n  - id: a\n    prompt: x\n    expect:\n      - regex: 'a(?!b)'\n",
      }),
      /s\.yaml:6:\d+: prompts\[0\]\.expect\[0\]: regex \/a\(\?!b\)\/: lookahead \(\?!\.\.\.\): regexes run in linear time/,
    ],
    ['broken YAML', (c) => ({ 'c.yml': `${c}\n  bad: [\n` }), /c\.yml:\d+:\d+: YAML syntax error/],
    [
      'an alias with no anchor',
      (c) => ({
        'c.yml': c.replace(/path: .*/, 'path: s.yaml'),
        's.yaml': 'name: s\nprompts:\n  - id: a\n    prompt: *text\n',
      }),
      /s\.yaml:4:13: alias \*text has no anchor &text before it/,
    ],
  ];

  it.each(broken)('exits 2 before any request on %s, naming file, line and key path', async (_name, files, message) => {
    server = await startPrimeServer();
    const root = tempDir(files(primeConfig(server.baseUrl, 'gpt-4-0314')));
    const result = await runCli(['run', '--config', 'c.yml'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(server.stats().requests).toBe(0);
  });

  it('refuses to run on a history that does not verify: exit 1, no request, file untouched', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'c.yml': primeConfig(server.baseUrl, 'gpt-4-0314') });
    expect((await runCli(['run', '--config', 'c.yml', '--quiet'], root)).code).toBe(0);
    expect((await runCli(['run', '--config', 'c.yml', '--quiet'], root)).code).toBe(0);
    const path = join(root, '.trackrecord/history.jsonl');
    const tampered = readFileSync(path, 'utf8').replace('"trigger":"cli"', '"trigger":"cla"');
    writeFileSync(path, tampered);
    const before = server.stats().requests;

    const result = await runCli(['run', '--config', 'c.yml'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^trackrecord: history does not verify: \.trackrecord\/history\.jsonl:2: prev does not match/,
    );
    expect(result.stderr).toMatch(/the history was not modified/);
    expect(server.stats().requests).toBe(before);
    expect(readFileSync(path, 'utf8')).toBe(tampered);
  });

  it('exits 2 on an unknown option', async () => {
    const result = await runCli(['run', '--nope'], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--nope'/);
  });
});

describe('the bundled bin', () => {
  it('runs end to end and never shows the API key anywhere', async () => {
    const sentinel = 'sk-trackrecord-SENTINEL-7f3a9c';
    server = await startPrimeServer({ apiKey: sentinel, faults: { serverError: { share: 0.2, attempts: Infinity } } });
    const root = tempDir({ '.github/trackrecord.yml': primeConfig(server.baseUrl, 'gpt-4-0314', 'retries: 1\n') });
    const result = await runDistCli(['run', '--json'], root, { OPENAI_API_KEY: sentinel });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { models: Array<{ passRate: number; errors: { server: number } }> };
    // The key was accepted (no auth errors) and some requests failed for good, so error paths ran too.
    expect(summary.models[0]!.errors.server).toBeGreaterThan(0);
    expect(summary.models[0]!.passRate).toBeGreaterThan(0);
    expect(result.stdout).not.toContain('SENTINEL');
    expect(result.stderr).not.toContain('SENTINEL');
    for (const file of filesUnder(root)) expect(readFileSync(file, 'utf8')).not.toContain('SENTINEL');
  });
});

describe('trackrecord validate', () => {
  it('accepts a good suite and rejects a bad one with exit 2, without a model call', async () => {
    const root = tempDir({
      'good.yaml': 'name: good\nprompts:\n  - id: a\n    prompt: hi\n',
      'bad.yaml': 'name: bad\nprompts:\n  - id: a\n    prompt: hi\n    expect:\n      - contians: x\n',
    });
    const ok = await runCli(['validate', 'good.yaml'], root);
    expect(ok).toMatchObject({ code: 0, stdout: 'ok good.yaml: suite "good" with 1 prompt\n' });
    const bad = await runCli(['validate', 'good.yaml', 'bad.yaml'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'bad.yaml:6:9: prompts[0].expect[0].contians: unknown key "contians" (did you mean "contains"?)\n',
    );
  });

  it('checks a config together with the suites it names', async () => {
    const root = tempDir({
      '.github/trackrecord.yml': 'models: [{ id: a, model: m }]\nsuites: [{ path: s.yaml }]\n',
      's.yaml': 'name: s\nprompts:\n  - id: a\n    prompt: hi\n    extract: { json-path: "$.a[" }\n',
    });
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^s\.yaml:5:\d+: prompts\[0\]\.extract: json-path "\$\.a\[": /);
  });

  it('knows a config that reuses one anchor more than a hundred times', async () => {
    const models = Array.from({ length: 101 }, (_, i) => `  - { id: m${i}, model: m, base-url: *url }`);
    const root = tempDir({
      'c.yml': `x-url: &url http://127.0.0.1:1/v1\nmodels:\n${models.join('\n')}\nsuites: [{ path: s.yaml }]\n`,
      's.yaml': 'name: s\nprompts:\n  - id: a\n    prompt: hi\n',
    });
    const result = await runCli(['validate', 'c.yml'], root);
    // Read as a config: its schema, not the suite schema, names the extra key.
    expect(result.stderr).toMatch(/^c\.yml:1:1: x-url: unknown key "x-url"/);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
