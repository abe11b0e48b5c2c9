import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Config } from '../config/types.js';
import type { RunOutcome } from '../run/outcome.js';
import { buildPlan } from '../run/plan.js';
import type { RunInfo } from '../run/run-info.js';
import { MAX_SHARDS, type Shard } from '../util/shard.js';
import { ERROR_CATEGORIES, type Observation, type ProviderError, type Sample } from '../run/types.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { count } from '../util/numbers.js';
import { isCount, isObject } from '../util/values.js';
import { EXIT, TrackrecordError } from '../util/errors.js';

export const PARTIAL_VERSION = 1 as const;

/**
 * What one shard of a run leaves for `trackrecord merge`: its observations, outputs included,
 * since the records are built from them only once every shard is in.
 */
export interface PartialFile {
  partial: typeof PARTIAL_VERSION;
  run: RunInfo;
  finishedAt: string;
  shard: Shard;
  /** `configHash` of the whole (unsharded) config the shard was cut from. */
  configHash: string;
  /** Every model of the config, in config order, with its observations of this shard's prompts in plan order. */
  models: Array<{ id: string; observations: Observation[] }>;
}

/** A partial file that cannot be used; the message names the file and what is wrong. */
export class PartialError extends TrackrecordError {
  override name = 'PartialError';
  readonly code = 'partial';
  readonly exitStatus = EXIT.invalid;
}

/**
 * What shards must agree on to be merged: the models as they are asked (id, name, endpoint,
 * params, system prompt), every prompt's identity and checks, and the samples. Not the history,
 * badge or thresholds: those only matter to the job that records.
 */
export function configHash(config: Config): string {
  const plan = buildPlan(config);
  return sha256(
    canonicalJson({
      samples: config.samples,
      models: config.models.map((m) => ({
        id: m.id,
        model: m.model,
        baseUrl: m.baseUrl,
        params: m.params,
        system: m.system,
      })),
      prompts: plan.prompts.map((p, i) => [p.suite, p.prompt.id, plan.checksHashes[i]]),
      hashes: plan.hashes,
    }),
  );
}

/** The partial of a shard's outcome; `config` is the whole config the shard was cut from. */
export function partialOf(outcome: RunOutcome, shard: Shard, config: Config): PartialFile {
  return {
    partial: PARTIAL_VERSION,
    run: outcome.run,
    finishedAt: outcome.finishedAt,
    shard: { index: shard.index, count: shard.count },
    configHash: configHash(config),
    models: outcome.models.map((m) => ({ id: m.model.id, observations: m.observations })),
  };
}

/**
 * Writes a shard's partial file (creating its folder), replacing the file in one rename so a
 * half-written partial is never read. `config` defaults to the outcome's; pass the unsharded
 * config when the outcome ran on a shard of it.
 */
export async function writePartial(
  path: string,
  outcome: RunOutcome,
  shard: Shard,
  config: Config = outcome.config,
): Promise<PartialFile> {
  const partial = partialOf(outcome, shard, config);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(partial)}\n`);
  await rename(temp, path);
  return partial;
}

/**
 * Reads and validates a partial file; a PartialError names the file and the first problem.
 * `note` hears what was let through as unknown (see parsePartial).
 */
export async function readPartial(
  path: string,
  label: string = path,
  note?: (message: string) => void,
): Promise<PartialFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PartialError(
      code === 'ENOENT' ? `${label}: no such partial file` : `${label}: cannot read: ${(error as Error).message}`,
    );
  }
  return parsePartial(text, label, note);
}

/**
 * Validates a partial file's text; `label` names it in errors. A sample's token count that is
 * not a count (an older trackrecord stored a server's -1 as it came, or the file was edited)
 * becomes null, as it would have on the run, and `note` hears it once per field: refusing the
 * file would lose every other shard's records, and the count is only what the server said.
 * The numbers trackrecord measures itself (latency, attempts) are refused when they are not counts.
 */
export function parsePartial(text: string, label: string, note?: (message: string) => void): PartialFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PartialError(`${label}: not a trackrecord partial file: not JSON (${(error as Error).message})`);
  }
  const fail = (path: string, message: string): never => {
    throw new PartialError(`${label}: ${path ? `${path}: ` : ''}${message}`);
  };
  if (!isObject(value) || !('partial' in value))
    fail('', 'not a trackrecord partial file (written by `trackrecord run --shard I/N`)');
  const v = value as Record<string, unknown>;
  if (v['partial'] !== PARTIAL_VERSION)
    fail(
      'partial',
      `unsupported partial version ${JSON.stringify(v['partial'])} (this trackrecord reads ${PARTIAL_VERSION})`,
    );
  const check = new Checker(fail, label, note);

  const run = check.object(v['run'], 'run');
  check.string(run['id'], 'run.id');
  check.timestamp(run['startedAt'], 'run.startedAt');
  check.string(run['trigger'], 'run.trigger');
  check.nullableString(run['commit'], 'run.commit');
  check.nullableString(run['url'], 'run.url');
  check.timestamp(v['finishedAt'], 'finishedAt');

  const shard = check.object(v['shard'], 'shard');
  const count = check.integer(shard['count'], 'shard.count', 1, MAX_SHARDS);
  check.integer(shard['index'], 'shard.index', 1, count);
  const hash = check.string(v['configHash'], 'configHash');
  if (!/^[0-9a-f]{64}$/.test(hash)) fail('configHash', 'expected 64 hex digits');

  const models = check.array(v['models'], 'models');
  models.forEach((m, i) => {
    const model = check.object(m, `models[${i}]`);
    const id = check.string(model['id'], `models[${i}].id`);
    check
      .array(model['observations'], `models[${i}].observations`)
      .forEach((o, j) => checkObservation(check, o, `models[${i}].observations[${j}]`, id));
  });
  check.flush();
  return value as PartialFile;
}

function checkObservation(check: Checker, value: unknown, path: string, modelId: string): void {
  const o = check.object(value, path);
  if (check.string(o['modelId'], `${path}.modelId`) !== modelId)
    check.fail(`${path}.modelId`, `"${String(o['modelId'])}" under model "${modelId}"`);
  for (const key of ['suite', 'promptId', 'promptHash', 'checksHash'] as const) check.string(o[key], `${path}.${key}`);
  check.array(o['samples'], `${path}.samples`).forEach((s, k) => checkSample(check, s, `${path}.samples[${k}]`));
}

function checkSample(check: Checker, value: unknown, path: string): void {
  const s = check.object(value, path) as Partial<Record<keyof Sample, unknown>>;
  check.nullableString(s.output, `${path}.output`);
  check.nullableString(s.answer, `${path}.answer`);
  if (s.pass !== null && typeof s.pass !== 'boolean') check.fail(`${path}.pass`, 'expected true, false or null');
  check.array(s.failures, `${path}.failures`).forEach((f, i) => check.string(f, `${path}.failures[${i}]`));
  if (s.error !== null) {
    const e = check.object(s.error, `${path}.error`) as Partial<Record<keyof ProviderError, unknown>>;
    if (!ERROR_CATEGORIES.includes(e.category as never))
      check.fail(`${path}.error.category`, `expected one of ${ERROR_CATEGORIES.join(', ')}`);
    check.nullableNumber(e.status, `${path}.error.status`);
    check.string(e.message, `${path}.error.message`);
  }
  // A run gives a sample an output or an error, never both or neither.
  if ((s.error === null) !== (typeof s.output === 'string'))
    check.fail(
      `${path}.output`,
      s.error === null ? 'a sample without an error has an output' : 'a sample with an error has no output (null)',
    );
  check.count(s.latencyMs, `${path}.latencyMs`);
  check.count(s.attempts, `${path}.attempts`);
  check.nullableString(s.servedModel, `${path}.servedModel`);
  check.nullableString(s.systemFingerprint, `${path}.systemFingerprint`);
  for (const key of ['tokensIn', 'tokensOut'] as const) {
    if (s[key] !== null && !isCount(s[key])) {
      check.unknown(`${path}.${key}`, key, s[key]);
      s[key] = null;
    }
  }
  // Absent in files written before samples were marked.
  if (s.truncated !== undefined && typeof s.truncated !== 'boolean')
    check.fail(`${path}.truncated`, 'expected true or false');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Type checks that fail with the key path of the value. */
class Checker {
  /** Fields already noted, with how many more times each was met. */
  private readonly noted = new Map<string, { first: string; value: unknown; more: number }>();

  constructor(
    readonly fail: (path: string, message: string) => never,
    private readonly label: string,
    private readonly note: ((message: string) => void) | undefined,
  ) {}

  /** A value let through as unknown: noted once per field, with how often it was met, when the file is read. */
  unknown(path: string, field: string, value: unknown): void {
    const seen = this.noted.get(field);
    if (seen) seen.more += 1;
    else this.noted.set(field, { first: path, value, more: 0 });
  }
  /** Tells the notes; called once the whole file has been checked. */
  flush(): void {
    for (const { first, value, more } of this.noted.values()) {
      const shown = (JSON.stringify(value) ?? String(value)).slice(0, 40);
      const others = more > 0 ? ` (and ${count(more, 'more sample', 'more samples')} like it)` : '';
      this.note?.(`${this.label}: ${first}: ${shown} is not a token count: taken as unknown${others}`);
    }
  }

  object(value: unknown, path: string): Record<string, unknown> {
    return isObject(value) ? value : this.fail(path, 'expected an object');
  }
  array(value: unknown, path: string): unknown[] {
    return Array.isArray(value) ? value : this.fail(path, 'expected an array');
  }
  string(value: unknown, path: string): string {
    return typeof value === 'string' ? value : this.fail(path, 'expected a string');
  }
  timestamp(value: unknown, path: string): string {
    const text = this.string(value, path);
    return TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text))
      ? text
      : this.fail(path, `expected an ISO 8601 time with a zone, got "${text}"`);
  }
  nullableString(value: unknown, path: string): void {
    if (value !== null && typeof value !== 'string') this.fail(path, 'expected a string or null');
  }
  count(value: unknown, path: string): number {
    return isCount(value) ? value : this.fail(path, 'expected a whole number, 0 or more');
  }
  number(value: unknown, path: string): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail(path, 'expected a number');
  }
  nullableNumber(value: unknown, path: string): void {
    if (value !== null) this.number(value, path);
  }
  integer(value: unknown, path: string, min: number, max: number): number {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
      this.fail(path, `expected a whole number from ${min} to ${max}`);
    return value as number;
  }
}
