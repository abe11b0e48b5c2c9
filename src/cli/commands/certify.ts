import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/types.js';
import { certificatePredicate, CertificateError, signCertificate } from '../../evidence/certificate.js';
import { short } from '../../evidence/dsse.js';
import { EvidenceKeyError, SIGNING_KEY_ENV, signerFromEnv } from '../../evidence/keys.js';
import { labelOf } from '../../history/errors.js';
import { historyExists } from '../../history/file.js';
import { lineAt, readHistory } from '../../history/read.js';
import { percent } from '../../util/numbers.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

export const certifyHelp = `Usage: trackrecord certify --model ID --out FILE [--window N] [--history FILE]

Writes a reliability certificate: one DSSE envelope, signed with the key in
${SIGNING_KEY_ENV}, holding a model's figures over its last N records
(reliability with its 95% interval, pass rate, runs since the last significant
drift, system fingerprints seen, the span of dates) and the SHA-256 of the
history's last line, the head it is bound to. Anyone with the public key checks
it with "trackrecord verify-certificate", or with openssl (docs/evidence.md).
  --model ID       the model's id in the history
  --out FILE       where to write the certificate
  --window N       records of the model to cover (default: the window its latest
                   record was scored with)
  --history FILE   history file (default ${DEFAULTS.history})`;

export async function certifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      out: { type: 'string' },
      window: { type: 'string' },
      history: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.model === undefined) throw new UsageError('--model ID is required: the model to certify');
  if (values.out === undefined) throw new UsageError('--out FILE is required: where to write the certificate');
  const window = values.window === undefined ? undefined : windowArgument(values.window);
  const signer = signerFromEnv(io.env);
  if (!signer) {
    throw new EvidenceKeyError(
      `${SIGNING_KEY_ENV} is not set: a certificate is signed with it (PEM text of an Ed25519 or ECDSA P-256 private key)`,
    );
  }
  const file = values.history ?? DEFAULTS.history;
  const path = resolve(io.cwd, file);
  if (!(await historyExists(path))) {
    io.stderr.write(`trackrecord certify: ${file}: no such file\n`);
    return EXIT.failed;
  }
  const history = await readHistory(path);
  const { records, lines } = history;
  let predicate;
  try {
    const head = lines.length > 0 ? (lineAt(history, lines.length - 1) ?? undefined) : undefined;
    predicate = certificatePredicate(records, lines, path, values.model, window, new Date().toISOString(), head);
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    io.stderr.write(`trackrecord certify: ${error.message}\n`);
    return EXIT.failed;
  }
  const out = resolve(io.cwd, values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, signCertificate(predicate, signer));
  const f = predicate.figures;
  const interval = f.reliabilityInterval
    ? ` [${percent(f.reliabilityInterval[0])}, ${percent(f.reliabilityInterval[1])}]`
    : '';
  io.stdout.write(
    `certified ${predicate.model.id}: reliability ${percent(f.reliability)}${interval} over ${f.records} record(s), ` +
      `${f.from.slice(0, 10)} to ${f.to.slice(0, 10)}; bound to line ${predicate.history.head.line} of ${labelOf(join(dirname(path), predicate.history.file), path, file)}; ` +
      `signed by key ${short(signer.keyid)}\n${values.out}\n`,
  );
  return EXIT.ok;
}

function windowArgument(text: string): number {
  if (!/^[1-9]\d{0,5}$/.test(text))
    throw new UsageError(`--window must be a whole number of records from 1, got "${text}"`);
  return Number(text);
}
