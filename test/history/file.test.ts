import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainRecords, lineHash } from '../../src/history/codec.js';
import { HistoryError } from '../../src/history/errors.js';
import { appendRecords } from '../../src/history/file.js';
import { repairTruncated } from '../../src/history/repair.js';
import { readHistory } from '../../src/history/read.js';
import { lockPathOf } from '../../src/history/lock.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { historyText, joinLines, makeRecords, tamper } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const FILE = '.trackrecord/history.jsonl';

function withHistory(text: string): string {
  return join(tempDir({ [FILE]: text }), FILE);
}

async function historyError(promise: Promise<unknown>): Promise<HistoryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HistoryError);
  return error as HistoryError;
}

function stripPrev(records: HistoryRecord[]): Array<Omit<HistoryRecord, 'prev'>> {
  return records.map(({ prev: _, ...r }) => r);
}

describe('readHistory', () => {
  it('reads a missing file as an empty history', async () => {
    const read = await readHistory(join(tempDir(), 'nope', 'history.jsonl'));
    expect(read).toMatchObject({ records: [], sealed: 0, complete: true, files: [{ records: 0 }] });
    expect(read.open.exists).toBe(false);
  });

  it('returns the records and lines of an intact file', async () => {
    const records = makeRecords(5);
    const path = withHistory(historyText(records));
    const history = await readHistory(path);
    expect(stripPrev(history.records)).toEqual(records);
    expect(history.open.verifier.lines).toEqual(chainRecords(records, GENESIS));
    expect(history.open.endsWithNewline).toBe(true);
  });

  it('throws a HistoryError naming file and line, with what to do', async () => {
    const lines = chainRecords(makeRecords(5), GENESIS);
    const path = withHistory(joinLines([...lines.slice(0, 3), ...lines.slice(4)]));
    const error = await historyError(readHistory(path));
    expect(error).toMatchObject({ file: path, line: 4 });
    expect(error.reason).toBe('prev does not match the SHA-256 of line 3 (a line was changed, removed or reordered)');
    expect(error.message).toBe(
      `${path}:4: prev does not match the SHA-256 of line 3 (a line was changed, removed or reordered)\n` +
        `  the history was not modified. Restore it from git (git checkout -- ${path}) or investigate.`,
    );
  });

  it('points to --repair for a last line cut short', async () => {
    const lines = chainRecords(makeRecords(3), GENESIS);
    const path = withHistory(joinLines(lines.slice(0, 2)) + lines[2]!.slice(0, 200));
    const error = await historyError(readHistory(path));
    expect(error.line).toBe(3);
    expect(error.hint).toBe(
      `the last line was cut short (a crash during a write?). Run: trackrecord verify --history ${path} --repair`,
    );
    expect(error.relabel(FILE).message).toMatch(
      /^\.trackrecord\/history\.jsonl:3: not valid JSON.*\n {2}the last line was cut short \(a crash during a write\?\)\. Run: trackrecord verify --history \.trackrecord\/history\.jsonl --repair$/,
    );
  });

  it('fails on the changed line or the next for a change of any byte but in the last line', async () => {
    // Filler with multi-byte characters, so some changes leave invalid UTF-8.
    const text = historyText(makeRecords(4, { outputSize: 60 }));
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(text.length);
    const path = withHistory(text);
    const lineOf = (at: number): number => bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const reasons = new Set<string>();
    const lastStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    let tried = 0;
    for (let at = 3; at < lastStart - 1; at += 7) {
      if (bytes[at] === 0x0a) continue;
      const changed = Buffer.from(bytes);
      changed[at] = bytes[at] === 0x41 ? 0x42 : 0x41; // "A" or "B": splits a multi-byte character too
      writeFileSync(path, changed);
      const error = await historyError(readHistory(path));
      expect([lineOf(at), lineOf(at) + 1], `byte ${at}: ${error.reason}`).toContain(error.line);
      reasons.add(error.reason.replace(/[\d(].*$/, ''));
      tried += 1;
    }
    expect(tried).toBeGreaterThan(100);
    expect(reasons).toContain('not valid UTF-');
    expect(reasons).toContain('prev does not match the SHA-');
  });

  it('names a line that is not valid UTF-8', async () => {
    const lines = chainRecords(makeRecords(3), GENESIS);
    const changed = Buffer.from(joinLines(lines), 'utf8');
    // A lone continuation byte inside the run id on line 2.
    const runId = changed.indexOf(Buffer.from('"id":"1000-1"'), Buffer.byteLength(`${lines[0]}\n`));
    changed[runId + 6] = 0x80;
    const path = withHistory('');
    writeFileSync(path, changed);
    const error = await historyError(readHistory(path));
    expect(error).toMatchObject({ line: 2, reason: 'not valid UTF-8' });
  });
});

describe('appendRecords', () => {
  it('creates a missing file (and its folders), the first line chained to GENESIS', async () => {
    const path = join(tempDir(), 'deep', 'er', 'history.jsonl');
    const records = makeRecords(3);
    const { lines: written } = await appendRecords(path, records);
    expect(written).toHaveLength(3);
    expect(readFileSync(path, 'utf8')).toBe(joinLines(written));
    expect((JSON.parse(written[0]!) as HistoryRecord).prev).toBe(GENESIS);
    expect(stripPrev((await readHistory(path)).records)).toEqual(records);
  });

  it('chains across calls: two appends give the file one append of both would', async () => {
    const records = makeRecords(6);
    const path = join(tempDir(), FILE);
    const { lines: first } = await appendRecords(path, records.slice(0, 2));
    const { lines: second } = await appendRecords(path, records.slice(2));
    expect((JSON.parse(second[0]!) as HistoryRecord).prev).toBe(lineHash(first[1]!));
    expect(readFileSync(path, 'utf8')).toBe(historyText(records));
  });

  it('adds the missing final newline before appending', async () => {
    const records = makeRecords(4);
    const path = withHistory(historyText(records.slice(0, 2)).slice(0, -1));
    await appendRecords(path, records.slice(2));
    expect(readFileSync(path, 'utf8')).toBe(historyText(records));
  });

  it('refuses to append to a tampered file and leaves it byte-identical', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const tampered = tamper(lines, 1, (r) => void (r.texts = { 'core/prompt-0': { '0123456789': 'forged' } }));
    const text = joinLines([lines[0]!, tampered[1]!, ...lines.slice(2)]);
    const path = withHistory(text);
    const error = await historyError(appendRecords(path, makeRecords(1)));
    expect(error.line).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses to append after a cut-short line, pointing to --repair', async () => {
    const lines = chainRecords(makeRecords(3), GENESIS);
    const text = joinLines(lines.slice(0, 2)) + lines[2]!.slice(0, 99);
    const path = withHistory(text);
    const error = await historyError(appendRecords(path, makeRecords(1)));
    expect(error.hint).toMatch(/--repair$/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses records that would make the history invalid, and writes nothing', async () => {
    const records = makeRecords(3);
    const path = withHistory(historyText(records.slice(0, 2)));
    const before = readFileSync(path, 'utf8');
    const bad = { ...records[2]!, catalog: 'abcdefabcdefabcd' };
    await expect(appendRecords(path, [bad])).rejects.toThrow(
      /refusing to append .*: new record 1 of 1 would be an invalid line 3: catalog abcdefabcdefabcd is not defined/,
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
    const missing = join(tempDir(), 'history.jsonl');
    await expect(appendRecords(missing, [records[1]!])).rejects.toThrow(/would be an invalid line 1/);
    expect(existsSync(missing)).toBe(false);
  });

  it('writes nothing for no records', async () => {
    const path = join(tempDir(), 'history.jsonl');
    expect(await appendRecords(path, [])).toEqual({ lines: [], sealed: null, firstLine: 1 });
    expect(existsSync(path)).toBe(false);
  });
});

describe('repairTruncated', () => {
  it('removes exactly the cut-short last line, after which the history verifies', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const cut = lines[3]!.slice(0, Math.floor(lines[3]!.length / 2));
    const path = withHistory(joinLines(lines.slice(0, 3)) + cut);
    const offset = Buffer.byteLength(joinLines(lines.slice(0, 3)));
    expect(await repairTruncated(path)).toEqual({
      line: 4,
      offset,
      removedBytes: Buffer.byteLength(cut),
      removed: cut,
      keptRecord: false,
    });
    expect(readFileSync(path, 'utf8')).toBe(joinLines(lines.slice(0, 3)));
    expect((await readHistory(path)).records).toHaveLength(3);
    expect(readdirSync(join(path, '..'))).toEqual(['history.jsonl']);
    // And the history takes appends again.
    await appendRecords(path, makeRecords(5).slice(3));
    expect((await readHistory(path)).records).toHaveLength(5);
  });

  it('repairs a last line cut inside a multi-byte character', async () => {
    const lines = chainRecords(makeRecords(3, { outputSize: 200 }), GENESIS);
    const last = Buffer.from(lines[2]!, 'utf8');
    const split = last.indexOf(Buffer.from('数', 'utf8')) + 1;
    expect(split).toBeGreaterThan(0);
    const path = withHistory('');
    writeFileSync(path, Buffer.concat([Buffer.from(joinLines(lines.slice(0, 2)), 'utf8'), last.subarray(0, split)]));
    expect((await historyError(readHistory(path))).hint).toMatch(/--repair$/);
    expect(await repairTruncated(path)).toMatchObject({ removedBytes: split, line: 3, keptRecord: false });
    expect(readFileSync(path, 'utf8')).toBe(joinLines(lines.slice(0, 2)));
  });

  it('repairs a file whose only line was cut short into an empty one', async () => {
    const [line] = chainRecords(makeRecords(1), GENESIS);
    const path = withHistory(line!.slice(0, 10));
    expect(await repairTruncated(path)).toMatchObject({ removedBytes: 10, offset: 0, line: 1 });
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('keeps a complete last record that bytes were appended to without a newline, removing only those bytes', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const complete = joinLines(lines.slice(0, 3)) + lines[3]!;
    for (const appended of ['{"cut', '\u00e9 x', `${lines[3]!.slice(0, 30)}`]) {
      const path = withHistory(complete + appended);
      expect((await historyError(readHistory(path))).hint).toMatch(/--repair$/);
      expect(await repairTruncated(path)).toEqual({
        line: 4,
        offset: Buffer.byteLength(complete),
        removedBytes: Buffer.byteLength(appended),
        removed: appended,
        keptRecord: true,
      });
      expect(readFileSync(path, 'utf8')).toBe(complete);
      expect((await readHistory(path)).records).toHaveLength(4);
      await appendRecords(path, makeRecords(5).slice(4));
      expect((await readHistory(path)).records).toHaveLength(5);
    }
  });

  it('removes the whole cut-short line when what it starts with is not a valid record', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    const kept = joinLines(lines.slice(0, 3));
    // A complete JSON object that is not the next record (it does not chain), then more bytes.
    for (const last of [`${lines[2]!}{"cut`, '{"a":"}{"}{"cut', '{}{']) {
      const path = withHistory(kept + last);
      expect(await repairTruncated(path)).toMatchObject({ removedBytes: Buffer.byteLength(last), keptRecord: false });
      expect(readFileSync(path, 'utf8')).toBe(kept);
    }
  });

  it('refuses an intact file', async () => {
    const text = historyText(makeRecords(2));
    const path = withHistory(text);
    const error = await historyError(repairTruncated(path));
    expect(error.message).toBe(`${path}: nothing to repair: 2 records, chain intact`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses any other failure, and leaves the file as it was', async () => {
    const lines = chainRecords(makeRecords(4), GENESIS);
    for (const text of [
      joinLines([lines[0]!, lines[2]!, lines[3]!]),
      `${joinLines(lines.slice(0, 3))}${lines[3]!.slice(0, 40)}\n`,
      `${lines[0]}\n${lines[1]!.slice(0, 40)}\n${lines[2]}`,
    ]) {
      const path = withHistory(text);
      const error = await historyError(repairTruncated(path));
      expect(error.hint).toMatch(/^only a cut-short last line can be repaired/);
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });

  it('refuses a missing file', async () => {
    await historyError(repairTruncated(join(tempDir(), 'history.jsonl')));
  });
});

describe('a history that is a symbolic link', () => {
  /** `.trackrecord/history.jsonl` linking (relatively) to `shared/track.jsonl`, which holds `text` unless undefined. */
  function linkedHistory(text: string | undefined): { link: string; real: string } {
    const root = tempDir(text === undefined ? {} : { 'shared/track.jsonl': text });
    mkdirSync(join(root, 'shared'), { recursive: true });
    mkdirSync(join(root, '.trackrecord'));
    symlinkSync('../shared/track.jsonl', join(root, FILE));
    return { link: join(root, FILE), real: join(root, 'shared/track.jsonl') };
  }

  function holdLockOf(real: string): void {
    writeFileSync(lockPathOf(real), JSON.stringify({ pid: process.pid, host: hostname(), since: 'now' }));
  }

  it('is repaired in the file it links to, and stays a link', async () => {
    const lines = chainRecords(makeRecords(3), GENESIS);
    const { link, real } = linkedHistory(joinLines(lines.slice(0, 2)) + lines[2]!.slice(0, 50));
    await repairTruncated(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(joinLines(lines.slice(0, 2)));
    expect((await readHistory(link)).records).toHaveLength(2);
    expect(readdirSync(join(link, '..'))).toEqual(['history.jsonl']);
  });

  it('is locked at the file it links to, for repairs and appends alike', async () => {
    const lines = chainRecords(makeRecords(3), GENESIS);
    const text = joinLines(lines.slice(0, 2)) + lines[2]!.slice(0, 50);
    const { link, real } = linkedHistory(text);
    holdLockOf(real);
    const waitBriefly = { waitMs: 100, pollMs: 10 };
    const repairError = await historyError(repairTruncated(link, waitBriefly));
    // Named as the user named it, with the lock where it really is.
    expect(repairError.file).toBe(link);
    expect(repairError.message).toContain(`delete ${lockPathOf(real)} and run again`);
    const appendError = await historyError(appendRecords(link, [], waitBriefly));
    expect(appendError.message).toContain(`another trackrecord is writing it (process ${process.pid}`);
    expect(readFileSync(real, 'utf8')).toBe(text);
  });

  it('is created where it links to when it does not exist yet, under the lock of that file', async () => {
    const { link, real } = linkedHistory(undefined);
    holdLockOf(real);
    const error = await historyError(appendRecords(link, makeRecords(1), { waitMs: 100, pollMs: 10 }));
    expect(error.message).toContain('another trackrecord is writing it');
    expect(existsSync(real)).toBe(false);
    rmSync(lockPathOf(real));
    await appendRecords(link, makeRecords(1));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await readHistory(real)).records).toHaveLength(1);
  });

  it('is sealed beside the file it links to, where reading through the link finds the segments', async () => {
    const { link, real } = linkedHistory(undefined);
    for (const seed of [1, 2, 3]) await appendRecords(link, makeRecords(1, { seed }), { maxBytes: 1 });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dirname(real)).sort()).toEqual(['track-0001.jsonl', 'track-0002.jsonl', 'track.jsonl']);
    expect((await readHistory(link)).records).toHaveLength(3);
  });

  it('names the link in errors about the file', async () => {
    const lines = chainRecords(makeRecords(3), GENESIS);
    const { link } = linkedHistory(joinLines([lines[0]!, lines[2]!]));
    const error = await historyError(appendRecords(link, makeRecords(4).slice(3)));
    expect(error).toMatchObject({ file: link, line: 2 });
    expect(error.hint).toContain(`git checkout -- ${link}`);
  });
});
