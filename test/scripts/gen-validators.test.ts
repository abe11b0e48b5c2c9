import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_FILES, renderValidators } from '../../scripts/gen-validators.js';
import * as configValidators from '../../src/config/validators.generated.js';
import { record as validateRecord } from '../../src/history/record-validator.generated.js';
import { historyText, makeRecords } from '../support/records.js';

const repo = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(repo, file), 'utf8');
const schema = (name: string) => JSON.parse(read(`schema/${name}.schema.json`)) as object;

describe('compiled schema validators (src/**/*.generated.js)', () => {
  const generated = renderValidators();

  it('lists a module and its declarations for each schema module', () => {
    expect(Object.keys(generated).sort()).toEqual([...VALIDATOR_FILES].sort());
    expect(VALIDATOR_FILES).toEqual(
      expect.arrayContaining(['src/config/validators.generated.js', 'src/history/record-validator.generated.d.ts']),
    );
  });

  it.each(VALIDATOR_FILES)('%s matches the schemas', (file) => {
    expect(read(file) === generated[file], `validators are out of date: run npm run generate (${file})`).toBe(true);
  });

  it('are plain ES modules: no require() left from the standalone code', () => {
    for (const file of VALIDATOR_FILES.filter((f) => f.endsWith('.js'))) {
      expect(generated[file]).not.toMatch(/\brequire\(/);
      expect(generated[file]).toMatch(/^\/\/ Generated from schema\/\w+\.schema\.json/);
    }
  });

  it('judge like ajv compiling the same schema at run time', () => {
    const runtime = new Ajv({ allErrors: true, strict: false, verbose: true });
    const compiled = { config: runtime.compile(schema('config')), suite: runtime.compile(schema('suite')) };
    const samples: Array<[keyof typeof compiled, unknown]> = [
      ['config', { models: [{ id: 'a', model: 'm' }], suites: ['builtin:core'] }],
      ['config', { models: [{ id: 'Bad Id', model: 'm', tempreature: 0 }], suites: [] }],
      ['config', { models: [], suites: [{ path: 'x.yaml', extra: 1 }], samples: 'three' }],
      ['suite', { name: 'x', prompts: [{ id: 'p', prompt: 'Say OK.', expect: [{ equals: 'OK' }] }] }],
      ['suite', { name: 'x', prompts: [{ id: '-p', expect: [{ equals: 'OK', contains: 'O' }, { equal: 1 }] }] }],
    ];
    const verdicts = samples.map(([kind, data]) => configValidators[kind](data));
    expect(verdicts).toEqual([true, false, false, true, false]);
    for (const [kind, data] of samples) {
      const ok = configValidators[kind](data);
      expect(ok).toBe(compiled[kind](data));
      const strip = (errors: typeof compiled.config.errors) =>
        (errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
      expect(strip(configValidators[kind].errors)).toEqual(strip(compiled[kind].errors));
    }
  });

  it('accept a real history record and reject a changed one', () => {
    const [line] = historyText(makeRecords(1)).split('\n');
    const record = JSON.parse(line!) as Record<string, unknown>;
    expect(validateRecord(record)).toBe(true);
    expect(validateRecord({ ...record, prev: 'not a hash' })).toBe(false);
    expect(validateRecord.errors?.[0]?.instancePath).toBe('/prev');
  });
});
