import { existsSync, readdirSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { builtinSuitesDir, packageRoot } from '../util/package-root.js';
import { baseUrlIssue, plainHttpIssue } from './base-url.js';
import { ConfigError, type ConfigIssue } from './errors.js';
import { checkSchema } from './schema-check.js';
import { resolveSuite } from './suite.js';
import { didYouMean } from './suggest.js';
import type { AzureDeployment, Config, ModelSpec, SuiteSpec } from './types.js';
import { DEFAULTS } from './types.js';
import { collidingOutputs, outsideWorkspace } from './workspace.js';
import { YamlFile } from './yaml-file.js';
import { decodeUtf8 } from '../util/utf8.js';

/** The config file's shape once it has passed `schema/config.schema.json`. */
interface RawConfig {
  models: RawModel[];
  suites: Array<string | { path: string }>;
  samples?: number;
  concurrency?: number;
  'timeout-seconds'?: number;
  'max-output-kb'?: number;
  retries?: number;
  history?: string;
  'history-max-mb'?: number;
  badge?: string;
  'allow-outside-workspace'?: boolean;
  window?: number;
  embedding?: string;
  thresholds?: { 'fail-below'?: number; 'fail-below-availability'?: number; 'fail-on-regression'?: boolean };
}

interface RawModel {
  id: string;
  model: string;
  'base-url'?: string;
  'api-key-env'?: string;
  temperature?: number;
  'top-p'?: number;
  seed?: number;
  'max-tokens'?: number;
  system?: string;
  headers?: Record<string, string>;
  provider?: 'openai' | 'azure';
  price?: { input: number; output: number; embedding?: number };
  embedding?: string;
  deployment?: string;
  'api-version'?: string;
}

export interface LoadOptions {
  /** The repository root: config, suite and history paths are relative to it. */
  root: string;
  /** Path of the config file, relative to `root` or absolute. */
  configPath?: string;
  /** Where files are read from (default: the file system); e.g. another commit of the repository. */
  files?: FileSource;
}

/** Reads the config's files: the working tree by default, or another version of the repository. */
export interface FileSource {
  /** The text of the file at an absolute path, or null when there is no such file. */
  read(absolute: string): Promise<string | null>;
  /** How a file is named in messages (default: its path relative to the repository). */
  name?(shown: string): string;
}

const FILE_SYSTEM: FileSource = {
  async read(absolute) {
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (code === 'EISDIR') throw new Error('is a directory, not a YAML file: name the file itself');
      throw e;
    }
    const decoded = decodeUtf8(bytes);
    if ('text' in decoded) return decoded.text;
    const { offset, line } = decoded.invalid;
    throw new Error(`not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`);
  },
};

/**
 * Reads, validates and resolves the config and every suite it names. Throws a ConfigError
 * listing all problems found, before anything talks to a model.
 */
export async function loadConfig(options: LoadOptions): Promise<Config> {
  const configPath = options.configPath ?? DEFAULTS.configPath;
  const files = options.files ?? FILE_SYSTEM;
  const yaml = await readYaml(options.root, configPath, files);
  const schemaIssues = checkSchema('config', yaml);
  if (schemaIssues.length > 0) throw new ConfigError(schemaIssues);

  const raw = yaml.data as RawConfig;
  const issues: ConfigIssue[] = [];
  const confine = raw['allow-outside-workspace'] !== true;
  for (const key of ['history', 'badge'] as const) {
    const problem = confine && raw[key] !== undefined ? outsideWorkspace(options.root, raw[key]) : null;
    if (problem !== null) issues.push(yaml.issue([key], `${problem}; ${OPT_OUT}`));
  }
  const models = resolveModels(raw.models, yaml, issues, raw.embedding);
  const suites = await resolveSuites(raw.suites, yaml, options.root, confine, issues, files);
  issues.push(...missingEmbeddingModels(models, suites));
  const inputs = [
    { path: configPath, what: 'the config' },
    ...suites
      .filter((s) => !s.source.startsWith('builtin:'))
      .map((s) => ({ path: s.source, what: `suite ${s.source}` })),
  ];
  issues.push(...collidingOutputs(raw, models, yaml, inputs));
  if (issues.length > 0) throw new ConfigError(issues);

  return {
    file: configPath,
    models,
    suites,
    samples: raw.samples ?? DEFAULTS.samples,
    concurrency: raw.concurrency ?? DEFAULTS.concurrency,
    timeoutSeconds: raw['timeout-seconds'] ?? DEFAULTS.timeoutSeconds,
    retries: raw.retries ?? DEFAULTS.retries,
    maxOutputKb: raw['max-output-kb'] ?? DEFAULTS.maxOutputKb,
    history: raw.history ?? DEFAULTS.history,
    historyMaxMb: raw['history-max-mb'] ?? DEFAULTS.historyMaxMb,
    badge: raw.badge ?? DEFAULTS.badge,
    window: raw.window ?? DEFAULTS.window,
    thresholds: {
      failBelow: raw.thresholds?.['fail-below'] ?? null,
      failBelowAvailability: raw.thresholds?.['fail-below-availability'] ?? DEFAULTS.failBelowAvailability,
      failOnRegression: raw.thresholds?.['fail-on-regression'] ?? DEFAULTS.failOnRegression,
    },
    ...(confine ? {} : { allowOutsideWorkspace: true as const }),
  };
}

/** Loads one suite file on its own (for `trackrecord validate`). */
export async function loadSuite(
  root: string,
  path: string,
  source = path,
  files: FileSource = FILE_SYSTEM,
): Promise<SuiteSpec> {
  const yaml = await readYaml(root, path, files);
  const { suite, issues } = resolveSuite(yaml, source);
  if (!suite) throw new ConfigError(issues);
  return suite;
}

/** Names of the suites shipped in `suites/`. */
export function builtinSuiteNames(): string[] {
  const dir = builtinSuitesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

const OPT_OUT = 'set allow-outside-workspace: true to allow it';

// Only YAML is read, so no error can quote another file (a mistyped path to .env, say).
const YAML_NAME = /\.ya?ml$/i;
const NOT_YAML = 'not read: config and suite files are YAML, named .yaml or .yml';

async function readYaml(root: string, path: string, files: FileSource): Promise<YamlFile> {
  const absolute = resolve(root, path);
  const relativePath = displayPath(root, absolute);
  const shown = files.name ? files.name(relativePath) : relativePath;
  let text: string | null;
  try {
    // A link named .yaml may lead to any file: the name that counts is where it leads. Another
    // version of the repository (a commit) has no links to follow: its names are checked as they are.
    const real = files === FILE_SYSTEM ? await realpath(absolute).catch(() => absolute) : absolute;
    if (!YAML_NAME.test(absolute) || !YAML_NAME.test(real)) {
      throw new ConfigError([{ file: shown, line: 0, column: 0, path: '', message: NOT_YAML }]);
    }
    text = await files.read(absolute);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError([{ file: shown, line: 0, column: 0, path: '', message: (e as Error).message }]);
  }
  if (text === null) throw new ConfigError([{ file: shown, line: 0, column: 0, path: '', message: 'file not found' }]);
  const { yaml, issues } = YamlFile.parse(shown, text);
  if (!yaml) throw new ConfigError(issues);
  return yaml;
}

function resolveModels(raw: RawModel[], yaml: YamlFile, issues: ConfigIssue[], embedding?: string): ModelSpec[] {
  const seen = new Map<string, number>();
  return raw.map((m, i) => {
    const first = seen.get(m.id);
    if (first !== undefined) {
      issues.push(yaml.issue(['models', i, 'id'], `duplicate model id "${m.id}" (first at models[${first}])`));
    } else {
      seen.set(m.id, i);
    }
    const params: ModelSpec['params'] = {};
    if (m.temperature !== undefined) params.temperature = m.temperature;
    if (m['top-p'] !== undefined) params.topP = m['top-p'];
    if (m.seed !== undefined) params.seed = m.seed;
    if (m['max-tokens'] !== undefined) params.maxTokens = m['max-tokens'];
    const azure = resolveAzure(m, i, yaml, issues);
    const baseUrl = (m['base-url'] ?? DEFAULTS.baseUrl).replace(/\/+$/, '');
    const apiKeyEnv = m['api-key-env'] ?? (azure ? DEFAULTS.azureApiKeyEnv : DEFAULTS.apiKeyEnv);
    const urlIssue = baseUrlIssue(baseUrl, ['models', i, 'base-url'], yaml);
    if (urlIssue) issues.push(urlIssue);
    const plainHttp = urlIssue ? null : plainHttpIssue(baseUrl, apiKeyEnv, ['models', i, 'base-url'], yaml);
    return {
      id: m.id,
      model: m.model,
      baseUrl,
      apiKeyEnv,
      ...(m['api-key-env'] === undefined ? {} : { apiKeyNamed: true }),
      params,
      system: m.system ?? null,
      headers: m.headers ?? {},
      ...(azure ? { azure } : {}),
      ...(plainHttp ? { plainHttp } : {}),
      ...(m.price ? { price: { ...m.price } } : {}),
      ...((m.embedding ?? embedding) ? { embedding: m.embedding ?? embedding } : {}),
      location: { file: yaml.file, line: yaml.lineOf(['models', i]), keys: yaml.keyLines(['models', i]) },
    };
  });
}

/**
 * A prompt with a `similar` check or `compare: embedding` (without a model of its own) runs on
 * every model: each needs an embedding model, or the run could not judge it. Said at the prompt's
 * key, naming the models without one.
 */
function missingEmbeddingModels(models: readonly ModelSpec[], suites: readonly SuiteSpec[]): ConfigIssue[] {
  const without = models.filter((m) => m.embedding === undefined);
  if (without.length === 0) return [];
  const names = `model${without.length === 1 ? '' : 's'} ${without.map((m) => `"${m.id}"`).join(', ')} ${without.length === 1 ? 'has' : 'have'} none`;
  return suites.flatMap((suite) =>
    suite.prompts.flatMap((p) =>
      p.embeddingUse
        ? [
            {
              ...p.embeddingUse,
              message:
                `needs an embedding model, and ${names}: set \`embedding: MODEL\` on the model ` +
                'or at the top of the config (the embedding model asked on its endpoint)',
            },
          ]
        : [],
    ),
  );
}

/**
 * Azure's classic deployments need the resource endpoint and an API version; the deployment
 * defaults to the model name. The deployment keys mean nothing to other servers, so they are
 * refused there rather than silently ignored.
 */
function resolveAzure(m: RawModel, i: number, yaml: YamlFile, issues: ConfigIssue[]): AzureDeployment | undefined {
  if (m.provider !== 'azure') {
    for (const key of ['deployment', 'api-version'] as const) {
      if (m[key] !== undefined) issues.push(yaml.issue(['models', i, key], `"${key}" needs \`provider: azure\``));
    }
    return undefined;
  }
  if (m['base-url'] === undefined) {
    issues.push(
      yaml.issue(
        ['models', i, 'provider'],
        'provider azure needs "base-url": the resource endpoint, e.g. https://NAME.openai.azure.com',
      ),
    );
  }
  if (m['api-version'] === undefined) {
    issues.push(yaml.issue(['models', i, 'provider'], 'provider azure needs "api-version", e.g. 2024-10-21'));
  }
  return { deployment: m.deployment ?? m.model, apiVersion: m['api-version'] ?? '' };
}

async function resolveSuites(
  raw: RawConfig['suites'],
  yaml: YamlFile,
  root: string,
  confine: boolean,
  issues: ConfigIssue[],
  files: FileSource,
): Promise<SuiteSpec[]> {
  const suites: SuiteSpec[] = [];
  const names = new Map<string, number>();
  for (const [i, entry] of raw.entries()) {
    const at = typeof entry === 'string' ? ['suites', i] : ['suites', i, 'path'];
    let file: string;
    let source: string;
    if (typeof entry === 'string') {
      const name = entry.slice('builtin:'.length);
      const available = builtinSuiteNames();
      if (!available.includes(name)) {
        issues.push(
          yaml.issue(
            at,
            `no built-in suite "${name}"${didYouMean(name, available)}; built-in: ${available.join(', ')}`,
          ),
        );
        continue;
      }
      file = join(builtinSuitesDir(), `${name}.yaml`);
      source = entry;
    } else {
      file = resolve(root, entry.path);
      source = entry.path;
      // Before anything is read or even looked up: where a path leads is all that is checked.
      const problem = confine ? outsideWorkspace(root, entry.path) : null;
      if (problem !== null) {
        issues.push(yaml.issue(at, `${problem}; ${OPT_OUT}`));
        continue;
      }
      if (!YAML_NAME.test(entry.path)) {
        issues.push(yaml.issue(at, `${JSON.stringify(entry.path)} ${NOT_YAML}`));
        continue;
      }
    }
    // Built-in suites ship with trackrecord: always read from its own folder.
    const from = typeof entry === 'string' ? FILE_SYSTEM : files;
    const found = await from.read(file).then(
      (text) => text !== null,
      () => true, // read again below, where the problem is reported as the file's
    );
    if (!found) {
      issues.push(yaml.issue(at, `suite file not found: ${source}`));
      continue;
    }
    try {
      const suite = await loadSuite(root, file, source, from);
      const first = names.get(suite.name);
      if (first !== undefined) {
        issues.push(
          yaml.issue(at, `two suites are named "${suite.name}" (first at suites[${first}]); names must be unique`),
        );
      } else {
        names.set(suite.name, i);
        suites.push(suite);
      }
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      issues.push(...e.issues);
    }
  }
  return suites;
}

/** Paths inside the repository are shown relative to it, built-in suites relative to trackrecord. */
function displayPath(root: string, absolute: string): string {
  for (const base of [root, packageRoot()]) {
    const rel = relative(base, absolute);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  return absolute;
}
