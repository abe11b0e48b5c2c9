import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { HistoryError, shellQuote } from './errors.js';

// One writer at a time per history file. Appending verifies the file, then chains onto its last
// line: two writers that both verify before either writes would chain onto the same line and
// break the chain. The lock is a file beside the history, created exclusively; it holds who
// made it, so a lock left by a process that died on this machine is taken over, and any other
// is explained instead of waited on forever.

export interface LockOptions {
  /** How long to wait for another writer (default 30 s). */
  waitMs?: number;
  /** Pause between tries (default 50 ms). */
  pollMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export function lockPathOf(historyPath: string): string {
  return `${historyPath}.lock`;
}

/** Runs `fn` holding the history's lock. */
export async function withHistoryLock<T>(
  historyPath: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const lockPath = lockPathOf(historyPath);
  await acquire(historyPath, lockPath, options.waitMs ?? 30_000, options.pollMs ?? 50);
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function acquire(historyPath: string, lockPath: string, waitMs: number, pollMs: number): Promise<void> {
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await writeFile(lockPath, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(lockPath);
    if (owner && owner.host === me.host && !isAlive(owner.pid)) {
      // Left by a process that died: take it over, unless another waiter just did.
      if (sameOwner(await readOwner(lockPath), owner)) await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : 'an unknown process';
      throw new HistoryError(
        historyPath,
        0,
        `another trackrecord is writing it (${who}); waited ${Math.round(waitMs / 1000)} s`,
        `the history was not modified. If no other trackrecord is running, delete ${shellQuote(lockPath)} and run again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The lock's owner, or null while it is being written or when it is not ours to read. */
async function readOwner(lockPath: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.since === 'string'
      ? (owner as LockOwner)
      : null;
  } catch {
    return null;
  }
}

function sameOwner(a: LockOwner | null, b: LockOwner): boolean {
  return a !== null && a.pid === b.pid && a.host === b.host && a.since === b.since;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
