import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function workspace(): Promise<string> {
  server = await startPrimeServer();
  const config = `models:\n  - id: gpt-4\n    model: gpt-4-0314\n    base-url: ${server.baseUrl}\nsuites:\n  - path: x.yaml\n`;
  return tempDir({ '.github/trackrecord.yml': config });
}

describe('suite files that cannot be read as YAML text', () => {
  it('a directory named x.yaml is a message and exit 2', async () => {
    const root = await workspace();
    mkdirSync(join(root, 'x.yaml'));
    for (const argv of [['validate'], ['run', '--no-history']]) {
      const result = await runCli(argv, root);
      expect(result.stderr).toContain('x.yaml: is a directory, not a YAML file');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.code).toBe(2);
    }
    expect(server!.stats().requests).toBe(0);
  });

  it('a suite that is not UTF-8 is refused with the byte offset, and nothing is sent', async () => {
    const root = await workspace();
    const head = Buffer.from('name: s\nprompts:\n  - id: a\n    prompt: "caf');
    // Latin-1 "é" (0xe9) followed by a quote: not UTF-8.
    writeFileSync(join(root, 'x.yaml'), Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('"\n')]));
    const result = await runCli(['run', '--no-history'], root);
    expect(result.stderr).toContain(`x.yaml: not valid UTF-8 at byte ${head.length} (line 4)`);
    expect(result.code).toBe(2);
    expect(server!.stats().requests).toBe(0);
  });
});
