/**
 * The action's port to the runner: everything the action reads from or tells the workflow run
 * goes through an ActionHost, passed to `run()` the way CliIO is passed to the CLI. Production
 * wraps @actions/core (core-host.ts); tests record the calls in memory and run the action
 * in-process.
 */

/** The inputs and outputs of action.yml, spelled once (a test checks action.yml against them). */
export const INPUTS = [
  'config',
  'mode',
  'github-token',
  'commit',
  'comment',
  'commit-message',
  'branch',
  'shard',
  'partial-path',
  'merge',
] as const;
export const OUTPUTS = [
  'reliability',
  'drifted',
  'regressions',
  'cost',
  'report',
  'history',
  'partial',
  'statement',
  'predicate',
] as const;

export type InputName = (typeof INPUTS)[number];
export type OutputName = (typeof OUTPUTS)[number];

/** Where an annotation points: a file of the repository, optionally a line and column of it. */
export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface ActionHost {
  /** The input's raw value; '' when it is not set. */
  getInput(name: InputName): string;
  setOutput(name: OutputName, value: string): void;
  /** Registers a value the runner must mask in the log. */
  setSecret(value: string): void;
  info(message: string): void;
  notice(message: string, place?: AnnotationPlace): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string, place?: AnnotationPlace): void;
  /** Runs `fn` with its log folded under `name`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Appends markdown to the job summary (nothing when the runner gives none). */
  appendSummary(markdown: string): Promise<void>;
  /** Fails the job with this message; called once, by `run()`. */
  setFailed(message: string): void;
}
