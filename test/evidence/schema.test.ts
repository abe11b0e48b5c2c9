import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { certificatePredicate } from '../../src/evidence/certificate.js';
import { runStatement } from '../../src/evidence/run-statement.js';
import { recordPredicate } from '../../src/evidence/statement.js';
import { chainRecords } from '../../src/history/codec.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { joinLines, makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const repo = resolve(import.meta.dirname, '../..');
const schema = (name: string) =>
  JSON.parse(readFileSync(join(repo, 'schema', name), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allowUnionTypes: true, strict: true });
const validator = (name: string) => ajv.compile(schema(name));

describe('the published predicate schemas', () => {
  const lines = chainRecords(makeRecords(8), GENESIS);
  const records = lines.map((l) => JSON.parse(l) as HistoryRecord);

  it('accept the predicates trackrecord writes, and nothing with a key missing', async () => {
    const record = validator('record-predicate.schema.json');
    for (const [i, r] of records.entries())
      expect(record(recordPredicate(r, 'history.jsonl', i + 1)), ajv.errorsText(record.errors)).toBe(true);
    const { metrics: _dropped, ...partial } = recordPredicate(records[0]!, 'history.jsonl', 1);
    expect(record(partial)).toBe(false);

    const certificate = validator('certificate-predicate.schema.json');
    const cert = certificatePredicate(records, lines, 'history.jsonl', 'gpt-mini', undefined, new Date().toISOString());
    expect(certificate(cert), ajv.errorsText(certificate.errors)).toBe(true);
    expect(certificate({ ...cert, figures: { ...cert.figures, reliability: 2 } })).toBe(false);

    const dir = tempDir({ 'history.jsonl': joinLines(lines) });
    const run = validator('run-predicate.schema.json');
    const body = await runStatement(join(dir, 'history.jsonl'), { lines: lines.slice(6), firstLine: 7 });
    expect(run(body.predicate), ajv.errorsText(run.errors)).toBe(true);
  });

  it('describe a record predicate the same way in the run schema as in its own', () => {
    const own = schema('record-predicate.schema.json');
    const inRun = (schema('run-predicate.schema.json')['definitions'] as Record<string, Record<string, unknown>>)[
      'recordPredicate'
    ]!;
    const { description: _a, ...runBody } = inRun;
    const { $schema: _b, $id: _c, title: _d, description: _e, definitions: _f, ...ownBody } = own;
    expect(runBody).toEqual(ownBody);
  });
});
