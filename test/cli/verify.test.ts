import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainRecords } from '../../src/history/codec.js';
import { GENESIS } from '../../src/history/record.js';
import { runCli } from '../support/cli.js';
import { historyText, joinLines, makeRecords, tamper } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const FILE = '.trackrecord/history.jsonl';

describe('trackrecord verify', () => {
  it('reports an intact history and exits 0', async () => {
    const cwd = tempDir({ [FILE]: historyText(makeRecords(6)) });
    const result = await runCli(['verify'], cwd);
    expect(result).toEqual({
      code: 0,
      stdout: `ok ${FILE}: 6 records, chain intact\nthe records are unsigned (no envelopes in .trackrecord/attestations.jsonl)\n`,
      stderr: '',
    });
  });

  it('reads the file given with --history, relative to the working directory', async () => {
    const cwd = tempDir({ 'data/h.jsonl': historyText(makeRecords(2)) });
    const result = await runCli(['verify', '--history', 'data/h.jsonl'], cwd);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^ok data\/h\.jsonl: 2 records, chain intact\n/),
    });
  });

  it('names the first bad line and what to do, exit 1', async () => {
    const lines = chainRecords(makeRecords(5), GENESIS);
    const cwd = tempDir({ [FILE]: joinLines([lines[0]!, lines[1]!, lines[3]!, lines[2]!, lines[4]!]) });
    const result = await runCli(['verify'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${FILE}:3: prev does not match the SHA-256 of line 2 (a line was changed, removed or reordered)\n` +
        `  the history was not modified. Restore it from git (git checkout -- ${FILE}) or investigate.\n`,
    );
  });

  it('on CRLF line endings, says how to check the file out byte-exact instead of restoring CRLF again', async () => {
    const text = historyText(makeRecords(2)).replace(/\n/g, '\r\n');
    const result = await runCli(['verify'], tempDir({ [FILE]: text }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${FILE}:1: line ends with "\\r"`);
    expect(result.stderr).not.toContain('Restore it from git');
    expect(result.stderr).toContain(`/${FILE} -text`);
    expect(result.stderr).toContain('core.autocrlf false');
  });

  it('catches a changed text even when the chain after it was rewritten', async () => {
    const lines = tamper(chainRecords(makeRecords(5), GENESIS), 0, (r) => {
      const texts = Object.values(r.texts!)[0]!;
      texts[Object.keys(texts)[0]!] = 'rewritten history';
    });
    const result = await runCli(['verify'], tempDir({ [FILE]: joinLines(lines) }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\.trackrecord\/history\.jsonl:1: texts\/.+: the text does not hash to its ref/);
  });

  it('--repair never rewrites a history through a link', async () => {
    const lines = chainRecords(makeRecords(2), GENESIS);
    const broken = joinLines(lines.slice(0, 1)) + lines[1]!.slice(0, 20);
    const target = join(tempDir({ 'h.jsonl': broken }), 'h.jsonl');
    const cwd = tempDir();
    mkdirSync(join(cwd, '.trackrecord'));
    symlinkSync(target, join(cwd, FILE));
    const result = await runCli(['verify', '--repair'], cwd);
    expect(result.stderr).toContain(`${FILE} is a symbolic link`);
    expect(result.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe(broken);
  });

  it('points to --repair for a cut-short last line, and --repair removes exactly that line', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const cut = lines[3]!.slice(0, Math.floor(lines[3]!.length / 2));
    const cwd = tempDir({ [FILE]: joinLines(lines.slice(0, 3)) + cut });
    const path = join(cwd, FILE);

    const failed = await runCli(['verify'], cwd);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^\.trackrecord\/history\.jsonl:4: not valid JSON/);
    expect(failed.stderr).toContain(
      `\n  the last line was cut short (a crash during a write?). Run: trackrecord verify --history ${FILE} --repair\n`,
    );

    const repaired = await runCli(['verify', '--repair'], cwd);
    expect(repaired).toEqual({
      code: 0,
      stdout:
        `repaired ${FILE}: removed the cut-short line 4, the last ${Buffer.byteLength(cut)} bytes ` +
        `(from byte ${Buffer.byteLength(joinLines(lines.slice(0, 3)))}): ${JSON.stringify(cut.slice(0, 60))}...; ` +
        '3 records, chain intact\n',
      stderr: '',
    });
    expect(readFileSync(path, 'utf8')).toBe(joinLines(lines.slice(0, 3)));
    expect(await runCli(['verify'], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^ok \.trackrecord\/history\.jsonl: 3 records, chain intact\n/),
    });
  });

  it('--repair keeps a complete last record and removes only the bytes appended to it', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const complete = joinLines(lines.slice(0, 3)) + lines[3]!;
    const cwd = tempDir({ [FILE]: `${complete}{"cut\u0007` });
    expect(await runCli(['verify', '--repair'], cwd)).toEqual({
      code: 0,
      stdout:
        `repaired ${FILE}: removed the last 6 bytes (from byte ${Buffer.byteLength(complete)}), ` +
        'after the complete record on line 4: "{\\"cut\\u0007"; 4 records, chain intact\n',
      stderr: '',
    });
    expect(readFileSync(join(cwd, FILE), 'utf8')).toBe(complete);
  });

  it('--repair refuses anything but a cut-short last line and modifies nothing', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const intact = joinLines(lines);
    const cwd = tempDir({ [FILE]: intact });
    const path = join(cwd, FILE);
    const nothing = await runCli(['verify', '--repair'], cwd);
    expect(nothing).toMatchObject({ code: 1, stdout: '' });
    expect(nothing.stderr).toBe(`${FILE}: nothing to repair: 4 records, chain intact\n`);
    expect(readFileSync(path, 'utf8')).toBe(intact);

    const broken = joinLines([lines[0]!, lines[2]!, lines[3]!]);
    writeFileSync(path, broken);
    const refused = await runCli(['verify', '--repair'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^\.trackrecord\/history\.jsonl:2: prev does not match .*\n {2}only a cut-short last line can be repaired\./,
    );
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });

  it('fails on a missing file', async () => {
    const result = await runCli(['verify'], tempDir());
    expect(result).toEqual({ code: 1, stdout: '', stderr: `trackrecord verify: ${FILE}: no such file\n` });
    expect((await runCli(['verify', '--repair', '--history', 'x.jsonl'], tempDir())).code).toBe(1);
  });

  it('rejects unknown options with exit 2, and is listed in the usage', async () => {
    const bad = await runCli(['verify', '--histroy', 'x'], tempDir());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: trackrecord verify');
    const help = await runCli(['--help'], tempDir());
    expect(help.stdout).toMatch(/\n {2}verify {5}check the history file/);
    expect((await runCli(['verify', '--help'], tempDir())).stdout).toContain('--repair');
  });
});
