import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { chainRecords } from '../../src/history/codec.js';
import { appendRecords } from '../../src/history/file.js';
import { readHistory } from '../../src/history/read.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { decodeTexts, encodeTexts, storedTexts } from '../../src/history/texts.js';
import { verifyHistory } from '../../src/history/verify.js';
import { HistoryView } from '../../src/history/view.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAndRecord } from '../../src/app/run-and-record.js';
import { REPO_ROOT, primeConfig, startPrimeServer } from '../support/prime.js';
import { historyText, joinLines, makeRecords, rechain } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The one-line reader docs/history.md gives (its second python block; the first, the verifier, decodes texts too). */
function documentedReader(): string {
  const page = readFileSync(join(REPO_ROOT, 'docs/history.md'), 'utf8');
  const blocks = [...page.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const reader = blocks.find((b) => b.includes('textsGz') && !b.includes('chain intact'));
  if (!reader) throw new Error('docs/history.md has no python reader for textsGz');
  return reader;
}

describe('compressed texts', () => {
  it('round-trips any text table, and refuses a block that is not one', () => {
    const table = { 'core/x': { '0123456789': 'line one\nline two\r\n\u2028 é 数据 😀', abcdef0123: '' } };
    expect(decodeTexts(encodeTexts(table))).toEqual(table);
    expect(() => decodeTexts(Buffer.from('not gzip').toString('base64'))).toThrow(/textsGz is not base64 of a gzip/);
    expect(() => decodeTexts(encodeTexts({ 'no-slash': {} } as never))).toThrow(/"no-slash" is not a prompt key/);
    expect(() => decodeTexts(encodeTexts({ 'a/b': { XYZ: 'x' } }))).toThrow(/"XYZ" is not a text ref/);
  });

  it('is what a run writes, and the documented Python line reads the same texts trackrecord does', async () => {
    server = await startPrimeServer();
    const root = tempDir({ 'c.yml': primeConfig(server.baseUrl, 'gpt-4-0314'), 'read.py': documentedReader() });
    const config = await loadConfig({ root, configPath: 'c.yml' });
    for (let i = 0; i < 2; i++) await runAndRecord(config, { root, env: {}, useHistory: true, nightly: true });
    const file = join(root, config.history);
    const { records } = await readHistory(file);
    expect(records.map((r) => r.schema)).toEqual([2, 2]);
    expect(records[0]!.texts).toBeUndefined();
    expect(records[0]!.textsGz).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const python = spawnSync('python3', ['read.py', file], { cwd: root, encoding: 'utf8' });
    expect(python.error).toBeUndefined();
    expect(python.status).toBe(0);
    const tables = python.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(tables).toEqual(records.map((r) => storedTexts(r)));
    // Every answer of the first record resolves to a text the reader printed.
    const first = tables[0] as Record<string, Record<string, string>>;
    const view = new HistoryView(records);
    const texts = Object.values(first).flatMap((byRef) => Object.values(byRef));
    expect(texts.length).toBeGreaterThan(50);
    records[0]!.answers.forEach((ref, i) => {
      if (ref === null) return;
      const [suite, id] = view.catalog(records[0]!.catalog)[i]!;
      expect(first[`${suite}/${id}`]![ref]).toBe(view.text(`${suite}/${id}`, ref));
    });
  });

  it('reads and verifies a version 1 history, and appends version 2 records to it without touching its lines', async () => {
    const root = tempDir();
    const file = join(root, 'h.jsonl');
    const old = historyText(makeRecords(4));
    writeFileSync(file, old);
    const [v2] = chainRecords(makeRecords(1, { seed: 9 }), GENESIS).map((l) => JSON.parse(l) as HistoryRecord);
    const { prev: _prev, texts, ...rest } = v2!;
    await appendRecords(file, [{ ...rest, schema: 2, textsGz: encodeTexts(texts ?? {}) }]);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(old)).toBe(true);
    const { records } = await readHistory(file);
    expect(records.map((r) => r.schema)).toEqual([1, 1, 1, 1, 2]);
    expect(storedTexts(records[4]!)).toEqual(texts);
  });

  it('catches a changed text inside a block, and a block that does not decode, naming the line', () => {
    const lines = chainRecords(makeRecords(3), GENESIS).map((line) => {
      const { texts, ...r } = JSON.parse(line) as HistoryRecord;
      return JSON.stringify({ ...r, schema: 2, ...(texts ? { textsGz: encodeTexts(texts) } : {}) });
    });
    const intact = rechain(lines);
    expect(verifyHistory(joinLines(intact)).ok).toBe(true);

    const edit = (change: (r: HistoryRecord) => void): string[] => {
      const copy = [...intact];
      const record = JSON.parse(copy[0]!) as HistoryRecord;
      change(record);
      copy[0] = JSON.stringify(record);
      return rechain(copy);
    };
    const forged = edit((r) => {
      const table = decodeTexts(r.textsGz!);
      const [key, byRef] = Object.entries(table)[0]!;
      byRef[Object.keys(byRef)[0]!] = 'forged';
      r.textsGz = encodeTexts({ ...table, [key]: byRef });
    });
    expect(verifyHistory(joinLines(forged))).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringMatching(/the text does not hash to its ref/) as unknown as string,
    });
    const garbled = edit((r) => void (r.textsGz = Buffer.from('plain').toString('base64')));
    expect(verifyHistory(joinLines(garbled))).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringMatching(/^textsGz is not base64 of a gzip stream/) as unknown as string,
    });
    // A byte changed in place: gzip's CRC catches it on that very line, before the chain does on the next.
    const flipped = [...intact];
    const at = flipped[0]!.indexOf('"textsGz":"') + 40;
    flipped[0] = `${flipped[0]!.slice(0, at)}${flipped[0]![at] === 'A' ? 'B' : 'A'}${flipped[0]!.slice(at + 1)}`;
    expect(verifyHistory(joinLines(flipped))).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringMatching(/^textsGz /) as unknown as string,
    });
  });
});
