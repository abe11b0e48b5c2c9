import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { tempDir } from '../support/tmp.js';

const SUITE = `name: sem
prompts:
  - id: capital
    prompt: "What is the capital of France?"
    expect:
      - contains: Paris
      - similar: { to: "Paris is the capital of France.", threshold: 0.9 }
  - id: story
    prompt: "Tell a short story."
    compare: embedding
  - id: named
    prompt: "Say hello."
    compare: { embedding: text-embedding-3-large, threshold: 0.95 }
`;

const models = (a: string, b: string) => `models:
  - id: a
    model: gpt-4o-mini
${a}  - id: b
    model: llama3
    base-url: http://127.0.0.1:11434/v1
${b}suites:
  - path: prompts/sem.yaml
`;

async function load(config: string, suite = SUITE) {
  return loadConfig({ root: tempDir({ 'c.yml': config, 'prompts/sem.yaml': suite }), configPath: 'c.yml' });
}

async function issues(config: string, suite = SUITE): Promise<string[]> {
  try {
    await load(config, suite);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map(formatIssue);
    throw e;
  }
  throw new Error('expected the config to be refused');
}

describe('the embedding model', () => {
  it('is the model’s own, else the top-level one', async () => {
    const config = await load(`${models('    embedding: text-embedding-3-small\n', '')}embedding: nomic-embed-text\n`);
    expect(config.models.map((m) => m.embedding)).toEqual(['text-embedding-3-small', 'nomic-embed-text']);
    const [capital, story, named] = config.suites[0]!.prompts;
    expect(capital!.expect[1]).toEqual({ kind: 'similar', to: 'Paris is the capital of France.', threshold: 0.9 });
    expect(story!.compare).toEqual({ kind: 'embedding', model: null, threshold: 0.8 });
    expect(named!.compare).toEqual({ kind: 'embedding', model: 'text-embedding-3-large', threshold: 0.95 });
  });

  it('is needed by similar checks and compare: embedding: the error names the key, its line and the model without one', async () => {
    const found = await issues(models('    embedding: text-embedding-3-small\n', ''));
    expect(found).toEqual([
      expect.stringMatching(
        /^prompts\/sem\.yaml:7:\d+: prompts\[0\]\.expect\[1\]\.similar: needs an embedding model, and model "b" has none: set `embedding: MODEL`/,
      ),
      expect.stringMatching(
        /^prompts\/sem\.yaml:10:\d+: prompts\[1\]\.compare: needs an embedding model, and model "b" has none/,
      ),
    ]);
    // A comparison naming its embedding model needs no model's.
    expect(found.join('\n')).not.toContain('prompts[2]');
  });

  it('names every model without one, before any model call', async () => {
    const found = await issues(models('', ''));
    expect(found[0]).toMatch(/needs an embedding model, and models "a", "b" have none/);
  });

  it('refuses compare objects that mix the kinds or lack the model', async () => {
    const config = models('', '');
    const bad = (compare: string) => SUITE.replace('compare: embedding', `compare: ${compare}`);
    expect(await issues(config, bad('{ similarity: 0.8, embedding: true }'))).toEqual([
      expect.stringMatching(
        /sem\.yaml:10:\d+: prompts\[1\]\.compare: use either \{similarity: T\} or \{embedding: MODEL, threshold: T\}/,
      ),
    ]);
    expect((await issues(config, bad('{ threshold: 0.8 }')))[0]).toMatch(
      /prompts\[1\]\.compare: "threshold" goes with "embedding"/,
    );
    expect((await issues(config, bad('{ embedding: true, threshold: 1.5 }')))[0]).toMatch(
      /prompts\[1\]\.compare\.threshold: .*1/,
    );
  });
});
