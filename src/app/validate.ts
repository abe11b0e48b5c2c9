import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { loadConfig, loadSuite } from '../config/load.js';
import { promptCount } from '../config/types.js';

/**
 * Checks one config (with every suite it names) or one suite against its schema, calling no
 * model. Returns what the file holds, in a few words; a file that does not hold throws its
 * ConfigError, every issue with its file, line and key.
 */
export async function validateFile(root: string, file: string): Promise<string> {
  if (await isConfigFile(resolve(root, file))) {
    const config = await loadConfig({ root, configPath: file });
    const prompts = promptCount(config);
    return `config with ${config.models.length} model(s), ${config.suites.length} suite(s), ${prompts} prompt(s)`;
  }
  const suite = await loadSuite(root, file);
  return `suite "${suite.name}" with ${suite.prompts.length} prompt(s)`;
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
