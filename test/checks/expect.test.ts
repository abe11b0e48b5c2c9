import { describe, it, expect } from 'vitest';
import type { Expectation, NormalizeStep } from '../../src/config/types.js';
import { compileExpectation, evaluate } from '../../src/checks/expect.js';

const run = (answer: string | null, e: Expectation | Expectation[], normalize: NormalizeStep[] = []) =>
  evaluate(answer, { expect: Array.isArray(e) ? e : [e], normalize });

describe('evaluate: overall verdict', () => {
  it('is null with no expectations, whatever the answer', () => {
    expect(evaluate('anything', { expect: [], normalize: [] })).toEqual({ pass: null, failures: [] });
    expect(evaluate(null, { expect: [], normalize: [] })).toEqual({ pass: null, failures: [] });
  });

  it('fails when nothing was extracted', () => {
    expect(run(null, { kind: 'equals', value: 'x' })).toEqual({ pass: false, failures: ['no answer extracted'] });
  });

  it('passes only when every expectation holds, listing each failure', () => {
    const checks: Expectation[] = [
      { kind: 'contains', value: 'paris' },
      { kind: 'max-length', value: 5 },
      { kind: 'not-contains', value: 'lyon' },
    ];
    expect(run('paris', checks)).toEqual({ pass: true, failures: [] });
    expect(run('paris or lyon', checks)).toEqual({
      pass: false,
      failures: ['max-length 5: got 13 characters', 'not-contains "lyon": found in "paris or lyon"'],
    });
  });
});

describe('evaluate: each expectation kind', () => {
  it('equals', () => {
    expect(run('30', { kind: 'equals', value: '30' }).pass).toBe(true);
    expect(run('31', { kind: 'equals', value: '30' })).toEqual({ pass: false, failures: ['equals "30": got "31"'] });
  });

  it('normalizes expected strings like the answer', () => {
    expect(run('yes', { kind: 'equals', value: ' Yes ' }, ['lowercase']).pass).toBe(true);
    expect(run('yes', { kind: 'equals', value: 'Yes' }).pass).toBe(false);
    expect(run('hello world', { kind: 'contains', value: 'WORLD!' }, ['lowercase', 'strip-punctuation']).pass).toBe(true);
    expect(run('ab', { kind: 'one-of', values: ['A.', 'C'] }, ['lowercase', 'strip-punctuation']).pass).toBe(false);
    expect(run('a', { kind: 'one-of', values: ['A.', 'C'] }, ['lowercase', 'strip-punctuation']).pass).toBe(true);
  });

  it('one-of', () => {
    expect(run('b', { kind: 'one-of', values: ['a', 'b'] }).pass).toBe(true);
    expect(run('c', { kind: 'one-of', values: ['a', 'b'] }).failures).toEqual(['one-of ["a", "b"]: got "c"']);
  });

  it('contains and not-contains', () => {
    expect(run('the capital is Paris', { kind: 'contains', value: 'Paris' }).pass).toBe(true);
    expect(run('Lyon', { kind: 'contains', value: 'Paris' }).failures).toEqual(['contains "Paris": not in "Lyon"']);
    expect(run('Paris', { kind: 'not-contains', value: 'Lyon' }).pass).toBe(true);
    expect(run('Lyon', { kind: 'not-contains', value: 'Lyon' }).failures).toEqual(['not-contains "Lyon": found in "Lyon"']);
  });

  it('regex and not-regex, with flags and no normalization of the pattern', () => {
    expect(run('Answer: B', { kind: 'regex', pattern: '^answer: [a-d]$', flags: 'i' }).pass).toBe(true);
    expect(run('Answer: E', { kind: 'regex', pattern: '^answer: [a-d]$', flags: 'i' }).failures).toEqual([
      'regex /^answer: [a-d]$/i: no match in "Answer: E"',
    ]);
    // With lowercase normalization the pattern stays case-sensitive as written.
    expect(run('yes', { kind: 'regex', pattern: '^Yes$', flags: '' }, ['lowercase']).pass).toBe(false);
    expect(run('fine', { kind: 'not-regex', pattern: 'sorry|cannot', flags: 'i' }).pass).toBe(true);
    expect(run('Sorry, I cannot', { kind: 'not-regex', pattern: 'sorry|cannot', flags: 'i' }).failures).toEqual([
      'not-regex /sorry|cannot/i: matched "Sorry"',
    ]);
  });

  it('max-length and min-length count Unicode code points', () => {
    expect(run('😀😀😀', { kind: 'max-length', value: 3 }).pass).toBe(true); // 6 UTF-16 units
    expect(run('😀😀😀😀', { kind: 'max-length', value: 3 }).failures).toEqual(['max-length 3: got 4 characters']);
    expect(run('abc', { kind: 'min-length', value: 3 }).pass).toBe(true);
    expect(run('ab', { kind: 'min-length', value: 3 }).failures).toEqual(['min-length 3: got 2 characters']);
  });

  it('number within the tolerance', () => {
    const thirty: Expectation = { kind: 'number', equals: 30, tolerance: 0 };
    expect(run('30', thirty).pass).toBe(true);
    expect(run(' +30.0 ', thirty).pass).toBe(true);
    expect(run('31', thirty).failures).toEqual(['number 30 ± 0: got 31']);
    expect(run('1,234.5', { kind: 'number', equals: 1234.5, tolerance: 0 }).pass).toBe(true);
    expect(run('1_000', { kind: 'number', equals: 1000, tolerance: 0 }).pass).toBe(true);
    expect(run('-2.5e1', { kind: 'number', equals: -25, tolerance: 0 }).pass).toBe(true);
    expect(run('3.14', { kind: 'number', equals: 3.1416, tolerance: 0.01 }).pass).toBe(true);
    expect(run('3.2', { kind: 'number', equals: 3.1416, tolerance: 0.01 }).pass).toBe(false);
  });

  it('number fails on anything that is not a plain number', () => {
    const e: Expectation = { kind: 'number', equals: 30, tolerance: 0 };
    expect(run('30%', e).failures).toEqual(['number 30 ± 0: not a number: got "30%"']);
    for (const text of ['thirty', '', '0x1e', 'Infinity', '30 apples', '.', '1e']) {
      expect(run(text, e).failures[0]).toContain('not a number');
    }
  });

  it('json-schema', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
      required: ['name', 'age'],
    };
    const e: Expectation = { kind: 'json-schema', schema };
    expect(run('{"name": "Ada", "age": 36}', e)).toEqual({ pass: true, failures: [] });
    expect(run('{"name": "Ada", "age": "36"}', e).failures).toEqual(['json-schema: /age must be integer']);
    expect(run('{"age": 36}', e).failures).toEqual(["json-schema: must have required property 'name'"]);
    expect(run('name: Ada', e).failures).toEqual(['json-schema: not valid JSON: got "name: Ada"']);
  });

  it('reuses the compiled validator for the same schema object', () => {
    const e: Expectation = { kind: 'json-schema', schema: { type: 'array', maxItems: 1 } };
    expect(run('[1]', e).pass).toBe(true);
    expect(run('[1, 2]', e).failures).toEqual(['json-schema: must NOT have more than 1 items']);
  });
});

describe('evaluate: failure messages quote model text safely', () => {
  it('truncates quoted answers to 80 characters with an ellipsis', () => {
    const long = 'x'.repeat(200);
    const [failure] = run(long, { kind: 'equals', value: 'y' }).failures;
    expect(failure).toBe(`equals "y": got "${'x'.repeat(80)}…"`);
  });

  it('escapes newlines, quotes and control characters instead of passing them through', () => {
    const [failure] = run('a"b\n\u001b[31mred\u202e', { kind: 'equals', value: 'y' }).failures;
    expect(failure).toBe('equals "y": got "a\\"b\\n\\u001b[31mred\\u202e"');
  });

  it('never interprets the answer as a pattern', () => {
    expect(run('(unclosed', { kind: 'equals', value: 'x' }).failures).toEqual(['equals "x": got "(unclosed"']);
    expect(run('.*', { kind: 'contains', value: 'a' }).pass).toBe(false);
  });
});

describe('compileExpectation', () => {
  it('accepts well-formed expectations', () => {
    expect(compileExpectation({ kind: 'regex', pattern: '^(a|b)$', flags: 'i' })).toBeNull();
    expect(compileExpectation({ kind: 'json-schema', schema: { type: 'object' } })).toBeNull();
    expect(compileExpectation({ kind: 'equals', value: 'x' })).toBeNull();
    expect(compileExpectation({ kind: 'number', equals: 1, tolerance: 0.5 })).toBeNull();
  });

  it('rejects a regex that does not compile, with the engine message', () => {
    const problem = compileExpectation({ kind: 'regex', pattern: '(unclosed', flags: '' });
    expect(problem).toMatch(/^regex \/\(unclosed\/: /);
    expect(problem).toContain('Unterminated group');
    expect(compileExpectation({ kind: 'not-regex', pattern: 'a', flags: 'q' })).toContain('Invalid flags');
  });

  it('rejects a schema ajv cannot compile, with ajv\'s message', () => {
    const problem = compileExpectation({ kind: 'json-schema', schema: { type: 'nosuchtype' } });
    expect(problem).toMatch(/^json-schema: schema is invalid: /);
    expect(problem).toContain('data/type must be equal to one of the allowed values');
  });

  it('rejects impossible bounds', () => {
    expect(compileExpectation({ kind: 'max-length', value: -1 })).toContain('non-negative integer');
    expect(compileExpectation({ kind: 'number', equals: 1, tolerance: -1 })).toContain('tolerance');
    expect(compileExpectation({ kind: 'one-of', values: [] })).toContain('at least one value');
  });
});
