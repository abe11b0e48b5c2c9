import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a segmented history through the CLI', () => {
  it('runs seal the open file past history-max-mb; verify walks every file, report reads what it needs', async () => {
    server = await startPrimeServer();
    const key = makeKey();
    // About 40 KB a file: the first record of a file stores texts and catalog (about 26 KB), later ones 4.5 KB.
    const cwd = tempDir({ 'c.yml': primeConfig(server.baseUrl, 'gpt-4-0314', 'history-max-mb: 0.04\n') });
    const sealedLines: string[] = [];
    for (let night = 0; night < 12; night++) {
      const run = await runCli(['run', '--config', 'c.yml'], cwd, { TRACKRECORD_SIGNING_KEY: key.privatePem });
      expect(run.code, run.stderr).toBe(0);
      sealedLines.push(...run.stdout.split('\n').filter((l) => l.startsWith('sealed:')));
    }
    const files = readdirSync(join(cwd, '.trackrecord')).filter((f) => f.endsWith('.jsonl'));
    expect(sealedLines.length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => f.startsWith('history'))).toHaveLength(sealedLines.length + 1);
    expect(sealedLines[0]).toBe('sealed:  .trackrecord/history-0001.jsonl');

    const verify = await runCli(['verify'], cwd);
    expect(verify.code).toBe(0);
    expect(verify.stdout.split('\n')[0]).toBe(
      `ok .trackrecord/history.jsonl: 12 records in ${sealedLines.length + 1} files, chain intact`,
    );

    // Signed appends follow the cut: each sealed file took its attestations file along.
    expect(files.filter((f) => f.startsWith('attestations')).sort()).toEqual(
      files
        .filter((f) => f.startsWith('history'))
        .map((f) => f.replace('history', 'attestations'))
        .sort(),
    );
    writePublicKey(cwd, key);
    const signed = await runCli(['verify', '--key', 'public.pem'], cwd);
    expect(signed.stdout, signed.stderr).toMatch(/^ok .*12 records in \d+ files, chain intact, every record signed/);

    const all = await runCli(['report', '--all', '--format', 'json'], cwd);
    const recent = await runCli(['report', '--trend', '2', '--format', 'json'], cwd);
    expect(JSON.parse(all.stdout)).toMatchObject({ records: 12 });
    const read = (JSON.parse(recent.stdout) as { records: number }).records;
    expect(read).toBeGreaterThanOrEqual(3);
    expect(read).toBeLessThan(12);

    // One byte of the first sealed file: verify names that file and line; the first report does not read it.
    const first = join(cwd, '.trackrecord/history-0001.jsonl');
    const text = readFileSync(first, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(2);
    writeFileSync(first, text.replace('"trigger":"cli"', '"trigger":"clI"'));
    const tampered = await runCli(['verify'], cwd);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^\.trackrecord\/history-0001\.jsonl:2: prev does not match the SHA-256 of line 1/);
    expect((await runCli(['report', '--trend', '2'], cwd)).code).toBe(0);
    expect(await runCli(['report', '--all'], cwd)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/history-0001\.jsonl:2: /) as unknown as string,
    });
  });
});
