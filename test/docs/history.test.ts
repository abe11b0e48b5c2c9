import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { storedTexts } from '../../src/history/texts.js';
import { readHistory } from '../../src/history/read.js';
import { runAndRecord } from '../../src/app/run-and-record.js';
import { REPO_ROOT, primeConfig, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The verifier docs/history.md gives readers, taken from the page itself so the page cannot go stale. */
function documentedVerifier(): string {
  const page = readFileSync(join(REPO_ROOT, 'docs/history.md'), 'utf8');
  const block = /```python\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('docs/history.md has no python block');
  return block[1]!;
}

describe('docs/history.md', () => {
  it('gives a standalone verifier that accepts a real history and catches a changed byte', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'c.yml': primeConfig(server.baseUrl, 'gpt-4-0314'), 'verify.py': documentedVerifier() });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    for (let i = 0; i < 3; i++) await runAndRecord(config, { root, env: {}, useHistory: true, nightly: true });
    const history = join(root, config.history);
    const python = (file: string) => spawnSync('python3', ['verify.py', file], { cwd: root, encoding: 'utf8' });

    const intact = python(history);
    expect(intact.error).toBeUndefined();
    expect(intact).toMatchObject({ status: 0, stdout: 'chain intact\n' });

    writeFileSync(history, readFileSync(history, 'utf8').replace('"trigger":"cli"', '"trigger":"cl1"'));
    const tampered = python(history);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toBe(`${history} line 2: chain broken\n`);
  });

  it('gives a verifier that agrees on texts with lone surrogates, which are stored as U+FFFD', async () => {
    // Lone surrogates in the output, and escaped in JSON an answer is extracted from; a regex
    // capturing one character takes a whole pair.
    server = await startReplayServer({
      recordings: [
        { model: 'm', prompt: 'raw', output: 'broken \ud800 text' },
        { model: 'm', prompt: 'json', output: '{"a": "x\\udfff"}' },
        { model: 'm', prompt: 'emoji', output: '\u{1F600} yes' },
      ],
    });
    const root = tempDir({
      'c.yml': `models:\n  - id: m\n    model: m\n    base-url: ${server.baseUrl}\nsuites:\n  - path: s.yaml\n`,
      's.yaml': [
        'name: s',
        'prompts:',
        '  - {id: raw, prompt: raw}',
        '  - {id: json, prompt: json, extract: {json-path: $.a}}',
        '  - {id: emoji, prompt: emoji, extract: {regex: "^(.)"}}',
      ].join('\n'),
      'verify.py': documentedVerifier(),
    });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    for (let i = 0; i < 2; i++) await runAndRecord(config, { root, env: {}, useHistory: true, nightly: true });
    const history = join(root, config.history);
    const python = spawnSync('python3', ['verify.py', history], { cwd: root, encoding: 'utf8' });
    expect(python).toMatchObject({ status: 0, stdout: 'chain intact\n' });

    const texts = (await readHistory(history)).records.map((r) => storedTexts(r));
    expect(Object.values(texts[0]!).flatMap((byRef) => Object.values(byRef)).sort()).toEqual(
      ['broken \uFFFD text', 'x\uFFFD', '{"a": "x\\udfff"}', '\u{1F600}', '\u{1F600} yes'].sort(),
    );
    expect(texts[1]).toEqual({}); // the second run's texts are all known: nothing new
  });
});
