import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/history/errors.js';
import { appendRecords } from '../../src/history/file.js';
import { repairTruncated } from '../../src/history/repair.js';
import { readHistory } from '../../src/history/read.js';
import { claimPathOf, lockPathOf, type LockOwner } from '../../src/history/lock.js';
import { historyText, makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const FILE = '.trackrecord/history.jsonl';

function historyIn(text?: string): string {
  return join(tempDir(text === undefined ? {} : { [FILE]: text }), FILE);
}

function holdLock(historyPath: string, owner: { pid: number; host: string }): LockOwner {
  const full = { ...owner, since: '2026-11-25T00:00:00.000Z' };
  writeFileSync(lockPathOf(historyPath), `${JSON.stringify(full)}\n`);
  return full;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('history lock', () => {
  it('chains concurrent appends one after the other: every record kept, the chain intact', async () => {
    const path = historyIn();
    // Each batch stands alone (defines its catalog and texts), as each writer builds on what it read.
    const batches = [1, 2, 3, 4, 5, 6].map((seed) => makeRecords(1, { models: [`model-${seed}`], seed }));
    await Promise.all(batches.map((records) => appendRecords(path, records)));
    const { records } = await readHistory(path);
    expect(records.map((r) => r.model.id).sort()).toEqual(batches.map((b) => b[0]!.model.id).sort());
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('waits for a live writer, then stops with a HistoryError that names it, changing nothing', async () => {
    const text = historyText(makeRecords(2));
    const path = historyIn(text);
    holdLock(path, { pid: process.pid, host: hostname() });
    const error = await appendRecords(path, makeRecords(3).slice(2), { waitMs: 150, pollMs: 10 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HistoryError);
    const message = (error as Error).message;
    expect(message).toContain(
      `another trackrecord is writing it (process ${process.pid} on ${hostname()}, since 2026-11-25T00:00:00.000Z)`,
    );
    expect(message).toContain(`delete ${lockPathOf(path)} and run again`);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(lockPathOf(path))).toBe(true);
  });

  it('does not take over a lock from another machine, whose process it cannot see', async () => {
    const path = historyIn(historyText(makeRecords(1)));
    holdLock(path, { pid: deadPid(), host: `not-${hostname()}` });
    await expect(appendRecords(path, makeRecords(2).slice(1), { waitMs: 100, pollMs: 10 })).rejects.toThrow(
      /another trackrecord is writing it/,
    );
  });

  it('takes over a lock left by a process of this machine that died', async () => {
    const path = historyIn(historyText(makeRecords(1)));
    holdLock(path, { pid: deadPid(), host: hostname() });
    await appendRecords(path, makeRecords(2).slice(1), { waitMs: 100, pollMs: 10 });
    expect((await readHistory(path)).records).toHaveLength(2);
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('leaves a dead lock to the waiter that claimed it first, while that waiter lives', async () => {
    const path = historyIn(historyText(makeRecords(1)));
    const dead = holdLock(path, { pid: deadPid(), host: hostname() });
    const lock = readFileSync(lockPathOf(path), 'utf8');
    const claim = claimPathOf(lockPathOf(path), dead);
    writeFileSync(claim, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    await expect(appendRecords(path, makeRecords(2).slice(1), { waitMs: 150, pollMs: 10 })).rejects.toThrow(
      `another trackrecord is writing it (process ${dead.pid} on ${hostname()}`,
    );
    expect(readFileSync(lockPathOf(path), 'utf8')).toBe(lock);
  });

  it('takes over a claim left by a waiter that died, then the dead lock', async () => {
    const path = historyIn(historyText(makeRecords(1)));
    const dead = holdLock(path, { pid: deadPid(), host: hostname() });
    const claim = claimPathOf(lockPathOf(path), dead);
    writeFileSync(claim, JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
    await appendRecords(path, makeRecords(2).slice(1), { waitMs: 1000, pollMs: 10 });
    expect((await readHistory(path)).records).toHaveLength(2);
    expect(readdirSync(dirname(path))).toEqual(['history.jsonl']);
  });

  it('is released when the append fails', async () => {
    const path = historyIn('not json\n');
    await expect(appendRecords(path, makeRecords(1))).rejects.toBeInstanceOf(HistoryError);
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('guards a repair too', async () => {
    const text = historyText(makeRecords(2));
    const path = historyIn(`${text}{"cut`);
    holdLock(path, { pid: process.pid, host: hostname() });
    await expect(repairTruncated(path, { waitMs: 100, pollMs: 10 })).rejects.toThrow(
      /another trackrecord is writing it/,
    );
    expect(readFileSync(path, 'utf8')).toBe(`${text}{"cut`);
  });
});
