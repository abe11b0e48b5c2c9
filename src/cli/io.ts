/** What a command may touch, so tests can run commands in-process with their own streams. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

/** A bad command line: exit 2 with the message and a pointer to help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
