import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainRecords, lineHash, serializeRecord } from '../../src/history/codec.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { makeRecords } from '../support/records.js';

describe('serializeRecord', () => {
  it('writes one line of JSON without a trailing newline, keys in declared order', () => {
    const [record] = chainRecords(makeRecords(1), GENESIS).map((l) => JSON.parse(l) as HistoryRecord);
    const line = serializeRecord(record!);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(record);
    expect(Object.keys(JSON.parse(line) as object).slice(0, 4)).toEqual(['schema', 'prev', 'run', 'model']);
  });

  it('keeps texts with newlines and non-ASCII on one line', () => {
    const [line] = chainRecords(makeRecords(1), GENESIS);
    const record = JSON.parse(line!) as HistoryRecord;
    record.texts = { 'core/x': { '0123456789': 'line one\nline two\r\n\u2028 é 数据 😀' } };
    const out = serializeRecord(record);
    expect(out.split('\n')).toHaveLength(1);
    expect((JSON.parse(out) as HistoryRecord).texts).toEqual(record.texts);
  });
});

describe('lineHash', () => {
  it('is the SHA-256 hex of the UTF-8 bytes of the line', () => {
    for (const line of ['', '{"a":1}', '{"t":"é 数据 😀"}']) {
      expect(lineHash(line)).toBe(createHash('sha256').update(Buffer.from(line, 'utf8')).digest('hex'));
    }
    expect(lineHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('chainRecords', () => {
  it('chains each line to the hash of the one before, starting from the given hash', () => {
    const records = makeRecords(5);
    const lines = chainRecords(records, GENESIS);
    expect(lines).toHaveLength(5);
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as HistoryRecord;
      expect(record.prev).toBe(i === 0 ? GENESIS : lineHash(lines[i - 1]!));
      expect(Object.keys(record).slice(0, 2)).toEqual(['schema', 'prev']);
      const { prev: _, ...rest } = record;
      expect(rest).toEqual(records[i]);
    });
  });

  it('continues from the hash of an existing last line', () => {
    const records = makeRecords(4);
    const all = chainRecords(records, GENESIS);
    const first = chainRecords(records.slice(0, 2), GENESIS);
    const rest = chainRecords(records.slice(2), lineHash(first[1]!));
    expect([...first, ...rest]).toEqual(all);
  });

  it('replaces a stale prev carried by the input', () => {
    const [record] = makeRecords(1);
    const stale = { ...record!, prev: 'f'.repeat(64) } as HistoryRecord;
    const [line] = chainRecords([stale], GENESIS);
    expect((JSON.parse(line!) as HistoryRecord).prev).toBe(GENESIS);
    expect(Object.keys(JSON.parse(line!) as object).slice(0, 2)).toEqual(['schema', 'prev']);
  });

  it('returns no lines for no records', () => {
    expect(chainRecords([], GENESIS)).toEqual([]);
  });
});
