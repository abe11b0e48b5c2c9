import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { loadConfig, loadSuite } from '../config/load.js';
import type { ConfigIssue } from '../config/errors.js';
import { promptCount } from '../config/types.js';
import { configWarnings } from './workspace.js';
import { count } from '../util/numbers.js';

/**
 * Checks one config (with every suite it names) or one suite against its schema, calling no
 * model. Returns what the file holds, in a few words, and what a run would warn about with
 * `env`; a file that does not hold throws its ConfigError, every issue with its file, line and key.
 */
export async function validateFile(
  root: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<{ summary: string; warnings: ConfigIssue[] }> {
  if (await isConfigFile(resolve(root, file))) {
    const config = await loadConfig({ root, configPath: file });
    const prompts = promptCount(config);
    return {
      summary: `config with ${count(config.models.length, 'model')}, ${count(config.suites.length, 'suite')}, ${count(prompts, 'prompt')}`,
      warnings: configWarnings(config, env),
    };
  }
  const suite = await loadSuite(root, file);
  return { summary: `suite "${suite.name}" with ${count(suite.prompts.length, 'prompt')}`, warnings: [] };
}

/** A config has `models`; anything else is read as a suite (and its schema says what is wrong). */
async function isConfigFile(path: string): Promise<boolean> {
  try {
    // The document's top-level keys, not its data: building that is the loader's, which bounds aliases.
    const doc = parseDocument(await readFile(path, 'utf8'));
    return isMap(doc.contents) && doc.contents.has('models');
  } catch {
    return false;
  }
}
