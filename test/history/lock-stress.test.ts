import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/history/read.js';
import { lockPathOf } from '../../src/history/lock.js';
import type { AppendRequest } from '../support/append-worker.js';
import { REPO_ROOT } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

const PROCESSES = 8;
const TRIALS = 20;

type Reply = { ready: true } | { ok: true } | { ok: false; error: string };

let workers: ChildProcess[] = [];

function nextReply(worker: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => resolve(m as Reply));
    worker.once('exit', (code) => reject(new Error(`append worker exited (${code})`)));
  });
}

beforeAll(async () => {
  workers = Array.from({ length: PROCESSES }, () =>
    fork(join(REPO_ROOT, 'test/support/append-worker.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
  );
  await Promise.all(workers.map(nextReply));
}, 60_000);

afterAll(() => {
  for (const worker of workers) worker.kill();
});

describe('history lock under many processes', () => {
  it(`${PROCESSES} processes appending at once over a stale lock, ${TRIALS} times: the chain always verifies`, async () => {
    // The pid of a process that has exited, as a crashed run leaves in its lock.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const path = join(tempDir(), 'history.jsonl');
      writeFileSync(
        lockPathOf(path),
        `${JSON.stringify({ pid: dead, host: hostname(), since: '2026-11-25T00:00:00.000Z' })}\n`,
      );
      const models = workers.map((_, w) => `trial-${trial}-process-${w}`);
      const replies = await Promise.all(
        workers.map((worker, w) => {
          const reply = nextReply(worker);
          worker.send({ path, model: models[w]! } satisfies AppendRequest);
          return reply;
        }),
      );
      expect(replies, `trial ${trial}`).toEqual(workers.map(() => ({ ok: true })));
      const { records } = await readHistory(path);
      expect(records.map((r) => r.model.id).sort(), `trial ${trial}`).toEqual([...models].sort());
      // Nothing left behind: no lock, no takeover claim.
      expect(readdirSync(dirname(path)), `trial ${trial}`).toEqual(['history.jsonl']);
    }
  }, 120_000);
});
