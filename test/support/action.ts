import type { ActionHost, AnnotationPlace, InputName, OutputName } from '../../src/action/host.js';
import { run } from '../../src/action/main.js';
import {
  prepareRunnerStep,
  runBundledAction as runBundled,
  type ActionInvocation,
  type ActionRun,
} from '../../scripts/lib/runner.js';
import { tempDir } from './tmp.js';

export { actionNode, parseOutputFile, type ActionInvocation, type ActionRun } from '../../scripts/lib/runner.js';

/** The runner simulation shared with `npm run demo`, with its temp folder removed after the test. */
export function runBundledAction(invocation: ActionInvocation): Promise<ActionRun> {
  return runBundled({ runnerTemp: tempDir(), ...invocation });
}

export interface Annotation extends AnnotationPlace {
  level: 'error' | 'warning' | 'notice';
  message: string;
}

/** What an in-process run of the action told its host. */
export interface HostRun {
  /** 1 when the action failed the job, else 0: the exit code a runner would see. */
  code: number;
  /** The message the job failed with, or null. */
  failure: string | null;
  /** The log: one line per `info` call, in order. */
  log: string;
  annotations: Annotation[];
  outputs: Partial<Record<OutputName, string>>;
  /** The job summary as appended. */
  summary: string;
  /** The values registered for masking. */
  secrets: string[];
  /** The names of the log groups, in order. */
  groups: string[];
}

/** An ActionHost that keeps every call in memory, for the action run in-process. */
export class RecordingHost implements ActionHost {
  private readonly told: Omit<HostRun, 'log'> = {
    code: 0,
    failure: null,
    annotations: [],
    outputs: {},
    summary: '',
    secrets: [],
    groups: [],
  };
  private readonly lines: string[] = [];

  constructor(
    private readonly inputs: Partial<Record<string, string>>,
    /** Called as each group starts, before its work: what a test does while the run is in flight. */
    private readonly onGroup?: (name: string) => Promise<void>,
  ) {}

  /** Everything the action told the host so far. */
  get result(): HostRun {
    return { ...this.told, log: this.lines.join('\n') };
  }

  getInput(name: InputName): string {
    // As @actions/core reads them: trimmed, '' when unset.
    return (this.inputs[name] ?? '').trim();
  }
  setOutput(name: OutputName, value: string): void {
    this.told.outputs[name] = value;
  }
  setSecret(value: string): void {
    this.told.secrets.push(value);
  }
  info(message: string): void {
    this.lines.push(message);
  }
  notice(message: string, place?: AnnotationPlace): void {
    this.told.annotations.push({ level: 'notice', message, ...place });
  }
  warning(message: string, place?: AnnotationPlace): void {
    this.told.annotations.push({ level: 'warning', message, ...place });
  }
  error(message: string, place?: AnnotationPlace): void {
    this.told.annotations.push({ level: 'error', message, ...place });
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.told.groups.push(name);
    await this.onGroup?.(name);
    return fn();
  }
  async appendSummary(markdown: string): Promise<void> {
    this.told.summary += `${markdown}\n`;
  }
  setFailed(message: string): void {
    this.told.failure = message;
    this.told.code = 1;
  }
}

/**
 * Runs the action in this process, with the environment and files a runner gives a step (as
 * `runBundledAction` does) and a RecordingHost in place of the runner.
 */
export async function runAction(
  invocation: ActionInvocation,
  onGroup?: (name: string) => Promise<void>,
): Promise<HostRun> {
  const step = prepareRunnerStep({ runnerTemp: tempDir(), ...invocation });
  const host = new RecordingHost(step.inputs, onGroup);
  await run(host, step.env, invocation.workspace);
  return host.result;
}
