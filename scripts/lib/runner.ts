import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/**
 * The inputs as a runner passes them when a workflow sets none: action.yml's defaults, with the
 * one expression among them (`${{ github.token }}`) given a test value.
 */
function defaultInputs(): Record<string, string> {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => {
      const value = input.default ?? '';
      if (value === '${{ github.token }}') return [name, 'test-token'];
      if (value.includes('${{'))
        throw new Error(`action.yml: input "${name}" defaults to an expression to simulate here`);
      return [name, value];
    }),
  );
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the action wrote to GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** What the action wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
}

export interface ActionInvocation {
  /** The checkout the action runs in (GITHUB_WORKSPACE). */
  workspace: string;
  eventName: string;
  event?: unknown;
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  /** RUNNER_TEMP, where the event, output and summary files go (a new temp folder by default). */
  runnerTemp?: string;
  /** Also show the action's log as it runs. */
  echo?: boolean;
}

/** A workflow run's step as the runner sets it up: its temp folder, the files it hands the action, and the environment. */
export interface RunnerStep {
  files: { event: string; output: string; summary: string };
  /** Every input of action.yml: its defaults under the invocation's own. */
  inputs: Record<string, string>;
  /** INPUT_* for the inputs and the GITHUB_* files and variables of a workflow run. */
  env: NodeJS.ProcessEnv;
}

/** Writes the event, output and summary files of a step and returns them with its environment. */
export function prepareRunnerStep(invocation: ActionInvocation): RunnerStep {
  const dir = invocation.runnerTemp ?? mkdtempSync(join(tmpdir(), 'trackrecord-runner-'));
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(invocation.event ?? {}));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputs: Record<string, string> = { ...defaultInputs(), ...invocation.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: invocation.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: invocation.workspace,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: String(1000 + Math.floor(Math.random() * 1e6)),
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    ...invocation.env,
  };
  return { files, inputs, env };
}

/**
 * Runs the bundled action (`dist/index.js`) the way a runner does: a fresh node process with
 * INPUT_* for the inputs and the GITHUB_* files and variables of a workflow run.
 */
export function runBundledAction(invocation: ActionInvocation): Promise<ActionRun> {
  const { files, env } = prepareRunnerStep(invocation);
  return new Promise((resolve, reject) => {
    const child = spawn(actionNode(), [join(REPO_ROOT, 'dist', 'index.js')], { cwd: invocation.workspace, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (invocation.echo) process.stdout.write(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (invocation.echo) process.stderr.write(c);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
        summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
      }),
    );
  });
}

/**
 * The Node.js that runs the bundle: this one, or TRACKRECORD_ACTION_NODE (`npm run test:node24`
 * points it at Node 24, the runtime action.yml names).
 */
export function actionNode(): string {
  return process.env['TRACKRECORD_ACTION_NODE'] || process.execPath;
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]!);
      outputs[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
