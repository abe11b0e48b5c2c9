import { isAbsolute, relative, resolve } from 'node:path';
import { refuseUnsafeOutput } from '../util/output-path.js';
import { DEFAULTS } from '../config/types.js';
import { attestationsPathOf, checkSignedHistory, describeAttestations } from '../evidence/attestations.js';
import { short } from '../evidence/dsse.js';
import { readPublicKey } from '../evidence/key-file.js';
import { HistoryError, labelOf } from '../history/errors.js';
import { historyExists } from '../history/file.js';
import { repairTruncated, type Repair } from '../history/repair.js';
import { readHistory, type HistoryRead } from '../history/read.js';
import { count } from '../util/numbers.js';

export interface VerifyOptions {
  root: string;
  /** The history file as the user names it (default .trackrecord/history.jsonl). */
  history?: string;
  /** A public key (PEM file): every record must be signed by it. */
  key?: string;
  /** With `key`: the first record (from 1, over the whole history) that must be signed. */
  signedFrom?: number;
  /** Remove what a crash left after the last complete record, then verify. */
  repair?: boolean;
}

/** What verify found, in words: ok, or the first thing that does not hold (file and line). */
export interface Verified {
  ok: boolean;
  text: string;
}

/**
 * Checks a history end to end: schema, hash chain, stored texts, every segment in order, and
 * with a key, that every record is signed by it over exactly its line. A key file that does not
 * hold a public key throws its EvidenceKeyError before the history is read.
 */
export async function verifyHistory(options: VerifyOptions): Promise<Verified> {
  const fail = (text: string): Verified => ({ ok: false, text });
  const done = (text: string): Verified => ({ ok: true, text });
  const signedFrom = options.signedFrom ?? 1;
  const key = options.key === undefined ? null : await readPublicKey(options.root, options.key);
  const file = options.history ?? DEFAULTS.history;
  const path = resolve(options.root, file);
  // Repairing rewrites the file: like every write, never through a link, nor out of the workspace for a relative path.
  if (options.repair) refuseUnsafeOutput(file, { root: options.root, outside: isAbsolute(file) });
  try {
    if (!(await historyExists(path))) {
      return fail(`trackrecord verify: ${file}: no such file`);
    }
    if (options.repair) {
      const repair = await repairTruncated(path);
      const history = await readHistory(path);
      return done(`repaired ${file}: ${describeRepair(repair)}; ${recordCount(history)}, chain intact`);
    }
    const history = await readHistory(path);
    const attestations = relative(options.root, attestationsPathOf(path)) || attestationsPathOf(path);
    if (key) {
      const total = history.records.length;
      if (signedFrom > Math.max(total, 1)) {
        return fail(`${file}: --signed-from ${signedFrom}, but the history holds ${recordCount(history)}`);
      }
      // Each history file has its own attestations file; check them in order.
      let at = 0;
      for (const segment of history.files) {
        const records = history.records.slice(at, at + segment.records);
        const signed = await checkSignedHistory(segment.path, segment.lines, records, key, signedFrom - at);
        if (!signed.ok) {
          const shown = relative(options.root, attestationsPathOf(segment.path)) || attestationsPathOf(segment.path);
          // A history that began signing later: say which option checks what is signed.
          const hint =
            signed.signedLater === undefined
              ? ''
              : `\n  key ${short(key.keyid)} signed line ${signed.signedLater}: if the history began signing there, --signed-from ${at + signed.signedLater} checks the records from it on`;
          return fail(
            `${labelOf(segment.path, path, file)}:${signed.line}: ${signed.reason}${hint}\n  envelopes: ${shown}`,
          );
        }
        at += segment.records;
      }
      const signed =
        signedFrom === 1
          ? `every record signed by key ${short(key.keyid)}`
          : `${span(signedFrom, total)} signed by key ${short(key.keyid)}; ${span(1, signedFrom - 1)} unsigned, as --signed-from ${signedFrom} allows`;
      return done(`ok ${file}: ${recordCount(history)}, chain intact, ${signed}`);
    }
    return done(`ok ${file}: ${recordCount(history)}, chain intact\n${await signingNote(path, attestations)}`);
  } catch (e) {
    if (e instanceof HistoryError) {
      return fail(e.relabel(labelOf(e.file, path, file)).message);
    }
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string') {
      return fail(`trackrecord verify: ${file}: ${(e as Error).message}`);
    }
    throw e;
  }
}

/** Exactly which bytes went, and a glimpse of them (escaped: they are whatever the crash left). */
function describeRepair({ line, offset, removedBytes, removed, keptRecord }: Repair): string {
  const bytes = `the last ${count(removedBytes, 'byte')} (from byte ${offset})`;
  const shown = removed.length > 60 ? `${JSON.stringify(removed.slice(0, 60))}...` : JSON.stringify(removed);
  return keptRecord
    ? `removed ${bytes}, after the complete record on line ${line}: ${shown}`
    : `removed the cut-short line ${line}, ${bytes}: ${shown}`;
}

/** What verify says about signatures when it was given no key to check them with. */
async function signingNote(path: string, attestations: string): Promise<string> {
  const found = await describeAttestations(path);
  if (found === null || found.envelopes === 0) return `the records are unsigned (no envelopes in ${attestations})`;
  const keys = found.keyids.join(', ');
  return `${attestations} holds ${count(found.envelopes, 'signed envelope')}, key ${keys}: check them with --key PUBLIC.pem`;
}

/** "record 4" or "records 4 to 9". */
function span(from: number, to: number): string {
  return from === to ? `record ${from}` : `records ${from} to ${to}`;
}

function recordCount(history: HistoryRead): string {
  const files = history.files.length;
  return `${count(history.records.length, 'record')}${files > 1 ? ` in ${files} files` : ''}`;
}
