/**
 * `npm run demo`: trackrecord on real recorded data, with no API key and no network.
 *
 * A local OpenAI-compatible server replays GPT-4's answers to 100 "is N prime?" questions,
 * recorded in March and June 2023 for the LLMDrift study. The model name `gpt-4` points at the
 * March snapshot for the first nightly run and at the June snapshot for the second, the way a
 * provider moves an alias, and trackrecord runs the same suite both nights.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../src/cli/main.js';
import { loadLlmdriftRecordings, startReplayServer } from '../src/replay/index.js';

const repo = resolve(import.meta.dirname, '..');
const workspace = mkdtempSync(join(tmpdir(), 'trackrecord-demo-'));
const recordings = await loadLlmdriftRecordings(join(repo, 'data/llmdrift/prime-100.jsonl'));
const server = await startReplayServer({ recordings, aliases: { 'gpt-4': 'gpt-4-0314' }, latencyMs: 20 });

mkdirSync(join(workspace, '.github'), { recursive: true });
writeFileSync(
  join(workspace, '.github/trackrecord.yml'),
  `# Written by npm run demo: GPT-4 on the LLMDrift prime questions, replayed locally.
models:
  - id: gpt-4
    model: gpt-4
    base-url: ${server.baseUrl}
    temperature: 0.1
suites:
  - path: ${join(repo, 'examples/llmdrift/prime.yaml')}
concurrency: 8
`,
);

const io = { cwd: workspace, env: {}, stdout: process.stdout, stderr: process.stderr };
try {
  for (const [night, snapshot] of [
    ['night 1', 'gpt-4-0314'],
    ['night 2', 'gpt-4-0613'],
  ] as const) {
    server.setAliases({ 'gpt-4': snapshot });
    console.log(`\n== ${night}: the provider serves ${snapshot} as "gpt-4"`);
    // Exit 1 on night 2 is the point: the June snapshot breaks `fail-on-regression`.
    const code = await cli(['run'], io);
    if (code === 1) console.log('(exit 1: a threshold failed, as it should on this drift)');
    else if (code !== 0) process.exitCode = code;
  }
  console.log(`\nworkspace: ${workspace}`);
} finally {
  await server.close();
}
