import { describe, expect, it } from 'vitest';
import recordSchema from '../../schema/record.schema.json' with { type: 'json' };
import { chainRecords, lineHash, serializeRecord } from '../../src/history/codec.js';
import { GENESIS, type CatalogEntry, type HistoryRecord } from '../../src/history/record.js';
import { catalogRef, textRef } from '../../src/history/refs.js';
import { encodeTexts } from '../../src/history/texts.js';
import { verifyHistory, type VerifyResult } from '../../src/history/verify.js';
import { sha256 } from '../../src/util/hash.js';
import { historyText, joinLines, makeRecords, rechain, tamper } from '../support/records.js';

function linesOf(n: number): string[] {
  return chainRecords(makeRecords(n), GENESIS);
}

function failure(result: VerifyResult): Extract<VerifyResult, { ok: false }> {
  if (result.ok) throw new Error('expected the history to fail verification');
  return result;
}

function addText(record: HistoryRecord, key: string, ref: string, text: string): void {
  const texts = (record.texts ??= {});
  (texts[key] ??= {})[ref] = text;
}

/** A different printable ASCII character (never a newline). */
function flip(char: string, salt: number): string {
  const code = char.charCodeAt(0);
  let next = 33 + ((code - 33 + 1 + (salt % 93) + 94 * 10) % 94);
  if (next === code) next = next === 126 ? 33 : next + 1;
  return String.fromCharCode(next);
}

describe('verifyHistory: intact files', () => {
  it('accepts an empty file', () => {
    expect(verifyHistory('')).toEqual({ ok: true, records: [], lines: [], endsWithNewline: false });
  });

  it('accepts a chain of valid records and returns them', () => {
    const records = makeRecords(8);
    const text = historyText(records);
    const result = verifyHistory(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records).toHaveLength(8);
    expect(result.records.map(({ prev: _, ...r }) => r)).toEqual(records);
    expect(result.lines).toEqual(text.split('\n').slice(0, -1));
    expect(result.endsWithNewline).toBe(true);
  });

  it('accepts a file whose last line has no newline, and says so', () => {
    const result = verifyHistory(historyText(makeRecords(3)).slice(0, -1));
    expect(result).toMatchObject({ ok: true, endsWithNewline: false });
    expect(result.records).toHaveLength(3);
  });

  it('accepts a text stored again later under its ref, and texts reused from earlier lines', () => {
    const lines = linesOf(6);
    const first = JSON.parse(lines[0]!) as HistoryRecord;
    const again = tamper(lines, 4, (r) => {
      for (const [key, texts] of Object.entries(first.texts!))
        for (const [ref, text] of Object.entries(texts)) addText(r, key, ref, text);
    });
    expect(verifyHistory(joinLines(again)).ok).toBe(true);
  });

  it('accepts a longer ref when two texts of a prompt share a 10-hex prefix', () => {
    // Found by brute force: their SHA-256 share the first 10 hex digits.
    const [a, b] = ['answer 83337', 'answer 207589'];
    expect(sha256(a).slice(0, 10)).toBe(sha256(b).slice(0, 10));
    const refA = textRef(a);
    const refB = textRef(b, new Map([[refA, a]]));
    expect(refB).toHaveLength(12);
    const lines = linesOf(2);
    const key = 'core/prompt-0';
    const next = tamper(
      tamper(lines, 0, (r) => {
        addText(r, key, refA, a);
        r.answers[0] = refA;
      }),
      1,
      (r) => {
        addText(r, key, refB, b);
        r.answers[0] = refB;
      },
    );
    expect(verifyHistory(joinLines(next)).ok).toBe(true);

    // The same 10-hex ref for the other text is a conflict, even though it is a prefix of its hash.
    const conflict = tamper(next, 1, (r) => {
      addText(r, key, refA, b);
      r.answers[0] = refA;
    });
    expect(failure(verifyHistory(joinLines(conflict)))).toMatchObject({
      line: 2,
      reason: `texts/${key}/${refA} differs from the text stored under that ref on line 1`,
    });
  });
});

describe('verifyHistory: any change is caught', () => {
  it('fails on the changed line or the next one for a change of any byte of any line but the last', () => {
    const lines = linesOf(6);
    const text = joinLines(lines);
    const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
    let tried = 0;
    for (let i = 0; i < lines.length - 1; i++) {
      for (let pos = i % 7; pos < lines[i]!.length; pos += 7) {
        const at = starts[i]! + pos;
        const changed = text.slice(0, at) + flip(text[at]!, at) + text.slice(at + 1);
        expect(changed).not.toBe(text);
        const result = verifyHistory(changed);
        expect(result.ok, `line ${i + 1}, column ${pos + 1}`).toBe(false);
        expect([i + 1, i + 2], `line ${i + 1}, column ${pos + 1}: ${failure(result).reason}`).toContain(
          failure(result).line,
        );
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(500);
  });

  it('names the last line for every change to it that the line itself can reveal', () => {
    // Nothing follows the last line, so only its own checks (JSON, schema, refs, hashes of
    // texts and catalogs) can catch a change to it; a value edited into another valid value
    // (a run id, a latency) needs an outside anchor such as the git history.
    const lines = linesOf(4);
    const text = joinLines(lines);
    const start = text.length - lines[3]!.length - 1;
    let caught = 0;
    let missed = 0;
    for (let at = start; at < text.length - 1; at += 7) {
      const result = verifyHistory(text.slice(0, at) + flip(text[at]!, at) + text.slice(at + 1));
      if (result.ok) missed += 1;
      else {
        caught += 1;
        expect(result.line).toBe(4);
      }
    }
    expect(caught).toBeGreaterThan(missed);
  });

  it('fails on the first record that follows a deleted one', () => {
    const lines = linesOf(6);
    const result = failure(verifyHistory(joinLines([...lines.slice(0, 2), ...lines.slice(3)])));
    expect(result.line).toBe(3);
    expect(result.reason).toBe('prev does not match the SHA-256 of line 2 (a line was changed, removed or reordered)');
    expect(result.records).toHaveLength(2);
    expect(result.lines).toEqual(lines.slice(0, 2));
    expect(result.truncated).toBe(false);
  });

  it('fails on line 1 when the first record was deleted', () => {
    const result = failure(verifyHistory(joinLines(linesOf(3).slice(1))));
    expect(result.line).toBe(1);
    expect(result.reason).toMatch(/^prev of line 1 is not the genesis value/);
  });

  it('fails where two swapped records start', () => {
    const lines = linesOf(6);
    const swapped = [...lines];
    [swapped[2], swapped[4]] = [lines[4]!, lines[2]!];
    expect(failure(verifyHistory(joinLines(swapped))).line).toBe(3);
    const adjacent = [...lines];
    [adjacent[3], adjacent[4]] = [lines[4]!, lines[3]!];
    expect(failure(verifyHistory(joinLines(adjacent))).line).toBe(4);
  });

  it('fails on a changed text even when the chain was rewritten after it', () => {
    const lines = linesOf(6);
    const rewritten = tamper(lines, 2, (r) => {
      const [key, texts] = Object.entries(r.texts ?? {})[0]!;
      const [ref] = Object.keys(texts);
      texts[ref!] = 'Paris, definitely.';
      expect(key).toBe('core/prompt-1');
    });
    // Every prev is right: only the text's hash gives it away.
    const result = failure(verifyHistory(joinLines(rewritten)));
    expect(result.line).toBe(3);
    expect(result.reason).toMatch(
      /^texts\/[^ ]+\/[0-9a-f]{10,}: the text does not hash to its ref \(the text was changed\)$/,
    );
  });

  it('fails on a changed catalog even when the chain was rewritten after it', () => {
    const rewritten = tamper(linesOf(3), 0, (r) => {
      const catalog = r.catalogs![r.catalog]!;
      catalog[0]![1] = 'other-prompt';
    });
    const result = failure(verifyHistory(joinLines(rewritten)));
    expect(result).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/^catalogs\/[0-9a-f]{16} does not hash to its ref/),
    });
  });

  it('fails on a ref that no stored text answers to', () => {
    const rewritten = tamper(linesOf(4), 3, (r) => {
      r.answers[1] = 'abcdefabcd';
    });
    expect(failure(verifyHistory(joinLines(rewritten)))).toMatchObject({
      line: 4,
      reason: 'answers/1: ref abcdefabcd is not a text of core/prompt-1 stored in this or an earlier line',
    });
  });

  it('fails on a ref to a text stored only for another prompt, or only in a later line', () => {
    const lines = linesOf(4);
    const first = JSON.parse(lines[0]!) as HistoryRecord;
    const otherPrompt = tamper(lines, 1, (r) => {
      r.answers[1] = first.answers[0]!;
    });
    expect(failure(verifyHistory(joinLines(otherPrompt)))).toMatchObject({
      line: 2,
      reason: expect.stringMatching(/^answers\/1: ref/),
    });

    const ref = textRef('a later text');
    const later = tamper(
      tamper(lines, 2, (r) => addText(r, 'core/prompt-0', ref, 'a later text')),
      1,
      (r) => {
        r.outputs[0] = [ref, null];
      },
    );
    expect(failure(verifyHistory(joinLines(later)))).toMatchObject({
      line: 2,
      reason: expect.stringMatching(/^outputs\/0\/0: ref/),
    });
  });

  it('fails on a catalog that is not defined, and on columns that do not fit the catalog', () => {
    const lines = linesOf(3);
    expect(
      failure(verifyHistory(joinLines(tamper(lines, 1, (r) => void (r.catalog = 'abcdefabcdefabcd'))))),
    ).toMatchObject({
      line: 2,
      reason: 'catalog abcdefabcdefabcd is not defined in this or an earlier line',
    });
    const short = tamper(lines, 2, (r) => void r.latencyMs.pop());
    expect(failure(verifyHistory(joinLines(short))).reason).toMatch(
      /^latencyMs has 3 entries but catalog [0-9a-f]{16} has 4 prompts$/,
    );
    const outOfRange = tamper(lines, 2, (r) => void (r.errors['4'] = ['timeout']));
    expect(failure(verifyHistory(joinLines(outOfRange))).reason).toMatch(/^errors\/4 is not a prompt index/);
    const padded = tamper(lines, 2, (r) => void (r.errors['01'] = ['timeout']));
    expect(failure(verifyHistory(joinLines(padded))).reason).toMatch(/^errors\/01 is not a prompt index/);
  });

  it('reads the truncated column when it names prompts and samples of the record, and only then', () => {
    const lines = linesOf(3);
    // A version 3 record: its texts in textsGz, and the column.
    const mark = (truncated: Record<string, number[]>) => (r: HistoryRecord) => {
      r.schema = 3;
      if (r.texts) r.textsGz = encodeTexts(r.texts);
      delete r.texts;
      r.truncated = truncated;
    };
    expect(verifyHistory(joinLines(tamper(lines, 2, mark({ '1': [0] })))).ok).toBe(true);
    // Version 3 is the version with the column: a version 2 line that has it is not one this wrote.
    const old = tamper(lines, 2, (r) => void (r.truncated = { '1': [0] }));
    expect(failure(verifyHistory(joinLines(old))).reason).toBe(
      'truncated is a version 3 field: a version 1 record has no truncated samples',
    );
    const noPrompt = tamper(lines, 2, mark({ '4': [0] }));
    expect(failure(verifyHistory(joinLines(noPrompt))).reason).toMatch(/^truncated\/4 is not a prompt index/);
    const noSample = tamper(lines, 2, (r) => mark({ '1': [r.samples] })(r));
    expect(failure(verifyHistory(joinLines(noSample))).reason).toMatch(/^truncated\/1 names a sample past/);
  });

  it('accepts a catalog defined by a later record, and checks it', () => {
    const lines = linesOf(3);
    const catalog: CatalogEntry[] = [['extra', 'one', 'a'.repeat(16), 'b'.repeat(16)]];
    const ref = catalogRef(catalog);
    const next = tamper(lines, 2, (r) => {
      r.catalogs = { [ref]: catalog };
      r.catalog = ref;
      r.answers = [null];
      r.outputs = [null];
      r.passed = [null];
      r.latencyMs = [null];
      r.tokensOut = [null];
      r.errors = { '0': ['auth'] };
      delete r.texts;
    });
    expect(verifyHistory(joinLines(next)).ok).toBe(true);
  });

  it('names the JSON path of a schema failure', () => {
    const lines = linesOf(3);
    const cases: Array<[(r: HistoryRecord) => void, string]> = [
      [
        (r) => void ((r.metrics as unknown as Record<string, unknown>)['passRate'] = 'high'),
        '/metrics/passRate must be number,null',
      ],
      [(r) => void ((r as unknown as Record<string, unknown>)['extra'] = 1), 'record: key "extra" is not allowed'],
      [
        (r) => void delete (r.metrics as Partial<HistoryRecord['metrics']>).window,
        "/metrics must have required property 'window'",
      ],
      [(r) => void (r.answers[0] = 'ABCDEF0123'), '/answers/0 must match pattern "^[0-9a-f]{10,64}$"'],
      [
        (r) => void (r.errors['0'] = ['oops' as 'auth']),
        '/errors/0/0 must be one of "rate-limited", "timeout", "server", "connection", "auth", "bad-response"',
      ],
      [
        (r) => void (r.run.startedAt = 'yesterday'),
        expect.stringMatching(/^\/run\/startedAt must match pattern/) as unknown as string,
      ],
      [
        (r) => void ((r as unknown as Record<string, unknown>)['schema'] = 4),
        'record schema version 4 is not supported (this trackrecord reads versions 1, 2, 3; a newer trackrecord wrote it?)',
      ],
      [
        (r) => void ((r as unknown as Record<string, unknown>)['schema'] = 2),
        'texts is a version 1 field: a version 2 record keeps its texts in textsGz',
      ],
    ];
    for (const [edit, reason] of cases) {
      expect(failure(verifyHistory(joinLines(tamper(lines, 1, edit))))).toMatchObject({ line: 2, reason });
    }
  });

  it('fails on line 1 when its prev is not the genesis value', () => {
    const lines = linesOf(2);
    const record = JSON.parse(lines[0]!) as HistoryRecord;
    record.prev = lineHash('something before');
    const result = failure(verifyHistory(joinLines(rechain([serializeRecord(record), lines[1]!], 1))));
    expect(result.line).toBe(1);
  });

  it('fails on blank lines, CRLF line endings and a byte order mark', () => {
    const lines = linesOf(3);
    expect(failure(verifyHistory(joinLines([lines[0]!, '', lines[1]!])))).toMatchObject({
      line: 2,
      reason: 'blank line',
    });
    expect(failure(verifyHistory(`${joinLines(lines)}\n`))).toMatchObject({
      line: 4,
      reason: 'blank line',
      truncated: false,
    });
    expect(failure(verifyHistory(lines.map((l) => `${l}\r\n`).join('')))).toMatchObject({
      line: 1,
      reason: expect.stringContaining('CRLF'),
    });
    expect(failure(verifyHistory(`\uFEFF${joinLines(lines)}`))).toMatchObject({
      line: 1,
      reason: expect.stringContaining('byte order mark'),
    });
  });
});

describe('verifyHistory: a write cut short', () => {
  it('flags a last line cut in half as truncated, and keeps the valid prefix', () => {
    const lines = linesOf(5);
    const last = lines[4]!;
    const text = joinLines(lines.slice(0, 4)) + last.slice(0, Math.floor(last.length / 2));
    const result = failure(verifyHistory(text));
    expect(result).toMatchObject({ line: 5, truncated: true });
    expect(result.reason).toMatch(/^not valid JSON/);
    expect(result.lines).toEqual(lines.slice(0, 4));
    expect(result.records).toHaveLength(4);
  });

  it('flags a cut-short only line as truncated', () => {
    const [line] = linesOf(1);
    expect(failure(verifyHistory(line!.slice(0, 100)))).toMatchObject({ line: 1, truncated: true });
  });

  it('does not call a bad line truncated when a newline follows it or lines follow it', () => {
    const lines = linesOf(4);
    const cut = lines[3]!.slice(0, 50);
    expect(failure(verifyHistory(`${joinLines(lines.slice(0, 3))}${cut}\n`))).toMatchObject({
      line: 4,
      truncated: false,
    });
    expect(failure(verifyHistory(`${lines[0]}\n${lines[1]!.slice(0, 50)}\n${lines[2]}`))).toMatchObject({
      line: 2,
      truncated: false,
    });
  });

  it('does not call a complete last line truncated when it fails for another reason', () => {
    const lines = tamper(linesOf(3), 2, (r) => void (r.samples = 0));
    const text = joinLines(lines).slice(0, -1);
    expect(failure(verifyHistory(text))).toMatchObject({ line: 3, truncated: false, reason: '/samples must be >= 1' });
  });
});

describe('schema/record.schema.json', () => {
  type Node = Record<string, unknown>;

  function objectSchemas(node: unknown, path: string, out: Array<[string, Node]>): void {
    if (Array.isArray(node)) node.forEach((n, i) => objectSchemas(n, `${path}/${i}`, out));
    else if (node !== null && typeof node === 'object') {
      const schema = node as Node;
      const type = schema['type'];
      if (type === 'object' || (Array.isArray(type) && type.includes('object'))) out.push([path, schema]);
      for (const [k, v] of Object.entries(schema)) objectSchemas(v, `${path}/${k}`, out);
    }
  }

  it('is a draft-07 schema with its $id', () => {
    expect(recordSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(recordSchema.$id).toBe('https://trackrecord.dev/schema/record.schema.json');
  });

  it('closes every object and describes every property', () => {
    const objects: Array<[string, Node]> = [];
    objectSchemas(recordSchema, '', objects);
    expect(objects.length).toBeGreaterThan(8);
    for (const [path, schema] of objects) {
      expect(schema['additionalProperties'], path).toBe(false);
      const props = {
        ...(schema['properties'] as Node | undefined),
        ...(schema['patternProperties'] as Node | undefined),
      };
      for (const [key, prop] of Object.entries(props))
        expect((prop as Node)['description'], `${path}/${key}`).toEqual(expect.any(String));
    }
  });

  it('requires every field of a record, and every metric', () => {
    const [record] = chainRecords(makeRecords(1), GENESIS).map((l) => JSON.parse(l) as HistoryRecord);
    const optional = ['catalogs', 'texts'];
    // makeRecords writes version 1 (texts); version 2 keeps them in textsGz instead. `truncated`
    // is there only when an output was cut.
    expect(Object.keys(recordSchema.properties).sort()).toEqual(
      [...Object.keys(record!), 'textsGz', 'truncated'].sort(),
    );
    expect([...recordSchema.required, ...optional].sort()).toEqual(Object.keys(record!).sort());
    expect([...recordSchema.properties.metrics.required].sort()).toEqual(Object.keys(record!.metrics).sort());
    // `drift` is optional: records written before the drift test have none; `cost` needs a price;
    // `errorMessages` needs an error.
    expect(Object.keys(recordSchema.properties.metrics.properties).sort()).toEqual(
      [...Object.keys(record!.metrics), 'drift', 'cost', 'errorMessages'].sort(),
    );
  });
});
