import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recording } from '../src/replay/index.js';

const repo = join(import.meta.dirname, '..');

/**
 * The replay server in its own process, as a real provider would be: sharing the benchmark's
 * event loop would charge the server's work to the client being measured.
 */
export async function startReplayProcess(
  dir: string,
  recordings: Recording[],
  latencyMs: number,
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const data = join(dir, 'recordings.jsonl');
  writeFileSync(data, recordings.map((r) => JSON.stringify({ model: r.model, query: r.prompt, answer: r.output })).join('\n'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repo, 'src/replay/main.ts'), '--data', data, '--latency-ms', String(latencyMs)],
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
