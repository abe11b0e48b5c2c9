import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { judge, TRUNCATED_NOTE } from '../../src/checks/index.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { startReplayServer, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SUITE = `name: s
prompts:
  - id: contact
    prompt: Return the contact as JSON
    normalize: [trim]
    expect:
      - json-schema: { type: object, required: [email] }
  - id: hello
    prompt: Say hello
`;

const ANSWER = '{"email": "mara.quinn@example.com", "name": "Mara Quinn"}';

describe('a sample cut by finish_reason "length"', () => {
  it('is marked in the history record and counted in the report', async () => {
    server = await startReplayServer({
      recordings: [
        { model: 'm', prompt: 'Return the contact as JSON', output: ANSWER },
        { model: 'm', prompt: 'Say hello', output: 'Hello there, friend.' },
      ],
    });
    const config = `models:\n  - id: m\n    model: m\n    base-url: ${server.baseUrl}\nsuites:\n  - path: s.yaml\nsamples: 2\n`;
    const root = tempDir({ 'c.yml': config, 's.yaml': SUITE });

    expect((await runCli(['run', '--config', 'c.yml'], root)).code).toBe(0);
    server.setFaults({ truncated: { share: 1 } });
    const cut = await runCli(['run', '--config', 'c.yml'], root);
    expect(cut.code).toBe(0);

    const [whole, truncated] = readFileSync(join(root, '.trackrecord/history.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as HistoryRecord);
    expect(whole!.truncated).toBeUndefined();
    // The oldest version that holds the record: a reader of version 2 still reads a night with nothing cut.
    expect([whole!.schema, truncated!.schema]).toEqual([2, 3]);
    // Both samples of both prompts (catalog order: contact, hello), and the cut JSON fails its check.
    expect(truncated!.truncated).toEqual({ '0': [0, 1], '1': [0, 1] });
    expect(truncated!.passed).toEqual([0, null]);

    const report = readFileSync(join(root, '.trackrecord/report.md'), 'utf8');
    expect(report).toContain(
      'Truncated: 4 samples of the last run were cut (`finish_reason: length`, or past `max-output-kb`)',
    );
    expect(
      (await runCli(['report', '--history', '.trackrecord/history.jsonl', '--format', 'md'], root)).stdout,
    ).toContain('Truncated: 4 samples');
  });

  it('is noted by the checks it fails, and passes the checks it meets', () => {
    const prompt = {
      extract: null,
      normalize: [],
      expect: [{ kind: 'json-schema' as const, schema: { type: 'object' } }],
    };
    const half = ANSWER.slice(0, 20);
    expect(judge(half, prompt, undefined, true).failures).toEqual([
      `json-schema: not valid JSON: got ${JSON.stringify(half)}`,
      TRUNCATED_NOTE,
    ]);
    expect(judge(half, prompt).failures).toHaveLength(1);
    expect(judge(ANSWER, prompt, undefined, true)).toMatchObject({ pass: true, failures: [] });
  });
});
