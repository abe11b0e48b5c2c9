import { randomBytes } from 'node:crypto';
import { readFile, readlink, realpath, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { hostname } from 'node:os';
import { sha256 } from '../util/hash.js';
import { HistoryError, shellQuote } from './errors.js';

// One writer at a time per history file. Appending verifies the file, then chains onto its last
// line: two writers that both verify before either writes would chain onto the same line and
// break the chain. The lock is a file beside the history, created exclusively; it holds who
// made it, so a lock left by a process that died on this machine is taken over, and any other
// is explained instead of waited on forever.
//
// Taking over is atomic: waiters that all find the same dead owner race to create one claim
// file named after that owner, and only the winner removes the lock (still that owner's) and
// then the claim. Checking and removing without a claim let a slow waiter remove the lock
// another waiter had just taken, and both appended onto the same line.

export interface LockOptions {
  /** How long to wait for another writer (default 30 s). */
  waitMs?: number;
  /** Pause between tries (default 50 ms). */
  pollMs?: number;
}

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Random, so that no later lock is ever taken for this one (absent in older locks). */
  id?: string;
}

export function lockPathOf(historyPath: string): string {
  return `${historyPath}.lock`;
}

/**
 * Runs `fn` holding the history's lock. A history that is a symbolic link is locked, and given
 * to `fn`, as the file it links to: a lock beside the link would not stop a writer that names
 * the file itself (or another link), and replacing the link would leave the file as it was.
 */
export async function withHistoryLock<T>(
  historyPath: string,
  fn: (realPath: string) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const realPath = await realPathOf(historyPath);
  const lockPath = lockPathOf(realPath);
  await acquire(historyPath, lockPath, options.waitMs ?? 30_000, options.pollMs ?? 50);
  try {
    return await fn(realPath);
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** `path` through every symbolic link, also when it or its target does not exist yet. */
export async function realPathOf(path: string, links = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let target: string;
  try {
    target = await readlink(path);
  } catch {
    // Not a link: a file still to be created, in a folder that may itself be reached by links
    // (or not exist yet either).
    const folder = await realpath(dirname(path)).catch(() => dirname(path));
    return join(folder, basename(path));
  }
  if (links >= 40) throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: 'ELOOP' });
  return realPathOf(resolve(dirname(path), target), links + 1);
}

async function acquire(historyPath: string, lockPath: string, waitMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await create(lockPath)) return;
    const owner = await readOwner(lockPath);
    if (owner && isDead(owner) && (await takeOver(lockPath, owner))) continue;
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

/** Creates `path` holding this process as its owner; false when it exists. */
async function create(path: string): Promise<boolean> {
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    id: randomBytes(8).toString('hex'),
  };
  try {
    await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The claim that one waiter creates to take over a lock `path` left by `owner`. */
export function claimPathOf(path: string, owner: LockOwner): string {
  const key = `${owner.pid}\n${owner.host}\n${owner.since}\n${owner.id ?? ''}`;
  return `${path}.takeover-${sha256(key).slice(0, 16)}`;
}

/**
 * Removes `path` if it still belongs to `owner`, who is dead; false when another waiter is at
 * it. Only the one waiter that creates the claim may remove the lock, so no waiter removes a
 * lock that another has taken meanwhile (a dead owner never comes back, so once its lock is
 * gone, a later claim finds nothing to do). A claim left by a waiter that died is itself taken
 * over the same way.
 */
async function takeOver(path: string, owner: LockOwner, depth = 0): Promise<boolean> {
  const claim = claimPathOf(path, owner);
  if (!(await create(claim))) {
    const claimer = await readOwner(claim);
    return claimer !== null && isDead(claimer) && depth < 4 && (await takeOver(claim, claimer, depth + 1));
  }
  try {
    if (sameOwner(await readOwner(path), owner)) await rm(path, { force: true });
  } finally {
    await rm(claim, { force: true });
  }
  return true;
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
  return a !== null && a.pid === b.pid && a.host === b.host && a.since === b.since && a.id === b.id;
}

/** A process of this machine that no longer runs; one elsewhere cannot be checked. */
function isDead(owner: LockOwner): boolean {
  return owner.host === hostname() && !isAlive(owner.pid);
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
