import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    expect(c.thresholds).toEqual({ failBelow: null, failBelowAvailability: 0.5, failOnRegression: true });

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

  it('reads fail-below-availability, and refuses a share above 1', async () => {
    const set = `${config}thresholds:\n  fail-below-availability: 0.9\n`;
    const root = tempDir({ 'trackrecord.yml': set, 'prompts/support.yaml': suite });
    expect((await loadConfig({ root, configPath: 'trackrecord.yml' })).thresholds.failBelowAvailability).toBe(0.9);
    const issues = await issuesOf({
      'trackrecord.yml': `${config}thresholds:\n  fail-below-availability: 2\n`,
      'prompts/support.yaml': suite,
    });
    expect(issues).toEqual([
      expect.stringMatching(/^trackrecord\.yml:\d+:\d+: thresholds\.fail-below-availability: .*1/),
    ]);
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
    expect(issues[0]).toMatch(/^prompts\/support\.yaml:5:\d+: prompts\[0\]\.extract: .*not valid RE2 syntax/);
    expect(issues[1]).toMatch(/^prompts\/support\.yaml:7:\d+: prompts\[0\]\.expect\[0\]: .*not valid RE2 syntax/);
  });

  it('rejects lookarounds and backreferences at load time, naming file, line and key', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config,
      'prompts/support.yaml': suite
        .replace('(\\\\d+)', '\\\\[(yes|no)\\\\](?![\\\\s\\\\S]*\\\\[)')
        .replace('- equals: 30', '- not-regex: "(\\\\w)\\\\1"'),
    });
    expect(issues).toEqual([
      expect.stringMatching(
        /^prompts\/support\.yaml:5:\d+: prompts\[0\]\.extract: regex .*: lookahead \(\?!\.\.\.\): /,
      ),
      expect.stringMatching(
        /^prompts\/support\.yaml:7:\d+: prompts\[0\]\.expect\[0\]: not-regex .*: backreference \\1: /,
      ),
    ]);
  });

  it('rejects a JSON schema in expect that is not a valid schema', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': config,
      'prompts/support.yaml': suite.replace('- equals: 30', '- json-schema: { type: nosuchtype }'),
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^prompts\/support\.yaml:7:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.type: schema is invalid: data\/type must be /,
    );
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

describe('YAML aliases', () => {
  async function suiteIssues(text: string): Promise<string[]> {
    const root = tempDir({ 's.yaml': text });
    const error = await loadSuite(root, 's.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map(formatIssue);
  }

  it('accepts one expect anchor reused by 101 prompts', async () => {
    const prompts = Array.from({ length: 101 }, (_, i) =>
      i === 0
        ? '  - id: p0\n    prompt: x\n    expect: &checks\n      - equals: "yes"\n'
        : `  - id: p${i}\n    prompt: x\n    expect: *checks\n`,
    );
    const root = tempDir({ 's.yaml': `name: s\nprompts:\n${prompts.join('')}` });
    const loaded = await loadSuite(root, 's.yaml');
    expect(loaded.prompts).toHaveLength(101);
    expect(loaded.prompts[100]!.expect).toEqual([{ kind: 'equals', value: 'yes' }]);
  });

  it('rejects aliases that would expand past the limit, at the alias that does it', async () => {
    // Each level holds ten aliases of the one before: level 5 alone stands for over 10^6 values.
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 6; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const issues = await suiteIssues(`name: s\n${levels.join('\n')}\nprompts: []\n`);
    expect(issues).toEqual([
      expect.stringMatching(
        /^s\.yaml:7:\d+: aliases add more than 1,000,000 values to this file \(the larger of 1,000,000 and 10 times the \d+ it writes out\); write the repeated/,
      ),
    ]);
  });

  it('rejects an alias with no anchor before it, and one inside its own anchor', async () => {
    expect(await suiteIssues('name: s\nprompts:\n  - id: a\n    prompt: *missing\n')).toEqual([
      's.yaml:4:13: alias *missing has no anchor &missing before it',
    ]);
    expect(await suiteIssues('name: s\nprompts: &loop\n  - id: a\n    prompt: x\n    expect: *loop\n')).toEqual([
      's.yaml:5:13: alias *loop is inside the value it names',
    ]);
  });
});

describe('paths in a config', () => {
  const secret = 'OPENAI_API_KEY=sk-live-0123456789abcdef';
  const base = 'models: [{ id: a, model: m }]\n';
  const inside = 'name: s\nprompts:\n  - id: a\n    prompt: hi\n';

  it('keep history, badge and suites inside the workspace, naming file, line and key', async () => {
    const issues = await issuesOf({
      'trackrecord.yml': `${base}suites: [{ path: ../s.yaml }, { path: /etc/s.yaml }]\nhistory: ../h.jsonl\nbadge: /tmp/b.svg\n`,
    });
    const hint = 'is outside the workspace; set allow-outside-workspace: true to allow it';
    expect(issues).toEqual([
      `trackrecord.yml:3:10: history: "../h.jsonl" ${hint}`,
      `trackrecord.yml:4:8: badge: "/tmp/b.svg" ${hint}`,
      `trackrecord.yml:2:18: suites[0].path: "../s.yaml" ${hint}`,
      `trackrecord.yml:2:39: suites[1].path: "/etc/s.yaml" ${hint}`,
    ]);
  });

  it('follow symbolic links to where they lead', async () => {
    const outside = tempDir({ 's.yaml': inside, 'h/history.jsonl': '' });
    const root = tempDir({ 'trackrecord.yml': `${base}suites: [{ path: s.yaml }]\nhistory: h/history.jsonl\n` });
    symlinkSync(join(outside, 's.yaml'), join(root, 's.yaml'));
    symlinkSync(join(outside, 'h'), join(root, 'h'));
    const error = await loadConfig({ root, configPath: 'trackrecord.yml' }).catch((e: unknown) => e);
    expect((error as ConfigError).issues.map(formatIssue)).toEqual([
      'trackrecord.yml:3:10: history: "h/history.jsonl" leads outside the workspace through the symbolic link h; set allow-outside-workspace: true to allow it',
      'trackrecord.yml:2:18: suites[0].path: "s.yaml" leads outside the workspace through the symbolic link s.yaml; set allow-outside-workspace: true to allow it',
    ]);
  });

  it('may lead outside when the config says so', async () => {
    const outside = tempDir({ 's.yaml': inside });
    const root = tempDir({
      'trackrecord.yml': `${base}suites: [{ path: ${join(outside, 's.yaml')} }]\nhistory: ../h.jsonl\nallow-outside-workspace: true\n`,
    });
    const config = await loadConfig({ root, configPath: 'trackrecord.yml' });
    expect(config.suites.map((s) => s.name)).toEqual(['s']);
    expect(config.history).toBe('../h.jsonl');
  });

  it('never show what a file that is not YAML holds', async () => {
    const root = tempDir({
      'trackrecord.yml': `${base}suites: [{ path: .env }, { path: env.yaml }]\n`,
      '.env': `${secret}\n`,
    });
    symlinkSync(join(root, '.env'), join(root, 'env.yaml'));
    const error = await loadConfig({ root, configPath: 'trackrecord.yml' }).catch((e: unknown) => e);
    const messages = (error as ConfigError).issues.map(formatIssue);
    expect(messages).toEqual([
      'trackrecord.yml:2:18: suites[0].path: ".env" not read: config and suite files are YAML, named .yaml or .yml',
      'env.yaml: not read: config and suite files are YAML, named .yaml or .yml',
    ]);
    expect((error as Error).message).not.toContain('sk-live');
    // Named as YAML, it reads as one string: the whole file, which is not shown either.
    writeFileSync(join(root, 'pasted.yml'), `${secret}\nOTHER=1\n`);
    const asYaml = await loadConfig({ root, configPath: 'pasted.yml' }).catch((e: unknown) => e);
    expect((asYaml as Error).message).toBe('invalid configuration:\n  pasted.yml:1:1: must be object, got string');
    const asSuite = await loadSuite(root, 'pasted.yml').catch((e: unknown) => e);
    expect((asSuite as ConfigError).issues.map(formatIssue)).toEqual(['pasted.yml:1:1: must be object, got string']);
    const asConfig = await loadConfig({ root, configPath: '.env' }).catch((e: unknown) => e);
    expect((asConfig as Error).message).toBe(
      'invalid configuration:\n  .env: not read: config and suite files are YAML, named .yaml or .yml',
    );
  });

  it('never print back a key pasted where the name of its variable belongs', async () => {
    const root = tempDir({
      'trackrecord.yml': `models:\n  - id: m\n    model: x\n    api-key-env: sk-proj-AbCdEf0123456789SECRET\nsuites: [builtin:core]\n`,
    });
    const error = await loadConfig({ root, configPath: 'trackrecord.yml' }).catch((e: unknown) => e);
    expect((error as ConfigError).issues.map(formatIssue)).toEqual([
      'trackrecord.yml:4:18: models[0].api-key-env: must be the name of an environment variable (letters, digits, "_"), ' +
        'not the key itself: put the key in a secret or variable and name that here',
    ]);
    expect((error as Error).message).not.toContain('SECRET');
  });
});
