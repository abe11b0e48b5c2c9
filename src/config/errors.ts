import { EXIT, TrackrecordError } from '../util/errors.js';

/** One problem in a config or suite file, located for the person who has to fix it. */
export interface ConfigIssue {
  file: string;
  /** 1-based; 0 when the problem is not tied to a line (a missing file). */
  line: number;
  column: number;
  /** Key path in the file, e.g. `models[1].base-url`; empty for the whole document. */
  path: string;
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** Thrown when configuration cannot be used; carries every issue found, not just the first. */
export class ConfigError extends TrackrecordError {
  readonly code = 'config';
  readonly exitStatus = EXIT.invalid;
  override readonly scope = 'program';

  constructor(readonly issues: ConfigIssue[]) {
    super(
      issues.length === 1
        ? `invalid configuration:\n  ${formatIssue(issues[0]!)}`
        : `invalid configuration (${issues.length} problems):\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** `['models', 1, 'base-url']` -> `models[1].base-url` */
export function formatPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
