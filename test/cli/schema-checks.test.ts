import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PROMPT = 'Return the contact as JSON';

/** A suite of one prompt whose json-schema check holds `property` (YAML flow mapping). */
function suite(property: string): string {
  return `name: s
prompts:
  - id: contact
    prompt: ${PROMPT}
    normalize: [trim]
    expect:
      - json-schema:
          type: object
          required: [email]
          properties:
            email: ${property}
`;
}

function config(baseUrl: string): string {
  return `models:\n  - id: m\n    model: m\n    base-url: ${baseUrl}\nsuites:\n  - path: s.yaml\n`;
}

describe('json-schema checks that would check nothing', () => {
  it('enforce `format: email`: validate accepts it, and a run fails an answer that is no address', async () => {
    server = await startReplayServer({
      recordings: [
        { model: 'wrong', prompt: PROMPT, output: '{"email": "definitely not an email"}' },
        { model: 'right', prompt: PROMPT, output: '{"email": "mara.quinn@example.com"}' },
      ],
    });
    const root = tempDir({ 'c.yml': config(server.baseUrl), 's.yaml': suite('{ type: string, format: email }') });
    expect(await runCli(['validate', 'c.yml'], root)).toMatchObject({ code: 0, stderr: '' });

    const passRate = async (model: string): Promise<unknown> => {
      server!.setAliases({ m: model });
      const result = await runCli(['run', '--config', 'c.yml', '--json', '--no-history'], root);
      expect(result.stderr).not.toContain('ignored');
      return (JSON.parse(result.stdout) as { models: Array<{ passRate: number }> }).models[0]!.passRate;
    };
    expect(await passRate('wrong')).toBe(0);
    expect(await passRate('right')).toBe(1);
  });

  const refused: Array<[string, string, RegExp]> = [
    [
      'an unknown format',
      '{ type: string, format: phone }',
      /^s\.yaml:11:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.properties\.email\.format: unknown format "phone": the formats checked are date, time, .*email.*\n$/,
    ],
    [
      'a format that accepts every value',
      '{ type: string, format: password }',
      /^s\.yaml:11:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.properties\.email\.format: format "password" checks nothing /,
    ],
    [
      'a misspelt keyword',
      '{ type: string, minLenght: 3 }',
      /^s\.yaml:11:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.properties\.email\.minLenght: unknown keyword "minLenght" would check nothing/,
    ],
    [
      'a keyword of another type than the one declared',
      '{ type: string, minimum: 3 }',
      /^s\.yaml:11:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.properties\.email\.minimum: "minimum" checks only number values .*add "type: number"/,
    ],
    [
      'a format without the type it checks',
      '{ format: email }',
      /^s\.yaml:11:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.properties\.email\.format: "format" checks only number or string values .*add "type: string"/,
    ],
    [
      'an annotation-only keyword',
      '{ type: string, contentEncoding: base64 }',
      /^s\.yaml:11:\d+: prompts\[0\]\.expect\[0\]\.json-schema\.properties\.email\.contentEncoding: "contentEncoding" is only an annotation in JSON Schema and checks nothing/,
    ],
  ];

  it.each(refused)('are refused by validate: %s, at its file, line and key', async (_, property, message) => {
    const root = tempDir({ 'c.yml': config('http://127.0.0.1:1/v1'), 's.yaml': suite(property) });
    const result = await runCli(['validate', 'c.yml'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
