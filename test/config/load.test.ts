import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../src/config/errors.js';
import { loadConfig, loadSuite } from '../../src/config/load.js';
import { tempDir } from '../support/tmp.js';

const suite = `name: support
prompts:
  - id: refund-window
    prompt: "How many days do customers have to request a refund? Answer with a number."
    extract: { regex: "(\\\\d+)" }
    expect:
      - equals: 30
  - id: greeting
    messages:
      - { role: system, content: "Be brief." }
      - { role: user, content: "Say hello." }
    compare: { similarity: 0.7 }
`;

const config = `models:
  - id: gpt-4o-mini
    model: gpt-4o-mini
    temperature: 0
    seed: 42
  - id: local
    model: llama3
    base-url: http://127.0.0.1:11434/v1/
    api-key-env: OLLAMA_KEY
    system: You are terse.
suites:
  - path: prompts/support.yaml
samples: 3
`;

/** Loads and returns the formatted issues, failing the test if loading succeeds. */
async function issuesOf(files: Record<string, string>, configPath = 'trackrecord.yml'): Promise<string[]> {
  const root = tempDir(files);
  try {
    await loadConfig({ root, configPath });
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map(formatIssue);
    throw e;
  }
  throw new Error('expected the config to be rejected');
}

describe('loadConfig', () => {
  it('resolves a valid config with every default filled in', async () => {
    const root = tempDir({ 'trackrecord.yml': config, 'prompts/support.yaml': suite });
    const c = await loadConfig({ root, configPath: 'trackrecord.yml' });
    expect(c.models.map((m) => m.id)).toEqual(['gpt-4o-mini', 'local']);
    expect(c.models[0]).toMatchObject({
      baseUrl: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
      params: { temperature: 0, seed: 42 },
      system: null,
    });
    expect(c.models[1]).toMatchObject({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKeyEnv: 'OLLAMA_KEY',
      system: 'You are terse.',
    });
    expect(c).toMatchObject({ samples: 3, concurrency: 4, timeoutSeconds: 60, retries: 4, window: 30 });
    expect(c.maxOutputKb).toBe(256);
    expect(c.history).toBe('.trackrecord/history.jsonl');
    expect(c.thresholds).toEqual({ failBelow: null, failOnRegression: true });

    const [refund, greeting] = c.suites[0]!.prompts;
    expect(refund).toMatchObject({
      messages: [{ role: 'user', content: expect.stringContaining('refund') }],
      extract: { kind: 'regex', pattern: '(\\d+)', flags: '' },
      normalize: ['trim', 'collapse-whitespace'],
      compare: { kind: 'exact' },
      expect: [{ kind: 'equals', value: '30' }],
      location: { file: 'prompts/support.yaml', line: 3 },
    });
    expect(greeting!.messages).toHaveLength(2);
    expect(greeting!.compare).toEqual({ kind: 'similarity', threshold: 0.7 });
  });

  it('names file, line and key path for a typo, with a suggestion', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config.replace('temperature: 0', 'tempreature: 0'),
      'prompts/support.yaml': suite,
    });
    expect(issues).toEqual([
      'trackrecord.yml:4:5: models[0].tempreature: unknown key "tempreature" (did you mean "temperature"?)',
    ]);
  });

  it('reads max-output-kb, and refuses a cap below 1 KB', async () => {
    const root = tempDir({ 'trackrecord.yml': `${config}max-output-kb: 64\n`, 'prompts/support.yaml': suite });
    expect((await loadConfig({ root, configPath: 'trackrecord.yml' })).maxOutputKb).toBe(64);
    const issues = await issuesOf({ 'trackrecord.yml': `${config}max-output-kb: 0\n`, 'prompts/support.yaml': suite });
    expect(issues).toEqual([expect.stringMatching(/^trackrecord\.yml:\d+:\d+: max-output-kb: .*1/)]);
  });

  it('reports a missing model id at the model', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config.replace('  - id: local\n    model: llama3', '  - model: llama3'),
      'prompts/support.yaml': suite,
    });
    expect(issues).toEqual(['trackrecord.yml:6:5: models[1]: missing required key "id"']);
  });

  it('reports duplicate model ids and duplicate prompt ids with both places', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config.replace('id: local', 'id: gpt-4o-mini'),
      'prompts/support.yaml': suite.replace('id: greeting', 'id: refund-window'),
    });
    expect(issues).toContain(
      'trackrecord.yml:6:9: models[1].id: duplicate model id "gpt-4o-mini" (first at models[0])',
    );
    expect(issues).toContain(
      'prompts/support.yaml:8:9: prompts[1].id: duplicate prompt id "refund-window" (first at prompts[0])',
    );
  });

  it('rejects a regex that does not compile, in extract and in expect', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config,
      'prompts/support.yaml': suite.replace('(\\\\d+)', '(\\\\d+').replace('- equals: 30', '- regex: "[a-"'),
    });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^prompts\/support\.yaml:5:\d+: prompts\[0\]\.extract: .*regular expression/i);
    expect(issues[1]).toMatch(/^prompts\/support\.yaml:7:\d+: prompts\[0\]\.expect\[0\]: .*regular expression/i);
  });

  it('rejects a JSON schema in expect that is not a valid schema', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config,
      'prompts/support.yaml': suite.replace('- equals: 30', '- json-schema: { type: nosuchtype }'),
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^prompts\/support\.yaml:7:\d+: prompts\[0\]\.expect\[0\]: /);
  });

  it('reports broken YAML with its line', async () => {
    const issues = await issuesOf({ 'trackrecord.yml': 'models:\n  - id: a\n    model: [unclosed\nsuites: []\n' });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatch(/^trackrecord\.yml:\d+:\d+: YAML syntax error: /);
  });

  it('reports a duplicated YAML key instead of silently keeping one', async () => {
    const issues = await issuesOf({ 'trackrecord.yml': 'models: []\nmodels: []\nsuites: []\n' });
    expect(issues[0]).toMatch(/^trackrecord\.yml:2:\d+: YAML syntax error: .*unique/i);
  });

  it('suggests the closest built-in suite and lists a missing suite file', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config.replace(
        '  - path: prompts/support.yaml',
        '  - builtin:nosuch\n  - path: prompts/missing.yaml',
      ),
    });
    expect(issues[0]).toMatch(/^trackrecord\.yml:12:5: suites\[0\]: no built-in suite "nosuch"/);
    expect(issues[1]).toBe('trackrecord.yml:13:11: suites[1].path: suite file not found: prompts/missing.yaml');
  });

  it('explains the id pattern and a mistyped expectation kind', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config.replace('id: local', 'id: Local Model'),
      'prompts/support.yaml': suite.replace('- equals: 30', '- equal: 30'),
    });
    expect(issues).toEqual([
      'trackrecord.yml:6:9: models[1].id: "Local Model" must use only lowercase letters, digits, ".", "_" and "-"',
    ]);
    const suiteIssues = await issuesOf({
      'trackrecord.yml': config,
      'prompts/support.yaml': suite.replace('- equals: 30', '- equal: 30'),
    });
    expect(suiteIssues).toEqual([
      'prompts/support.yaml:7:9: prompts[0].expect[0].equal: unknown key "equal" (did you mean "equals"?)',
    ]);
  });

  it('limits the length of model ids and prompt ids', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config.replace('id: local', `id: ${'l'.repeat(101)}`),
      'prompts/support.yaml': suite.replace('id: greeting', `id: ${'g'.repeat(201)}`),
    });
    expect(issues).toEqual(['trackrecord.yml:6:9: models[1].id: must NOT have more than 100 characters']);
    const suiteIssues = await issuesOf({
      'trackrecord.yml': config,
      'prompts/support.yaml': suite.replace('id: greeting', `id: ${'g'.repeat(201)}`),
    });
    expect(suiteIssues).toEqual(['prompts/support.yaml:8:9: prompts[1].id: must NOT have more than 200 characters']);
    const atLimit = tempDir({
      'trackrecord.yml': config.replace('id: local', `id: ${'l'.repeat(100)}`),
      'prompts/support.yaml': suite,
    });
    expect((await loadConfig({ root: atLimit, configPath: 'trackrecord.yml' })).models[1]!.id).toHaveLength(100);
  });

  it('says when the config file itself is missing', async () => {
    expect(await issuesOf({}, '.github/trackrecord.yml')).toEqual(['.github/trackrecord.yml: file not found']);
  });
});

describe('loadSuite', () => {
  it('requires exactly one of prompt and messages', async () => {
    const root = tempDir({
      's.yaml': 'name: s\nprompts:\n  - id: a\n  - id: b\n    prompt: x\n    messages: [{ role: user, content: y }]\n',
    });
    const error = await loadSuite(root, 's.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map(formatIssue)).toEqual([
      's.yaml:3:5: prompts[0]: needs "prompt" or "messages"',
      's.yaml:4:5: prompts[1]: has both "prompt" and "messages"; use one',
    ]);
  });
});
