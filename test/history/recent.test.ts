import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/history/errors.js';
import { appendRecords } from '../../src/history/file.js';
import { readHistory, readRecent, type HistoryRead } from '../../src/history/read.js';
import { promptKey } from '../../src/config/types.js';
import { segmentPath } from '../../src/history/segments.js';
import { HistoryView } from '../../src/history/view.js';
import { historyText, makeRecords, type NewRecord } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const RUNS = 5;

/**
 * Appends `records` a run (two models) at a time as a nightly run does: it reads the history's
 * last `RUNS` runs, then appends with that read as its snapshot. Texts come from every record so
 * far (what a run's view knows of the records it builds on).
 */
async function appendAsRuns(
  path: string,
  records: readonly NewRecord[],
  { maxBytes, known = [] }: { maxBytes?: number; known?: readonly NewRecord[] } = {},
): Promise<void> {
  const view = new HistoryView(known);
  for (let i = 0; i < records.length; i += 2) {
    const batch = records.slice(i, i + 2);
    const read = await readRecent(path, RUNS);
    batch.forEach((r) => view.add(r));
    await appendRecords(path, batch, { source: view, snapshot: read.open, ...(maxBytes ? { maxBytes } : {}) });
  }
}

/** Every answer and output text the records read refer to, as their view resolves it (null: unresolved). */
function textsOf(read: Pick<HistoryRead, 'records' | 'context'>): Array<string | null> {
  const view = new HistoryView(read.records, read.context);
  return read.records.flatMap((r) =>
    view.catalog(r.catalog).flatMap(([suite, id], i) => {
      const key = promptKey(suite, id);
      const output = r.outputs[i];
      const refs = [r.answers[i], ...(Array.isArray(output) ? output : [output])].filter(
        (ref): ref is string => typeof ref === 'string',
      );
      return refs.map((ref) => view.text(key, ref));
    }),
  );
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, -1);
}

/** Changes one byte of a line's `samples` (the line stays valid JSON; the chain breaks at the next line). */
function changeByte(path: string, index: number): void {
  const all = lines(path);
  expect(all[index]).toContain('"samples":2');
  all[index] = all[index]!.replace('"samples":2', '"samples":3');
  writeFileSync(path, all.map((l) => `${l}\n`).join(''));
}

describe('reading the last runs of a history', () => {
  it('reads and checks only the last runs of a file written by runs, resolving every text they refer to', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const records = makeRecords(60, { outputSize: 100, fresh: 0.2 });
    await appendAsRuns(path, records);
    const recent = await readRecent(path, RUNS);
    const whole = await readHistory(path);
    expect(recent.records).toEqual(whole.records.slice(-2 * RUNS));
    expect(recent.lines).toEqual(whole.lines.slice(-2 * RUNS));
    expect(recent.files).toEqual([
      { path, records: 2 * RUNS, lines: whole.lines.slice(-2 * RUNS), firstLine: 60 - 2 * RUNS + 1 },
    ]);
    expect(recent.complete).toBe(false);
    expect(textsOf(recent)).toEqual(textsOf(whole).slice(-textsOf(recent).length));
    expect(textsOf(recent)).not.toContain(null);

    // A line before those runs that is not even JSON any more: the nightly read does not read it,
    // `verify` names it.
    const all = lines(path);
    all[10] = 'not json';
    writeFileSync(path, all.map((l) => `${l}\n`).join(''));
    expect((await readRecent(path, RUNS)).records).toEqual(recent.records);
    await expect(readHistory(path)).rejects.toMatchObject({ file: path, line: 11 });
  });

  it('keeps a changed byte before the last runs for verify to catch, also after the next append', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const records = makeRecords(62, { outputSize: 50 });
    await appendAsRuns(path, records.slice(0, 60));
    changeByte(path, 20);
    await appendAsRuns(path, records.slice(60), { known: records.slice(0, 60) });
    const error = await readHistory(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryError);
    expect(error).toMatchObject({ file: path, line: 22 });
    expect((error as HistoryError).reason).toMatch(/prev does not match the SHA-256 of line 21/);
  });

  it('catches a byte changed in the last runs or in the line they chain to, naming the file and line', async () => {
    const path = join(tempDir(), 'history.jsonl');
    await appendAsRuns(path, makeRecords(60, { outputSize: 50 }));
    const original = readFileSync(path, 'utf8');
    // The newest line of the last runs that stores a text.
    const all = lines(path);
    const stored = all.length - 1 - [...all].reverse().findIndex((l) => l.includes('"Sure. '));
    expect(stored).toBeGreaterThanOrEqual(60 - 2 * RUNS);
    for (const [index, line] of [
      [stored, stored + 1], // a stored text: it no longer hashes to its ref
      [52, 54], // a line of the last runs: the next line's prev no longer matches
      [49, 51], // the line before them: the first of them no longer chains to it
    ] as const) {
      writeFileSync(path, original);
      if (index === stored) {
        const all = lines(path);
        all[index] = all[index]!.replace('"Sure. ', '"Sure! ');
        writeFileSync(path, all.map((l) => `${l}\n`).join(''));
      } else changeByte(path, index);
      const error = await readRecent(path, RUNS).catch((e: unknown) => e);
      expect(error, `byte changed on line ${index + 1}`).toBeInstanceOf(HistoryError);
      expect(error).toMatchObject({ file: path, line });
      // The same error as the whole check gives.
      expect((error as HistoryError).message).toBe(
        ((await readHistory(path).catch((e: unknown) => e)) as Error).message,
      );
    }
  });

  it('reads a history written whole before (texts only in early lines) by looking its texts up further back', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const records = makeRecords(60, { outputSize: 100, fresh: 0.1 });
    writeFileSync(path, historyText(records));
    const recent = await readRecent(path, RUNS);
    const whole = await readHistory(path);
    expect(recent.records).toEqual(whole.records.slice(-2 * RUNS));
    expect(textsOf(recent)).toEqual(textsOf(whole).slice(-textsOf(recent).length));
    expect(textsOf(recent)).not.toContain(null);

    // One run on top stores again what its window refers to: the next read needs no earlier line.
    const more = makeRecords(62, { outputSize: 100, fresh: 0.1 });
    await appendAsRuns(path, more.slice(60), { known: more.slice(0, 60) });
    const all = lines(path);
    all.splice(1, 49, ...all.slice(1, 50).map(() => 'not json')); // line 1 stays: its link is checked
    writeFileSync(path, all.map((l) => `${l}\n`).join(''));
    const after = await readRecent(path, RUNS);
    expect(after.records.map((r) => r.run.id)).toEqual(more.slice(-2 * RUNS).map((r) => r.run.id));
    expect(textsOf(after)).not.toContain(null);
  });

  it('after a cut, reads only the end of the newest sealed segment that the runs need', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const records = makeRecords(70, { outputSize: 300, fresh: 0.3 });
    await appendAsRuns(path, records, { maxBytes: 60_000 });
    expect(lines(path).length).toBeLessThan(2 * RUNS);
    expect(readFileSync(segmentPath(path, 1), 'utf8').length).toBeGreaterThan(0);
    const whole = await readHistory(path);
    const recent = await readRecent(path, RUNS);
    expect(recent.records).toEqual(whole.records.slice(-2 * RUNS));
    expect(textsOf(recent)).not.toContain(null);
    const newest = recent.files.at(-2)!;
    expect(newest.firstLine).toBeNull(); // not counted: the segment was not read from its start
    expect(newest.path).toMatch(/history-\d{4}\.jsonl$/);

    // A byte changed early in that segment is not read by the nightly read; verify names it.
    const target = newest.path;
    const count = lines(target).length;
    expect(count).toBeGreaterThan(2 * RUNS);
    changeByte(target, 2);
    expect((await readRecent(path, RUNS)).records).toEqual(recent.records);
    await expect(readHistory(path)).rejects.toMatchObject({ file: target, line: 4 });
  });

  it('reads lines longer than a read chunk from the end of a sealed segment', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const records = makeRecords(12, { outputSize: 40_000, fresh: 1, prompts: 2 });
    await appendAsRuns(path, records, { maxBytes: 600_000 });
    const whole = await readHistory(path);
    expect(whole.files.length).toBeGreaterThan(1);
    expect(Math.max(...whole.lines.map((l) => l.length))).toBeGreaterThan(64 * 1024);
    const recent = await readRecent(path, RUNS);
    expect(recent.records).toEqual(whole.records.slice(-2 * RUNS));
    expect(recent.files.length).toBeGreaterThan(1);
  });
});
