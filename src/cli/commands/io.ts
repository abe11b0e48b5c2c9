import { EXIT, TrackrecordError } from '../../util/errors.js';

/** What a command may touch, so tests can run commands in-process with their own streams. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The time a run records (the system clock by default): a replay of recorded nights sets its own. */
  clock?: () => Date;
}

// Exit statuses live with the error base type, which carries them.
export { EXIT } from '../../util/errors.js';

/** A bad command line: exit 2 with the message and the command's help. */
export class UsageError extends TrackrecordError {
  override name = 'UsageError';
  readonly code = 'usage';
  readonly exitStatus = EXIT.invalid;
  override readonly showsHelp = true;
}
