/**
 * Starts a replay server by hand, to try trackrecord without an API key:
 *
 *   npx tsx tools/replay/main.ts --data data/llmdrift/prime-100.jsonl \
 *     [--port 8787] [--host 127.0.0.1] [--alias gpt-4=gpt-4-0314]... [--latency-ms N] [--api-key KEY]
 *     [--rate-per-minute N [--rate-burst N]] [--log FILE]
 *
 * With --rate-per-minute, requests beyond N a minute (a token bucket of --rate-burst tokens,
 * default 1) get 429 with retry-after. With --log, every chat request (model, status, attempt and
 * arrival time `at` in ms since the epoch) is written to FILE as JSON Lines when the server stops.
 *
 * Prints the base URL to give an OpenAI-compatible client; stops on Ctrl-C.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadLlmdriftRecordings } from './recordings.js';
import { startReplayServer } from './server.js';

const USAGE =
  'usage: tsx tools/replay/main.ts --data FILE.jsonl [--port N] [--host H] [--alias NAME=RECORDED]... ' +
  '[--latency-ms N] [--api-key KEY] [--rate-per-minute N [--rate-burst N]] [--log FILE]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function nonNegativeInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        alias: { type: 'string', multiple: true },
        'latency-ms': { type: 'string' },
        'api-key': { type: 'string' },
        'rate-per-minute': { type: 'string' },
        'rate-burst': { type: 'string' },
        log: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.data) fail('--data is required');
  const aliases: Record<string, string> = {};
  for (const a of values.alias ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0 || eq === a.length - 1) fail(`--alias must look like NAME=RECORDED, got "${a}"`);
    aliases[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const perMinute = positiveNumber('rate-per-minute', values['rate-per-minute']);
  const burst = nonNegativeInt('rate-burst', values['rate-burst']);
  if (burst !== undefined && perMinute === undefined) fail('--rate-burst needs --rate-per-minute');
  if (burst === 0) fail('--rate-burst must be at least 1');
  const recordings = await loadLlmdriftRecordings(values.data);
  const recorded = new Set(recordings.map((r) => r.model));
  for (const [from, to] of Object.entries(aliases)) {
    if (!recorded.has(to)) fail(`--alias ${from}=${to}: ${to} is not in ${values.data}`);
  }
  const server = await startReplayServer({
    recordings,
    aliases,
    host: values.host,
    port: nonNegativeInt('port', values.port),
    latencyMs: nonNegativeInt('latency-ms', values['latency-ms']),
    apiKey: values['api-key'],
    rateLimit: perMinute === undefined ? undefined : { perMinute, burst },
  });
  console.log(`replaying ${recordings.length} recordings for ${[...recorded].join(', ')}`);
  for (const [from, to] of Object.entries(aliases)) console.log(`alias ${from} -> ${to}`);
  if (perMinute !== undefined) console.log(`rate limit ${perMinute} requests a minute, burst ${burst ?? 1}`);
  console.log(server.baseUrl);
  const log = values.log;
  const stop = (): void => {
    void server.close().then(() => {
      if (log) {
        const lines = server
          .requests()
          .map(({ arrivedAt, ...r }) => JSON.stringify({ ...r, at: performance.timeOrigin + arrivedAt }));
        writeFileSync(log, lines.map((l) => `${l}\n`).join(''));
      }
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
