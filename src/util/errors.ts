/** The errors a user is meant to read, and how a command line reports them. */

/** Exit statuses shared by every command: done, a check or record failed, unusable input. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** How a command line introduces the message: with the command's name, or the program's only. */
export type ErrorScope = 'program' | 'command';

/**
 * An error whose message is written for the user: it says what is wrong and what to do. Each
 * kind has a stable `code` (what tests and scripts match, never the message) and the exit status
 * the CLI ends with. Internal errors caught where they are thrown stay plain `Error`s.
 */
export abstract class TrackrecordError extends Error {
  abstract readonly code: string;
  abstract readonly exitStatus: ExitStatus;
  /** `program`: `trackrecord: ...`, for problems not of one command's making (config, history). */
  readonly scope: ErrorScope = 'command';
  /** Words the CLI puts before the message, naming what failed. */
  readonly lead: string = '';
  /** Whether the CLI follows the message with the command's help (a bad command line). */
  readonly showsHelp: boolean = false;
}

/** The line a command line writes for `error` raised by `command`, without the help. */
export function errorLine(error: TrackrecordError, command: string): string {
  const who = error.scope === 'program' ? 'trackrecord' : `trackrecord ${command}`;
  return `${who}: ${error.lead}${error.message}`;
}
