import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recording } from '../tools/replay/index.js';

const repo = join(import.meta.dirname, '..');

export interface ReplayProcessOptions {
  /** Requests a minute the server allows (429 with retry-after beyond it); none by default. */
  ratePerMinute?: number;
  /** The rate limit's burst (default 1). */
  rateBurst?: number;
  /** Where the server writes its request log (JSON Lines, `at` in epoch ms) when it stops. */
  log?: string;
}

/**
 * The replay server in its own process, as a real provider would be: sharing the benchmark's
 * event loop would charge the server's work to the client being measured.
 */
export async function startReplayProcess(
  dir: string,
  recordings: Recording[],
  latencyMs: number,
  options: ReplayProcessOptions = {},
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const data = join(dir, 'recordings.jsonl');
  writeFileSync(
    data,
    recordings.map((r) => JSON.stringify({ model: r.model, query: r.prompt, answer: r.output })).join('\n'),
  );
  const rate =
    options.ratePerMinute === undefined
      ? []
      : ['--rate-per-minute', String(options.ratePerMinute), '--rate-burst', String(options.rateBurst ?? 1)];
  const log = options.log === undefined ? [] : ['--log', options.log];
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repo, 'tools/replay/main.ts'),
      '--data',
      data,
      '--latency-ms',
      String(latencyMs),
      ...rate,
      ...log,
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /^(http:\/\/\S+\/v1)$/m.exec(out);
      if (url) resolve(url[1]!);
    });
    child.on('exit', (code) => reject(new Error(`replay server exited (${code}) before listening`)));
  });
  return { baseUrl, close: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
