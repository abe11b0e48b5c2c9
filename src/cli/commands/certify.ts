import { parseArgs } from 'node:util';
import { certify } from '../../app/certificates.js';
import { DEFAULTS } from '../../config/types.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export const certifyHelp = `Usage: trackrecord certify --model ID --out FILE [--window N] [--history FILE]

Writes a reliability certificate: one DSSE envelope, signed with the key in
TRACKRECORD_SIGNING_KEY, holding a model's figures over its last N records
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
  const result = await certify({
    root: io.cwd,
    env: io.env,
    model: values.model,
    out: values.out,
    window,
    history: values.history,
  });
  if (!result.ok) {
    io.stderr.write(`trackrecord certify: ${result.problem}\n`);
    return EXIT.failed;
  }
  io.stdout.write(`${result.text}\n`);
  return EXIT.ok;
}

function windowArgument(text: string): number {
  if (!/^[1-9]\d{0,5}$/.test(text))
    throw new UsageError(`--window must be a whole number of records from 1, got "${text}"`);
  return Number(text);
}
