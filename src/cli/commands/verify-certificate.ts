import { parseArgs } from 'node:util';
import { checkCertificate, describeCertificate } from '../../app/certificates.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export const verifyCertificateHelp = `Usage: trackrecord verify-certificate CERT --key PUBLIC.pem [--history FILE] [--format text|json]

Checks a reliability certificate made by "trackrecord certify": that the public
key signed it, and with --history that its head is a line of that history and
that its figures recompute from the history up to that line. Exits 0 when it
holds, 1 when it does not, 2 for a bad command line or key.
  --key FILE       the signer's public key (PEM)
  --history FILE   the history to recompute the figures from
  --format FORMAT  text (default) or json, for other tools`;

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
  const outcome = await checkCertificate({ root: io.cwd, certificate: file, key: values.key, history: values.history });
  if (values.format === 'json') io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  else if (outcome.ok) io.stdout.write(`${describeCertificate(outcome)}\n`);
  else io.stderr.write(`${file}: does not hold:\n${outcome.problems.map((p) => `  ${p}`).join('\n')}\n`);
  return outcome.ok ? EXIT.ok : EXIT.failed;
}
