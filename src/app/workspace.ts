import type { ConfigIssue } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { signerFromEnv, signingKeySecrets, type Signer } from '../evidence/keys.js';
import { keyValues, modelsMissingKeys } from '../providers/keys.js';
import { EXIT, TrackrecordError } from '../util/errors.js';

/** What every run starts from: the config and the key that signs its records. */
export interface Workspace {
  config: Config;
  /** Signs appended records (TRACKRECORD_SIGNING_KEY), or null without a key. */
  signer: Signer | null;
}

export interface WorkspaceOptions {
  /** Repository root: the config path is relative to it. */
  root: string;
  /** The config file (default .github/trackrecord.yml). */
  configPath?: string;
  env: NodeJS.ProcessEnv;
  /** Told every secret of the run (the models' API keys, the signing key's parts) before the key is parsed, to mask in a log. */
  mask?: (secret: string) => void;
}

/**
 * Loads the config and the signing key. Both fail here, before any request: a broken config
 * throws its ConfigError, a bad key its EvidenceKeyError.
 */
export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const config = await openConfig(options);
  if (options.mask) for (const secret of runSecrets(config, options.env)) options.mask(secret);
  return { config, signer: signerFromEnv(options.env) };
}

/** The config alone, for uses that sign nothing (a shard, a dry run). */
export async function openConfig(options: Omit<WorkspaceOptions, 'env'>): Promise<Config> {
  return loadConfig({ root: options.root, configPath: options.configPath });
}

function runSecrets(config: Config, env: NodeJS.ProcessEnv): string[] {
  return [...keyValues(config.models, env), ...signingKeySecrets(env)];
}

/** The API key variables that models of the config need and the environment does not set, once each. */
export function missingKeyVariables(config: Config, env: NodeJS.ProcessEnv): string[] {
  return [...new Set(modelsMissingKeys(config.models, env).map((m) => m.apiKeyEnv))];
}

/** What the config does that is allowed but unwise with this environment: a key sent over plain http to a host not local. */
export function configWarnings(config: Config, env: NodeJS.ProcessEnv): ConfigIssue[] {
  return config.models.flatMap((m) => (m.plainHttp && env[m.apiKeyEnv] ? [m.plainHttp] : []));
}

/** A run refused before its first request: a model needs a key the environment does not set. */
export class MissingKeyError extends TrackrecordError {
  override name = 'MissingKeyError';
  readonly code = 'missing-key';
  readonly exitStatus = EXIT.invalid;
}

/**
 * Refuses a run whose models need API keys the environment does not set, before any request:
 * without the key every request would only come back refused. One line per variable, naming
 * the models that need it and where the config defines them.
 */
export function requireKeys(config: Config, env: NodeJS.ProcessEnv): void {
  const missing = modelsMissingKeys(config.models, env);
  if (missing.length === 0) return;
  const lines = missingKeyVariables(config, env).map((variable) => {
    const models = missing
      .filter((m) => m.apiKeyEnv === variable)
      .map(
        (m) => `"${m.id}" (${new URL(m.baseUrl).host}${m.location ? `, ${m.location.file}:${m.location.line}` : ''})`,
      );
    return `${variable} is not set, and model ${models.join(', ')} needs it.`;
  });
  throw new MissingKeyError(
    `${lines.join('\n')}\nNo request was sent. Set the variable to the API key, or name the variable that ` +
      `holds it in the model's api-key-env (remove api-key-env for a local server that takes no key).`,
  );
}
