import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { refuseUnsafeOutput } from '../util/output-path.js';
import { DEFAULTS } from '../config/types.js';
import {
  certificatePredicate,
  CertificateError,
  openCertificate,
  recheckCertificate,
  signCertificate,
  type CertificatePredicate,
} from '../evidence/certificate.js';
import { short } from '../evidence/dsse.js';
import { readPublicKey } from '../evidence/key-file.js';
import { EvidenceKeyError, SIGNING_KEY_ENV, signerFromEnv } from '../evidence/keys.js';
import { lineHash } from '../history/codec.js';
import { HistoryError, labelOf } from '../history/errors.js';
import { historyExists } from '../history/file.js';
import { lineAt, readHistory } from '../history/read.js';
import { percent, count } from '../util/numbers.js';

export interface CertifyOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  /** The model to certify. */
  model: string;
  /** Where the certificate goes. */
  out: string;
  /** The records it covers, from the end (default the model's whole record). */
  window?: number;
  /** The history file as the user names it (default .trackrecord/history.jsonl). */
  history?: string;
}

/** A certificate written, in words; or why none was (no history, no record of the model). */
export type Certified = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Signs a model's reliability over its recorded history with TRACKRECORD_SIGNING_KEY, bound to
 * the history's last line. Without a key it throws an EvidenceKeyError before reading anything.
 */
export async function certify(options: CertifyOptions): Promise<Certified> {
  const signer = signerFromEnv(options.env);
  if (!signer) {
    throw new EvidenceKeyError(
      `${SIGNING_KEY_ENV} is not set: a certificate is signed with it (PEM text of an Ed25519 or ECDSA P-256 private key)`,
    );
  }
  const file = options.history ?? DEFAULTS.history;
  const path = resolve(options.root, file);
  if (!(await historyExists(path))) {
    return { ok: false, problem: `${file}: no such file` };
  }
  const history = await readHistory(path);
  const { records, lines } = history;
  let predicate;
  try {
    const head = lines.length > 0 ? (lineAt(history, lines.length - 1) ?? undefined) : undefined;
    predicate = certificatePredicate(
      records,
      lines,
      path,
      options.model,
      options.window,
      new Date().toISOString(),
      head,
    );
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    return { ok: false, problem: error.message };
  }
  const out = resolve(options.root, options.out);
  // Relative to the workspace: stays in it, links resolved; an absolute --out is the user's choice. Never through a link.
  refuseUnsafeOutput(options.out, { root: options.root, outside: isAbsolute(options.out) });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, signCertificate(predicate, signer));
  const f = predicate.figures;
  const interval = f.reliabilityInterval
    ? ` [${percent(f.reliabilityInterval[0])}, ${percent(f.reliabilityInterval[1])}]`
    : '';
  return {
    ok: true,
    text:
      `certified ${predicate.model.id}: reliability ${percent(f.reliability)}${interval} over ${count(f.records, 'record')}, ` +
      `${f.from.slice(0, 10)} to ${f.to.slice(0, 10)}; bound to line ${predicate.history.head.line} of ${labelOf(join(dirname(path), predicate.history.file), path, file)}; ` +
      `signed by key ${short(signer.keyid)}\n${options.out}`,
  };
}

export interface CertificateCheck {
  ok: boolean;
  certificate: string;
  keyid: string;
  /** Null when the certificate could not be opened. */
  predicate: CertificatePredicate | null;
  /** Null without --history. */
  history: { file: string; headFound: boolean; recomputed: boolean } | null;
  problems: string[];
}

export interface CertificateCheckOptions {
  root: string;
  /** The certificate file. */
  certificate: string;
  /** The signer's public key (PEM file). */
  key: string;
  /** The history to recompute the figures from. */
  history?: string;
}

/**
 * Checks a certificate: signed by the key, and with a history, that its head is a line of it
 * and its figures recompute from the history up to that line. Every problem found is listed;
 * a key file that holds no public key throws its EvidenceKeyError.
 */
export async function checkCertificate(options: CertificateCheckOptions): Promise<CertificateCheck> {
  const file = options.certificate;
  const key = await readPublicKey(options.root, options.key);
  const outcome: CertificateCheck = {
    ok: false,
    certificate: file,
    keyid: key.keyid,
    predicate: null,
    history: null,
    problems: [],
  };

  let text: string | null = null;
  try {
    text = await readFile(resolve(options.root, file), 'utf8');
  } catch (e) {
    outcome.problems.push(
      `cannot read it: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  if (text !== null) {
    try {
      outcome.predicate = openCertificate(text, key);
    } catch (error) {
      if (!(error instanceof CertificateError)) throw error;
      outcome.problems.push(error.message);
    }
  }
  if (outcome.predicate && options.history !== undefined) {
    const path = resolve(options.root, options.history);
    try {
      if (!(await historyExists(path))) throw new CertificateError(`${options.history}: no such file`);
      const history = await readHistory(path);
      const { records, lines } = history;
      const problems = recheckCertificate(outcome.predicate, records, lines, path, (i) => lineAt(history, i));
      const headFound = !problems[0]?.startsWith('its head');
      // The file that holds the head: the given one, or a segment beside it.
      const at = lineAt(
        history,
        lines.findIndex((l) => lineHash(l) === outcome.predicate!.history.head.sha256),
      );
      const shown = at ? labelOf(at.path, path, options.history) : options.history;
      outcome.history = { file: shown, headFound, recomputed: problems.length === 0 };
      outcome.problems.push(...problems);
    } catch (error) {
      if (error instanceof HistoryError)
        outcome.problems.push(`the history does not verify: ${error.relabel(options.history).message}`);
      else if (error instanceof CertificateError) outcome.problems.push(error.message);
      else throw error;
    }
  }
  outcome.ok = outcome.problems.length === 0;

  return outcome;
}

/** A certificate that holds, as `verify-certificate` prints it. */
export function describeCertificate(o: CertificateCheck): string {
  const p = o.predicate!;
  const f = p.figures;
  const interval = f.reliabilityInterval
    ? ` [${percent(f.reliabilityInterval[0])}, ${percent(f.reliabilityInterval[1])}]`
    : '';
  const lines = [
    `ok ${o.certificate}: signed by key ${short(o.keyid)}`,
    `  ${p.model.id}: reliability ${percent(f.reliability)}${interval}, pass rate ${percent(f.passRate)}, ` +
      `over ${count(f.records, 'record')} from ${f.from.slice(0, 10)} to ${f.to.slice(0, 10)}; ` +
      `runs since drift: ${f.runsSinceDrift ?? 'never drifted'}`,
    o.history
      ? `  bound to line ${p.history.head.line} of ${o.history.file}; the figures recompute from it`
      : `  bound to line ${p.history.head.line} of ${p.history.file} (SHA-256 ${p.history.head.sha256.slice(0, 16)}...): pass --history to recompute the figures`,
  ];
  return lines.join('\n');
}
