import { DEFAULTS } from '../config/types.js';

export type Mode = 'track' | 'check';

/** The action's inputs, parsed once into a typed object (nothing else reads INPUT_*). */
export interface ActionSettings {
  configPath: string;
  mode: Mode;
  githubToken: string;
  commit: boolean;
  comment: boolean;
  /** With `${run_id}` replaced when the commit is made. */
  commitMessage: string;
}

export interface InputReader {
  getInput(name: string): string;
}

/** Events whose runs are checks of a change rather than points of the track record. */
const CHECK_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function readSettings(inputs: InputReader, eventName: string): ActionSettings {
  const modeInput = inputs.getInput('mode') || 'auto';
  if (!['auto', 'track', 'check'].includes(modeInput)) {
    throw new Error(`input "mode" must be auto, track or check, got "${modeInput}"`);
  }
  const mode: Mode = modeInput === 'auto' ? (CHECK_EVENTS.has(eventName) ? 'check' : 'track') : (modeInput as Mode);
  return {
    configPath: inputs.getInput('config') || DEFAULTS.configPath,
    mode,
    githubToken: inputs.getInput('github-token'),
    commit: booleanInput(inputs, 'commit', mode === 'track'),
    comment: booleanInput(inputs, 'comment', mode === 'check'),
    commitMessage: inputs.getInput('commit-message') || 'trackrecord: record run ${run_id}',
  };
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts, with a default for empty. */
function booleanInput(inputs: InputReader, name: string, fallback: boolean): boolean {
  const raw = inputs.getInput(name).trim();
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new Error(`input "${name}" must be true or false, got "${raw}"`);
}
