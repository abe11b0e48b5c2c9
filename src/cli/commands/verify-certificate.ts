import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CertificateError,
  openCertificate,
  recheckCertificate,
  type CertificatePredicate,
} from '../../evidence/certificate.js';
import { short } from '../../evidence/dsse.js';
import { readPublicKey } from '../../evidence/key-file.js';
import { lineHash } from '../../history/codec.js';
import { HistoryError, labelOf } from '../../history/errors.js';
import { historyExists } from '../../history/file.js';
import { lineAt, readHistory } from '../../history/read.js';
import { percent } from '../../util/numbers.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

export const verifyCertificateHelp = `Usage: trackrecord verify-certificate CERT --key PUBLIC.pem [--history FILE] [--format text|json]

Checks a reliability certificate made by "trackrecord certify": that the public
key signed it, and with --history that its head is a line of that history and
that its figures recompute from the history up to that line. Exits 0 when it
holds, 1 when it does not, 2 for a bad command line or key.
  --key FILE       the signer's public key (PEM)
  --history FILE   the history to recompute the figures from
  --format FORMAT  text (default) or json, for other tools`;

interface Outcome {
  ok: boolean;
  certificate: string;
  keyid: string;
  /** Null when the certificate could not be opened. */
  predicate: CertificatePredicate | null;
  /** Null without --history. */
  history: { file: string; headFound: boolean; recomputed: boolean } | null;
  problems: string[];
}

export async function verifyCertificateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      key: { type: 'string' },
      history: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('name one certificate file');
  if (values.key === undefined)
    throw new UsageError('--key PUBLIC.pem is required: the key the certificate must be signed by');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, got "${values.format}"`);
  const file = positionals[0]!;
  const key = await readPublicKey(io.cwd, values.key);
  const outcome: Outcome = {
    ok: false,
    certificate: file,
    keyid: key.keyid,
    predicate: null,
    history: null,
    problems: [],
  };

  let text: string | null = null;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
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
  if (outcome.predicate && values.history !== undefined) {
    const path = resolve(io.cwd, values.history);
    try {
      if (!(await historyExists(path))) throw new CertificateError(`${values.history}: no such file`);
      const history = await readHistory(path);
      const { records, lines } = history;
      const problems = recheckCertificate(outcome.predicate, records, lines, path, (i) => lineAt(history, i));
      const headFound = !problems[0]?.startsWith('its head');
      // The file that holds the head: the given one, or a segment beside it.
      const at = lineAt(
        history,
        lines.findIndex((l) => lineHash(l) === outcome.predicate!.history.head.sha256),
      );
      const shown = at ? labelOf(at.path, path, values.history) : values.history;
      outcome.history = { file: shown, headFound, recomputed: problems.length === 0 };
      outcome.problems.push(...problems);
    } catch (error) {
      if (error instanceof HistoryError)
        outcome.problems.push(`the history does not verify: ${error.relabel(values.history).message}`);
      else if (error instanceof CertificateError) outcome.problems.push(error.message);
      else throw error;
    }
  }
  outcome.ok = outcome.problems.length === 0;

  if (values.format === 'json') io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  else if (outcome.ok) io.stdout.write(`${describe(outcome)}\n`);
  else io.stderr.write(`${file}: does not hold:\n${outcome.problems.map((p) => `  ${p}`).join('\n')}\n`);
  return outcome.ok ? EXIT.ok : EXIT.failed;
}

function describe(o: Outcome): string {
  const p = o.predicate!;
  const f = p.figures;
  const interval = f.reliabilityInterval
    ? ` [${percent(f.reliabilityInterval[0])}, ${percent(f.reliabilityInterval[1])}]`
    : '';
  const lines = [
    `ok ${o.certificate}: signed by key ${short(o.keyid)}`,
    `  ${p.model.id}: reliability ${percent(f.reliability)}${interval}, pass rate ${percent(f.passRate)}, ` +
      `over ${f.records} record(s) from ${f.from.slice(0, 10)} to ${f.to.slice(0, 10)}; ` +
      `runs since drift: ${f.runsSinceDrift ?? 'never drifted'}`,
    o.history
      ? `  bound to line ${p.history.head.line} of ${o.history.file}; the figures recompute from it`
      : `  bound to line ${p.history.head.line} of ${p.history.file} (SHA-256 ${p.history.head.sha256.slice(0, 16)}...): pass --history to recompute the figures`,
  ];
  return lines.join('\n');
}
