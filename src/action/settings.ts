import { DEFAULTS } from '../config/types.js';
import { parseShard, ShardError, type Shard } from '../util/shard.js';
import type { ActionHost, InputName } from './host.js';

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
  /** `branch`: where the track record lives (history, badges, report) when not on the checked-out branch; null for that one. */
  branch: string | null;
  /** `shard: I/N`: run only this shard's prompts and write its partial file; nothing is recorded. */
  shard: Shard | null;
  /** `partial-path`: where the shard's partial goes; null for `$RUNNER_TEMP/trackrecord-partial-I-of-N.json`. */
  partialPath: string | null;
  /** `merge`: partial files or patterns (one a line) to merge and record instead of running; empty when not merging. */
  merge: string[];
}

/** What the settings need of the host: its inputs. */
export type InputReader = Pick<ActionHost, 'getInput'>;

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
    branch: inputs.getInput('branch').trim() || null,
    ...shardSettings(inputs, mode),
  };
}

/** The sharding inputs: a matrix job runs one shard, a final job merges them (track mode only). */
function shardSettings(inputs: InputReader, mode: Mode): Pick<ActionSettings, 'shard' | 'partialPath' | 'merge'> {
  const shardInput = inputs.getInput('shard').trim();
  const partialPath = inputs.getInput('partial-path').trim() || null;
  const merge = splitPatterns(inputs.getInput('merge'));
  let shard: Shard | null = null;
  if (shardInput !== '') {
    try {
      shard = parseShard(shardInput);
    } catch (error) {
      throw error instanceof ShardError ? new Error(`input "shard": ${error.message}`) : error;
    }
  }
  if (shard && merge.length > 0) {
    throw new Error(
      'inputs "shard" and "merge" belong to different jobs: each matrix job runs one shard, then one job merges their partial files',
    );
  }
  if (partialPath !== null && !shard)
    throw new Error('input "partial-path" is where a shard\'s partial file goes: set "shard" too');
  if ((shard || merge.length > 0) && mode !== 'track') {
    throw new Error(
      `input "${shard ? 'shard' : 'merge'}" works in track mode only (this run is in ${mode} mode): a sharded run is recorded and committed by its merge job`,
    );
  }
  return { shard, partialPath, merge };
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts, with a default for empty. */
function booleanInput(inputs: InputReader, name: InputName, fallback: boolean): boolean {
  const raw = inputs.getInput(name).trim();
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new Error(`input "${name}" must be true or false, got "${raw}"`);
}

/** Splits the `merge` input: one path or pattern per line; blank lines and `#` comments are skipped. */
function splitPatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
