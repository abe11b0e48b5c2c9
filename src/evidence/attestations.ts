import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { lineHash } from '../history/codec.js';
import type { HistoryRecord } from '../history/record.js';
import { canonicalJson } from '../util/hash.js';
import { splitLines } from '../util/lines.js';
import {
  decodeBase64,
  IN_TOTO_PAYLOAD_TYPE,
  openEnvelope,
  openExact,
  parseEnvelope,
  serializeEnvelope,
  short,
  signEnvelope,
  type Envelope,
} from './dsse.js';
import type { PublicKey, Signer } from './keys.js';
import {
  lineOfSubjectName,
  lineSubjectName,
  PREDICATE_TYPES,
  recordPredicate,
  statement,
  STATEMENT_TYPE,
  type Statement,
} from './statement.js';
import { CRLF_LINE } from '../history/verify.js';

/** What the attestations file beside a history holds, as read (signatures not checked here). */
export interface SigningNote {
  envelopes: number;
  /** Key ids named by the envelopes, shortened to 16 hex. */
  keyids: string[];
}

import { attestationsPathOf } from '../util/output-files.js';

export { attestationsPathOf };

/** The signed envelope of one history line (line numbers are 1-based). */
export function signLine(line: string, lineNumber: number, historyPath: string, signer: Signer): Envelope {
  const file = basename(historyPath);
  const record = JSON.parse(line) as HistoryRecord;
  const body = statement(
    [{ name: lineSubjectName(file, lineNumber), digest: { sha256: lineHash(line) } }],
    PREDICATE_TYPES.record,
    recordPredicate(record, file, lineNumber),
  );
  return signEnvelope(Buffer.from(JSON.stringify(body), 'utf8'), IN_TOTO_PAYLOAD_TYPE, signer);
}

/**
 * Appends one envelope per new line to the attestations file, in record order. Called by the
 * append under the history's lock, right after the lines were written, so concurrent writers
 * keep both files in the same order.
 */
export async function appendAttestations(
  historyPath: string,
  lines: readonly string[],
  firstLine: number,
  signer: Signer,
): Promise<void> {
  if (lines.length === 0) return;
  const envelopes = lines.map((line, i) => serializeEnvelope(signLine(line, firstLine + i, historyPath, signer)));
  const path = attestationsPathOf(historyPath);
  const existing = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return Buffer.alloc(0);
    throw e;
  });
  const separator = existing.length > 0 && existing[existing.length - 1] !== 0x0a ? '\n' : '';
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(`${separator}${envelopes.map((e) => `${e}\n`).join('')}`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type SignedCheck =
  | { ok: true; records: number; keyid: string }
  | {
      ok: false;
      line: number;
      reason: string;
      attestations: string;
      /** For a line that is unsigned: the first later line this key signed, if any. */
      signedLater?: number;
    };

/**
 * Checks that every line of a verified history has an envelope in its attestations file that
 * `key` signed, naming that line, over exactly that line's bytes, saying what the line says.
 * Lines before `from` (1-based) are not asked to be signed: a history that began signing later.
 * Stops at the first line that fails, and says why.
 */
export async function checkSignedHistory(
  historyPath: string,
  lines: readonly string[],
  records: readonly HistoryRecord[],
  key: PublicKey,
  from = 1,
): Promise<SignedCheck> {
  const path = attestationsPathOf(historyPath);
  const shown = basename(path);
  const fail = (line: number, reason: string): SignedCheck => ({ ok: false, line, reason, attestations: path });
  const byLine = await envelopesByLine(path);
  if (typeof byLine === 'string') return fail(lines.length > 0 ? 1 : 0, byLine);
  const first = Math.max(from, 1);
  if (byLine === null && lines.length >= first) return fail(first, `unsigned: there is no ${shown} beside the history`);
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    if (n < first) continue;
    const candidates = byLine?.get(n) ?? [];
    const twice = candidates.length > 1 ? signedTwice(candidates, key) : null;
    if (twice) {
      return fail(
        n,
        `key ${short(key.keyid)} signed two different lines as line ${n} (envelopes on lines ${twice[0]} and ${twice[1]} of ${shown}): ` +
          'the history was cut back and signed on, or an envelope was copied in; which line is the record cannot be told from the files',
      );
    }
    if (candidates.length === 0) {
      const later = signedBy(byLine, key).filter((m) => m > n && m <= lines.length);
      return {
        ...fail(n, `unsigned: no envelope in ${shown} names line ${n}`),
        ...(later.length > 0 ? { signedLater: Math.min(...later) } : {}),
      };
    }
    const problems = candidates.map((c) => checkLine(c, line, n, records[i]!, key));
    if (problems.includes(null)) continue;
    // Say the most telling thing: a signature of ours over other bytes beats a foreign signature.
    const order = ['differs', 'bad-signature', 'other-key'];
    const worst = problems.sort((a, b) => order.indexOf(a!.kind) - order.indexOf(b!.kind))[0]!;
    return fail(n, worst.message);
  }
  // The chain cannot tell that its last lines were cut off; an envelope of ours for a later line can.
  const beyond = signedBy(byLine, key).filter((n) => n > lines.length);
  if (beyond.length > 0) {
    return fail(
      lines.length + 1,
      `missing: key ${short(key.keyid)} signed line ${Math.min(...beyond)} in ${shown}, but the history ends at line ${lines.length} (lines were removed from its end)`,
    );
  }
  return { ok: true, records: lines.length, keyid: key.keyid };
}

/** What an attestations file holds, without checking signatures: for `verify` without a key and the report. */
export async function describeAttestations(historyPath: string): Promise<SigningNote | null> {
  try {
    return describeEnvelopes(splitLines(await readFile(attestationsPathOf(historyPath))));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** How many envelopes an attestations file's text holds and the key ids they name (unchecked). */
export function describeEnvelopes(text: string | string[]): SigningNote {
  const envelopes = (typeof text === 'string' ? text.split('\n') : text)
    .filter((l) => l !== '')
    .map(parseEnvelope)
    .filter((e): e is Envelope => typeof e !== 'string');
  return {
    envelopes: envelopes.length,
    keyids: [...new Set(envelopes.flatMap((e) => e.signatures.map((s) => s.keyid)))].map(short),
  };
}

interface LineProblem {
  kind: 'differs' | 'bad-signature' | 'other-key';
  message: string;
}

function checkLine(
  { envelope, text }: ReadEnvelope,
  line: string,
  n: number,
  record: HistoryRecord,
  key: PublicKey,
): LineProblem | null {
  const opened = openExact(text, envelope, key);
  if (!opened.ok)
    return { kind: opened.reason === 'bad-signature' ? 'bad-signature' : 'other-key', message: opened.message };
  const body = parseStatement(opened.payload);
  const signed = body?.subject[0]?.digest.sha256;
  const actual = lineHash(line);
  if (!body || body.predicateType !== PREDICATE_TYPES.record || signed === undefined) {
    return { kind: 'differs', message: `the envelope naming line ${n} is not a trackrecord record statement` };
  }
  if (signed !== actual) {
    return {
      kind: 'differs',
      message: `line ${n} differs from what was signed: key ${short(key.keyid)} signed a line with SHA-256 ${signed.slice(0, 16)}..., this line has ${actual.slice(0, 16)}...`,
    };
  }
  // The file name is the one the line was appended to: a segment renamed later still verifies.
  const file = (body.predicate as { history?: { file?: unknown } } | null)?.history?.file;
  if (typeof file !== 'string' || canonicalJson(body.predicate) !== canonicalJson(recordPredicate(record, file, n))) {
    return { kind: 'differs', message: `the signed predicate of line ${n} does not say what the line says` };
  }
  return null;
}

function parseStatement(payload: Buffer): Statement | null {
  try {
    const body = JSON.parse(payload.toString('utf8')) as Statement;
    if (body._type !== STATEMENT_TYPE || !Array.isArray(body.subject)) return null;
    return body;
  } catch {
    return null;
  }
}

/**
 * The lines past `lineCount` that `key` signed in the attestations file of `historyPath`, in
 * order: a history cut back at its end, which must not be signed on. An attestations file that
 * cannot be read as envelopes counts as none (verify names what is wrong with it).
 */
export async function signedPastEnd(historyPath: string, lineCount: number, key: PublicKey): Promise<number[]> {
  const byLine = await envelopesByLine(attestationsPathOf(historyPath));
  if (byLine === null || typeof byLine === 'string') return [];
  // Only the envelopes past the end need their signatures checked: a long history costs no more.
  const beyond = new Map([...byLine].filter(([n]) => n > lineCount));
  return signedBy(beyond, key).sort((a, b) => a - b);
}

/**
 * The lines of the attestations file of two envelopes `key` signed for one history line over
 * different bytes, or null: only one of them can be the record.
 */
function signedTwice(candidates: readonly ReadEnvelope[], key: PublicKey): [number, number] | null {
  const first = new Map<string, number>();
  for (const { envelope, at } of candidates) {
    const opened = openEnvelope(envelope, key);
    if (!opened.ok) continue;
    const digest = parseStatement(opened.payload)?.subject[0]?.digest.sha256;
    if (typeof digest !== 'string') continue;
    const other = [...first].find(([d]) => d !== digest);
    if (other) return [other[1], at];
    if (!first.has(digest)) first.set(digest, at);
  }
  return null;
}

/** The lines that an envelope `key` signed names. */
function signedBy(byLine: Map<number, ReadEnvelope[]> | null, key: PublicKey): number[] {
  return [...(byLine?.entries() ?? [])]
    .filter(([, envelopes]) => envelopes.some((e) => openEnvelope(e.envelope, key).ok))
    .map(([n]) => n);
}

/** An envelope and the exact text of the line it was read from. */
interface ReadEnvelope {
  envelope: Envelope;
  text: string;
  /** Its 1-based line in the attestations file. */
  at: number;
}

/**
 * The envelopes of an attestations file by the line their subject names; null when there is no
 * file, a string when it cannot be read as envelopes (`FILE:LINE: reason`).
 */
async function envelopesByLine(path: string): Promise<Map<number, ReadEnvelope[]> | string | null> {
  let lines: string[];
  try {
    lines = splitLines(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const byLine = new Map<number, ReadEnvelope[]>();
  for (const [i, raw] of lines.entries()) {
    if (raw === '') continue;
    if (raw.endsWith('\r')) return `${basename(path)}:${i + 1}: ${CRLF_LINE}`;
    const envelope = parseEnvelope(raw);
    if (typeof envelope === 'string') return `${basename(path)}:${i + 1}: ${envelope}`;
    const subject = parseStatement(decodeBase64(envelope.payload))?.subject[0];
    const line = typeof subject?.name === 'string' ? lineOfSubjectName(subject.name) : null;
    if (line === null) return `${basename(path)}:${i + 1}: the envelope's statement names no history line`;
    byLine.set(line, [...(byLine.get(line) ?? []), { envelope, text: raw, at: i + 1 }]);
  }
  return byLine;
}

/** What the CLI and the action say after signing: where the envelopes went, and by which key. */
export function signedLine(historyPath: string, keyid: string): string {
  return `signed:  ${attestationsPathOf(historyPath)} (key ${short(keyid)})`;
}
