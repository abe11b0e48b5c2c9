import { basename } from 'node:path';
import { pooledReliability } from '../analysis/reliability.js';
import { share } from '../util/stats.js';
import { lineHash } from '../history/codec.js';
import type { HistoryRecord } from '../history/record.js';
import { canonicalJson } from '../util/hash.js';
import { IN_TOTO_PAYLOAD_TYPE, openExact, parseEnvelope, serializeEnvelope, signEnvelope } from './dsse.js';
import type { PublicKey, Signer } from './keys.js';
import { lineSubjectName, PREDICATE_TYPES, statement, STATEMENT_TYPE, type Statement } from './statement.js';
import { EXIT, TrackrecordError } from '../util/errors.js';

/** A model's track record in figures, bound to the history line it was read up to. */
export interface CertificatePredicate {
  model: { id: string; model: string; host: string };
  /** The history file (its name), how many lines it had, and its last line: the head. */
  history: { file: string; records: number; head: { line: number; sha256: string } };
  /** All of this model's records up to the head: how many, and when the first one ran. */
  track: { records: number; since: string };
  /** The trailing window asked for, in records of this model. */
  window: number;
  /** Over the window's records. */
  figures: CertificateFigures;
  /** When the certificate was made (not part of what recomputes). */
  issuedAt: string;
}

export interface CertificateFigures {
  /** Records in the window (fewer than `window` for a young track record), and their first and last run. */
  records: number;
  from: string;
  to: string;
  judged: number;
  behaved: number;
  reliability: number | null;
  reliabilityInterval: [number, number] | null;
  checked: number;
  passed: number;
  passRate: number | null;
  /** The latest record's: records since the last significant drift (null: never drifted). */
  runsSinceDrift: number | null;
  systemFingerprints: string[];
}

/** A certificate cannot be made or does not hold; the message says why. */
export class CertificateError extends TrackrecordError {
  override name = 'CertificateError';
  readonly code = 'certificate';
  readonly exitStatus = EXIT.failed;
}

/**
 * The certificate's predicate for `modelId`, from a verified history's records and lines (the
 * last line is the head). `window` defaults to the window the latest record was scored with.
 * `head` says which file holds the last line, and its number there (a segmented history numbers
 * each file from 1); by default the last of `lines` in `historyPath`.
 */
export function certificatePredicate(
  records: readonly HistoryRecord[],
  lines: readonly string[],
  historyPath: string,
  modelId: string,
  window: number | undefined,
  issuedAt: string,
  head: { path: string; line: number } = { path: historyPath, line: lines.length },
): CertificatePredicate {
  const own = records.filter((r) => r.model.id === modelId);
  const latest = own.at(-1);
  if (!latest) {
    const models = [...new Set(records.map((r) => r.model.id))];
    throw new CertificateError(
      `${basename(historyPath)} has no record of model "${modelId}"${models.length > 0 ? ` (it has ${models.join(', ')})` : ''}`,
    );
  }
  const size = window ?? latest.metrics.window;
  const inWindow = own.slice(-size);
  const pooled = pooledReliability(inWindow.map((r) => r.metrics));
  const checked = inWindow.reduce((n, r) => n + r.metrics.checked, 0);
  const passed = inWindow.reduce((n, r) => n + r.metrics.passed, 0);
  return {
    model: { id: latest.model.id, model: latest.model.model, host: latest.model.host },
    history: {
      file: basename(head.path),
      records: lines.length,
      head: { line: head.line, sha256: lineHash(lines.at(-1)!) },
    },
    track: { records: own.length, since: own[0]!.run.startedAt },
    window: size,
    figures: {
      records: inWindow.length,
      from: inWindow[0]!.run.startedAt,
      to: latest.run.startedAt,
      ...pooled,
      checked,
      passed,
      passRate: share(passed, checked),
      runsSinceDrift: latest.metrics.runsSinceDrift,
      systemFingerprints: [...new Set(inWindow.flatMap((r) => r.model.systemFingerprints))].sort(),
    },
    issuedAt,
  };
}

export function signCertificate(predicate: CertificatePredicate, signer: Signer): string {
  const { file, head } = predicate.history;
  const body = statement(
    [{ name: lineSubjectName(file, head.line), digest: { sha256: head.sha256 } }],
    PREDICATE_TYPES.certificate,
    predicate,
  );
  return `${serializeEnvelope(signEnvelope(Buffer.from(JSON.stringify(body), 'utf8'), IN_TOTO_PAYLOAD_TYPE, signer))}\n`;
}

/**
 * The predicate of a certificate file's text when `key` signed it, it is one, and not a byte of
 * it changed (one final newline may be CRLF); else a CertificateError.
 */
export function openCertificate(text: string, key: PublicKey): CertificatePredicate {
  const envelope = parseEnvelope(text);
  if (typeof envelope === 'string') throw new CertificateError(`not a DSSE envelope: ${envelope}`);
  const opened = openExact(text.replace(/\r?\n$/, ''), envelope, key);
  if (!opened.ok) throw new CertificateError(opened.message);
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new CertificateError(`payloadType is ${JSON.stringify(envelope.payloadType)}, not ${IN_TOTO_PAYLOAD_TYPE}`);
  let body: Statement<CertificatePredicate>;
  try {
    body = JSON.parse(opened.payload.toString('utf8')) as Statement<CertificatePredicate>;
  } catch {
    throw new CertificateError('the signed payload is not JSON');
  }
  if (body._type !== STATEMENT_TYPE || body.predicateType !== PREDICATE_TYPES.certificate)
    throw new CertificateError(
      `the signed statement is not a trackrecord certificate (${PREDICATE_TYPES.certificate})`,
    );
  const head = body.predicate?.history?.head;
  if (!head || body.subject?.[0]?.digest?.sha256 !== head.sha256)
    throw new CertificateError("the statement's subject is not the head the certificate names");
  return body.predicate;
}

/**
 * Checks a certificate's figures against the history: its head must be a line of it, and the
 * figures recomputed from the history up to that line must be the signed ones. Returns the
 * differences, one sentence each (empty when it holds).
 */
export function recheckCertificate(
  predicate: CertificatePredicate,
  records: readonly HistoryRecord[],
  lines: readonly string[],
  historyPath: string,
  /** Where line `index` of `lines` is (file and line there): a segmented history's files are numbered each from 1. */
  lineAt: (index: number) => { path: string; line: number } | null = (index) => ({
    path: historyPath,
    line: index + 1,
  }),
): string[] {
  const index = lines.findIndex((l) => lineHash(l) === predicate.history.head.sha256);
  if (index === -1) {
    return [
      `its head (SHA-256 ${predicate.history.head.sha256.slice(0, 16)}...) is not a line of ${basename(historyPath)}`,
    ];
  }
  const again = certificatePredicate(
    records.slice(0, index + 1),
    lines.slice(0, index + 1),
    historyPath,
    predicate.model.id,
    predicate.window,
    predicate.issuedAt,
    lineAt(index) ?? undefined,
  );
  // The file name is where the head was when certified; a renamed segment still recomputes.
  again.history.file = predicate.history.file;
  const problems: string[] = [];
  const compare = (path: string, signed: unknown, actual: unknown) => {
    if (canonicalJson(signed) !== canonicalJson(actual))
      problems.push(
        `${path} is ${canonicalJson(signed)} in the certificate, ${canonicalJson(actual)} from the history`,
      );
  };
  for (const key of ['model', 'history', 'track', 'window'] as const) compare(key, predicate[key], again[key]);
  const figures = (predicate.figures ?? {}) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(again.figures)) compare(`figures.${key}`, figures[key], value);
  return problems;
}
