import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineHash } from '../../src/history/codec.js';
import { HistoryError } from '../../src/history/errors.js';
import { appendRecords } from '../../src/history/file.js';
import { readHistory, readRecent } from '../../src/history/read.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { lastLine, segmentPath } from '../../src/history/segments.js';
import { ChainVerifier, verifyHistory } from '../../src/history/verify.js';
import { HistoryView } from '../../src/history/view.js';
import { renderJson } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/data/report.js';
import { REPO_ROOT } from '../support/prime.js';
import { historyText, makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const LIMIT = 12_000;

/**
 * Appends `records` a run (two models) at a time, as nightly runs do, with a small segment
 * limit; texts and catalogs come from the records so far, as from a run's view of its history.
 */
async function appendNightly(
  path: string,
  records: ReturnType<typeof makeRecords>,
  known: ReturnType<typeof makeRecords> = [],
): Promise<string[]> {
  const sealed: string[] = [];
  const maxBytes = LIMIT;
  const view = new HistoryView(known);
  for (let i = 0; i < records.length; i += 2) {
    const batch = records.slice(i, i + 2);
    batch.forEach((r) => view.add(r));
    const result = await appendRecords(path, batch, { maxBytes, source: view });
    if (result.sealed) sealed.push(result.sealed);
  }
  return sealed;
}

function pythonVerifier(): string {
  const page = readFileSync(join(REPO_ROOT, 'docs/history.md'), 'utf8');
  return /```python\n([\s\S]*?)```/.exec(page)![1]!;
}

describe('history segments', () => {
  it('splits a history pushed over the limit by appends into sealed segments that verify, none over the limit', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const records = makeRecords(40, { outputSize: 300, fresh: 0.5 });
    const sealed = await appendNightly(path, records);

    expect(sealed.length).toBeGreaterThanOrEqual(3);
    expect(sealed).toEqual(sealed.map((_, i) => segmentPath(path, i + 1)));
    expect(readdirSync(dir).sort()).toEqual([...sealed.map((p) => p.slice(dir.length + 1)), 'history.jsonl'].sort());
    for (const file of [...sealed, path]) expect(statSync(file).size).toBeLessThanOrEqual(LIMIT);

    const history = await readHistory(path);
    expect(history.records.map((r) => r.run.id)).toEqual(records.map((r) => r.run.id));
    expect(history).toMatchObject({ sealed: sealed.length, complete: true });
    // Each file stands on its own: verified alone, chained to the previous file's last line.
    let head = GENESIS;
    for (const file of [...sealed, path]) {
      const text = readFileSync(file, 'utf8');
      expect(verifyHistory(text, new ChainVerifier(head)).ok).toBe(true);
      expect((JSON.parse(text.slice(0, text.indexOf('\n'))) as HistoryRecord).prev).toBe(head);
      head = lineHash((await lastLine(file))!);
    }

    // The documented Python verifier walks the files in order.
    const root = tempDir({ 'verify.py': pythonVerifier() });
    const python = spawnSync('python3', ['verify.py', ...sealed, path], { cwd: root, encoding: 'utf8' });
    expect(python).toMatchObject({ status: 0, stdout: 'chain intact\n' });
  });

  it('catches a byte changed in a sealed segment, naming the file and line', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const sealed = await appendNightly(path, makeRecords(30, { outputSize: 300 }));
    const target = sealed[0]!;
    const text = readFileSync(target, 'utf8');
    expect(text.indexOf('"samples":2')).toBeLessThan(text.indexOf('\n'));
    writeFileSync(target, text.replace('"samples":2', '"samples":3')); // one byte of line 1
    const error = await readHistory(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryError);
    expect(error).toMatchObject({ file: target, line: 2 });
    expect((error as HistoryError).message).toMatch(/history-0001\.jsonl:2: prev does not match the SHA-256 of line 1/);

    // A changed last line of a sealed segment is caught by the link check too, without reading it whole.
    const last = sealed.at(-1)!;
    const lines = readFileSync(last, 'utf8').split('\n');
    lines[lines.length - 2] = lines[lines.length - 2]!.replace('"samples":2', '"samples":3');
    writeFileSync(last, lines.join('\n'));
    const linkError = await readRecent(path, 1).catch((e: unknown) => e);
    expect(linkError).toMatchObject({ file: path, line: 1 });
    expect((linkError as HistoryError).reason).toMatch(
      new RegExp(`prev of line 1 does not match the SHA-256 of the last line of ${last.slice(dir.length + 1)}`),
    );
  });

  it('reports over segments exactly as over the same records in one file', async () => {
    const records = makeRecords(60, { outputSize: 200, fresh: 0.3 });
    const one = join(tempDir(), 'history.jsonl');
    writeFileSync(one, historyText(records));
    const split = join(tempDir(), 'history.jsonl');
    const sealed = await appendNightly(split, records);
    expect(sealed.length).toBeGreaterThanOrEqual(3);

    const report = async (read: Promise<{ records: HistoryRecord[] }>, trend: number) =>
      renderJson(buildReport(new HistoryView((await read).records), { trend, runDrift: true }));
    expect(await report(readHistory(split), 30)).toBe(await report(readHistory(one), 30));
    // Reading only the segments a 5-run trend needs gives the same trend, drift and metrics.
    const recent = await readRecent(split, 6);
    expect(recent.complete).toBe(false);
    expect(recent.files.length).toBeLessThan(sealed.length + 1);
    const partial = JSON.parse(await report(Promise.resolve(recent), 5)) as { models: Array<Record<string, unknown>> };
    const full = JSON.parse(await report(readHistory(one), 5)) as { models: Array<Record<string, unknown>> };
    const withoutCounts = (m: Record<string, unknown>) => ({ ...m, records: undefined });
    expect(partial.models.map(withoutCounts)).toEqual(full.models.map(withoutCounts));
  });

  it('segments an existing single-file history when it crosses the limit, without rewriting a record', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const records = makeRecords(24, { outputSize: 300 });
    const before = historyText(records.slice(0, 20));
    writeFileSync(path, before); // an old history: version 1 records, one file, over the limit already
    expect(before.length).toBeGreaterThan(LIMIT);
    const sealed = await appendNightly(path, records.slice(20), records.slice(0, 20));
    expect(sealed).toEqual([segmentPath(path, 1)]);
    expect(readFileSync(sealed[0]!, 'utf8')).toBe(before);
    const history = await readHistory(path);
    expect(history.records).toHaveLength(24);
    const open = readFileSync(path, 'utf8');
    const lastBefore = before.trimEnd().split('\n').at(-1)!;
    expect((JSON.parse(open.slice(0, open.indexOf('\n'))) as HistoryRecord).prev).toBe(lineHash(lastBefore));
  });

  it('names a missing segment instead of reading past the gap', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.jsonl');
    const sealed = await appendNightly(path, makeRecords(40, { outputSize: 300 }));
    expect(sealed.length).toBeGreaterThanOrEqual(3);
    const { rmSync } = await import('node:fs');
    rmSync(sealed[1]!);
    await expect(readHistory(path)).rejects.toThrow(/sealed segment 2 is missing \(found history-0003\.jsonl\)/);
  });
});
