import { describe, it, expect } from 'vitest';
import type { Extractor } from '../../src/config/types.js';
import { extract, parseJsonPath } from '../../src/checks/extract.js';

const regex = (pattern: string, flags = ''): Extractor => ({ kind: 'regex', pattern, flags });
const jsonPath = (path: string): Extractor => ({ kind: 'json-path', path });

describe('extract without an extractor', () => {
  it('returns the output unchanged', () => {
    expect(extract('  Hello\nworld  ', null)).toBe('  Hello\nworld  ');
  });
});

describe('extract with a regex', () => {
  it('returns the first capture group of the first match', () => {
    expect(extract('Answer: 42. Later answer: 7.', regex('answer: (\\d+)', 'i'))).toBe('42');
  });

  it('returns the whole match when the pattern has no group', () => {
    expect(extract('total 1,234 items', regex('\\d[\\d,]*'))).toBe('1,234');
    expect(extract('total 1234', regex('(?:total) \\d+'))).toBe('total 1234');
  });

  it('returns null when nothing matches', () => {
    expect(extract('no digits here', regex('\\d+'))).toBeNull();
  });

  it('takes the first match in LLMDrift-style bracketed answers', () => {
    const output = '[No] \n\nExplanation: 17077 is prime, so the claim is wrong. [Yes]';
    expect(extract(output, regex('\\[(yes|no)\\]', 'i'))).toBe('No');
  });

  it('uses the group that took part when an alternation has several', () => {
    expect(extract('final: (B)', regex('\\[([A-D])\\]|\\(([A-D])\\)'))).toBe('B');
  });

  it('returns null when the pattern has groups but none took part', () => {
    expect(extract('b', regex('(a)?b'))).toBeNull();
  });

  it('gives the same answer on repeated calls with the cached regex', () => {
    const e = regex('(\\d+)', 'i');
    expect(extract('x 12 y 34', e)).toBe('12');
    expect(extract('x 12 y 34', e)).toBe('12');
  });
});

describe('extract with a json-path', () => {
  it('reads a string from JSON that is the whole output', () => {
    expect(extract('  {"answer": "Paris"}  ', jsonPath('$.answer'))).toBe('Paris');
  });

  it('reads JSON inside a ```json fenced block', () => {
    const output = 'Sure! Here it is:\n```json\n{"city": "Lyon", "n": 3}\n```\nAnything else?';
    expect(extract(output, jsonPath('$.city'))).toBe('Lyon');
  });

  it('reads JSON inside an unlabelled fence, skipping a fence in another language', () => {
    const output = '```python\nprint({"x": 1})\n```\nthen\n```\n{"x": 2}\n```';
    expect(extract(output, jsonPath('$.x'))).toBe('2');
  });

  it('falls back to the span between the first brace and the last', () => {
    expect(extract('The result is {"ok": true, "items": [1, 2]} as requested.', jsonPath('$.ok'))).toBe('true');
  });

  it('prefers whichever bracket comes first and tries the other when it fails', () => {
    expect(extract('Result: [1, 2, 3] done', jsonPath('$[1]'))).toBe('2');
    expect(extract('See [note] below: {"v": 5}', jsonPath('$.v'))).toBe('5');
  });

  it('follows nested members, indexes and quoted names', () => {
    const output = '{"data": {"rows": [{"full name": "Ada"}, {"full name": "Alan", "tags": ["x", "y"]}]}}';
    expect(extract(output, jsonPath("$.data.rows[1]['full name']"))).toBe('Alan');
    expect(extract(output, jsonPath('$.data.rows[1]["tags"][1]'))).toBe('y');
  });

  it('stringifies non-string values', () => {
    const output = '{"n": 30, "f": 2.5, "b": false, "z": null, "o": {"k": [1, "a"]}, "a": [true]}';
    expect(extract(output, jsonPath('$.n'))).toBe('30');
    expect(extract(output, jsonPath('$.f'))).toBe('2.5');
    expect(extract(output, jsonPath('$.b'))).toBe('false');
    expect(extract(output, jsonPath('$.z'))).toBe('null');
    expect(extract(output, jsonPath('$.o'))).toBe('{"k":[1,"a"]}');
    expect(extract(output, jsonPath('$.a'))).toBe('[true]');
  });

  it('returns the whole document for $', () => {
    expect(extract('[1, 2]', jsonPath('$'))).toBe('[1,2]');
  });

  it('returns null when the path is missing', () => {
    const output = '{"a": {"b": [10]}}';
    expect(extract(output, jsonPath('$.a.c'))).toBeNull();
    expect(extract(output, jsonPath('$.a.b[1]'))).toBeNull();
    expect(extract(output, jsonPath('$.a[0]'))).toBeNull(); // index into an object
    expect(extract(output, jsonPath('$.a.b.length'))).toBeNull(); // no array properties
    expect(extract(output, jsonPath('$.toString'))).toBeNull(); // nothing inherited
  });

  it('returns null when there is no parsable JSON', () => {
    expect(extract('I cannot answer that.', jsonPath('$.a'))).toBeNull();
    expect(extract('{"a": 1', jsonPath('$.a'))).toBeNull();
    expect(extract('```json\n{broken\n```', jsonPath('$.a'))).toBeNull();
  });
});

describe('parseJsonPath', () => {
  it('parses the supported subset', () => {
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath('$.a.b_c')).toEqual(['a', 'b_c']);
    expect(parseJsonPath('$[\'a.b\'][0]["c d"]')).toEqual(['a.b', 0, 'c d']);
    expect(parseJsonPath("$['it\\'s']")).toEqual(["it's"]);
    expect(parseJsonPath('$[12].x')).toEqual([12, 'x']);
  });

  it('rejects invalid syntax with the path and the position', () => {
    expect(() => parseJsonPath('$.a[')).toThrow('json-path "$.a[": unclosed bracket at position 4');
    expect(() => parseJsonPath('a.b')).toThrow("must start with '$'");
    expect(() => parseJsonPath('$.')).toThrow("expected a name after '.' at position 2");
    expect(() => parseJsonPath("$['a")).toThrow('unclosed quote');
    expect(() => parseJsonPath('$[0')).toThrow('unclosed bracket');
    expect(() => parseJsonPath('$[-1]')).toThrow('non-negative index');
    expect(() => parseJsonPath('$[a]')).toThrow('non-negative index');
    expect(() => parseJsonPath('$.a]')).toThrow('unexpected character "]" at position 4');
  });

  it('rejects the JSONPath features outside the subset', () => {
    expect(() => parseJsonPath('$..a')).toThrow('recursive descent');
    expect(() => parseJsonPath('$.*')).toThrow('wildcard');
    expect(() => parseJsonPath('$.a[*]')).toThrow('wildcard');
    expect(() => parseJsonPath('$[0:2]')).toThrow("expected ']'");
  });

  it('throws plain Errors', () => {
    expect(() => parseJsonPath('$[')).toThrow(Error);
  });
});
