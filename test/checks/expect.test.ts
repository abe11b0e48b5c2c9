import { isDeepStrictEqual } from 'node:util';
import { describe, it, expect } from 'vitest';
import type { Expectation, NormalizeStep } from '../../src/config/types.js';
import { expectationProblem, evaluate } from '../../src/checks/expect.js';
import { answerOf } from '../../src/checks/index.js';
import { ConfigError, formatIssue } from '../../src/config/errors.js';
import { loadSuite } from '../../src/config/load.js';
import { seededRandom } from '../../src/util/random.js';
import { tempDir } from '../support/tmp.js';

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
    expect(run('hello world', { kind: 'contains', value: 'WORLD!' }, ['lowercase', 'strip-punctuation']).pass).toBe(
      true,
    );
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
    expect(run('Lyon', { kind: 'not-contains', value: 'Lyon' }).failures).toEqual([
      'not-contains "Lyon": found in "Lyon"',
    ]);
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

describe('evaluate: json-schema on hostile answers', () => {
  // A backtracking engine takes exponential time here; the test's deadline is the assertion.
  it('matches a schema pattern in linear time, as every suite regex', { timeout: 5_000 }, () => {
    const e: Expectation = {
      kind: 'json-schema',
      schema: { type: 'object', properties: { answer: { type: 'string', pattern: '^(\\w+\\s?)*$' } } },
    };
    const sentence = 'Paris is the capital and the largest city of France, with two million people.';
    expect(run(JSON.stringify({ answer: sentence }), e).failures).toEqual([
      'json-schema: /answer must match pattern "^(\\w+\\s?)*$"',
    ]);
    expect(run(JSON.stringify({ answer: 'Paris is the capital' }), e)).toEqual({ pass: true, failures: [] });
  });

  // The formats library's `url` regex backtracks: quadratic, about 8 minutes on this megabyte.
  it('checks formats on a megabyte of hostile text within the deadline', { timeout: 5_000 }, () => {
    const format = (name: string): Expectation => ({ kind: 'json-schema', schema: { type: 'string', format: name } });
    const hostile = 'http://' + 'a:'.repeat(500_000) + '!';
    for (const name of ['url', 'uri', 'hostname', 'email', 'date-time', 'ipv6', 'byte']) {
      expect(run(JSON.stringify(hostile), format(name)).failures, name).toEqual([
        `json-schema: must match format "${name}"`,
      ]);
    }
    expect(run('"mara.quinn@example.com"', format('email')).pass).toBe(true);
    expect(run('"2024-02-30"', format('date')).failures).toEqual(['json-schema: must match format "date"']);
    expect(run('"https://example.com/a?b=c"', format('url')).pass).toBe(true);
  });

  it('applies patternProperties with the same engine, each pattern its own', () => {
    const e: Expectation = {
      kind: 'json-schema',
      schema: { type: 'object', patternProperties: { '^n_': { type: 'number' }, '^s_': { type: 'string' } } },
    };
    expect(run('{"n_a": 1, "s_b": "x", "other": null}', e).pass).toBe(true);
    expect(run('{"n_a": "1"}', e).failures).toEqual(['json-schema: /n_a must be number']);
    expect(run('{"s_b": 2}', e).failures).toEqual(['json-schema: /s_b must be string']);
  });

  it('finds duplicate items as a pairwise deep comparison does, on 3,000 random arrays', () => {
    const random = seededRandom(3);
    const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
    const value = (depth: number): unknown => {
      const kind = depth > 0 ? pick(['scalar', 'list', 'object']) : 'scalar';
      if (kind === 'scalar') return pick([0, 1, 1.5, 'a', 'b', '1', true, false, null]);
      const size = Math.floor(random() * 3);
      if (kind === 'list') return Array.from({ length: size }, () => value(depth - 1));
      // Members in random order: objects equal in any order are the same item.
      return Object.fromEntries(Array.from({ length: size }, () => [pick(['a', 'b', 'c']), value(depth - 1)]));
    };
    const e: Expectation = { kind: 'json-schema', schema: { type: 'array', uniqueItems: true } };
    for (let n = 0; n < 3_000; n++) {
      const items = Array.from({ length: Math.floor(random() * 6) }, () => value(2));
      let expected: string | null = null;
      for (let j = 0; j < items.length && expected === null; j++) {
        const i = items.slice(0, j).findIndex((earlier) => isDeepStrictEqual(earlier, items[j]));
        if (i !== -1) expected = `json-schema: must NOT have duplicate items (items ## ${i} and ${j} are identical)`;
      }
      const answer = JSON.stringify(items);
      expect(run(answer, e).failures, answer).toEqual(expected === null ? [] : [expected]);
    }
  });

  // ajv compared every pair of items: 20,000 objects took it 33 s, 100,000 (1 MB) about 14 minutes.
  it('checks uniqueItems on 100,000 distinct objects within the deadline', { timeout: 5_000 }, () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: i, tags: ['x', i % 7] }));
    const e: Expectation = { kind: 'json-schema', schema: { type: 'array', uniqueItems: true } };
    expect(run(JSON.stringify(items), e)).toEqual({ pass: true, failures: [] });
    items.push({ tags: ['x', 99_999 % 7], id: 99_999 }); // item 99,999 again, members in another order
    expect(run(JSON.stringify(items), e).failures).toEqual([
      'json-schema: must NOT have duplicate items (items ## 99999 and 100000 are identical)',
    ]);
  });

  it('fails an answer nested deeper than a recursive schema can walk, without throwing', () => {
    const e: Expectation = {
      kind: 'json-schema',
      schema: { $ref: '#/$defs/list', $defs: { list: { type: 'array', items: { $ref: '#/$defs/list' } } } },
    };
    expect(run('[[[]]]', e).pass).toBe(true);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(run(deep, e)).toEqual({
      pass: false,
      failures: [expect.stringMatching(/^json-schema: could not validate: /)],
    });
  });
});

describe('evaluate: word-count and line-count', () => {
  const words = (min: number, max: number | null): Expectation => ({ kind: 'word-count', min, max });
  const lines = (min: number, max: number | null): Expectation => ({ kind: 'line-count', min, max });

  it('word-count counts maximal runs of non-whitespace, whatever the punctuation', () => {
    expect(run('one two  three', words(3, 3)).pass).toBe(true);
    expect(run("don't stop - 3.5 km/h!", words(5, 5)).pass).toBe(true); // a lone "-" is a word
    expect(run('tab\tnew\nline\u00a0nbsp\u3000ideo', words(5, 5)).pass).toBe(true); // Unicode spaces split
    expect(run('', words(0, 0)).pass).toBe(true);
    expect(run('   ', words(1, null)).failures).toEqual(['word-count >= 1: got 0 words']);
  });

  it('word-count states the bounds it failed in the message', () => {
    expect(run('a b', words(3, 3)).failures).toEqual(['word-count 3: got 2 words']);
    expect(run('a', words(2, 4)).failures).toEqual(['word-count 2..4: got 1 word']);
    expect(run('a b c d e', words(2, 4)).failures).toEqual(['word-count 2..4: got 5 words']);
    expect(run('a b c', words(0, 2)).failures).toEqual(['word-count <= 2: got 3 words']);
    expect(run('a b', words(2, 4)).pass).toBe(true);
    expect(run('a b c d', words(2, 4)).pass).toBe(true);
  });

  it('line-count counts non-empty lines, across \\n, \\r\\n and \\r', () => {
    expect(run('- a\n- b\n- c', lines(3, 3)).pass).toBe(true);
    expect(run('a\r\nb\rc\n', lines(3, 3)).pass).toBe(true);
    expect(run('a\n\n  \t\nb', lines(2, 2)).pass).toBe(true); // blank and whitespace-only lines do not count
    expect(run('a\nb\nc\nd', lines(0, 3)).failures).toEqual(['line-count <= 3: got 4 lines']);
    expect(run('only one', lines(2, null)).failures).toEqual(['line-count >= 2: got 1 line']);
  });

  it('line-count sees the answer after normalize, so collapse-whitespace leaves one line', () => {
    const judge = (normalize: NormalizeStep[]) => {
      const prompt = { extract: null, normalize, expect: [lines(2, 2)] };
      return evaluate(answerOf('a\nb', prompt), prompt);
    };
    expect(judge(['trim', 'collapse-whitespace']).failures).toEqual(['line-count 2: got 1 line']);
    expect(judge(['trim']).pass).toBe(true);
  });

  it('expectationProblem rejects bounds that can never hold', () => {
    expect(expectationProblem(words(0, null))).toBeNull();
    expect(expectationProblem(lines(2, 2))).toBeNull();
    expect(expectationProblem(words(5, 3))).toBe('word-count: "min" (5) is greater than "max" (3)');
    expect(expectationProblem(lines(-1, null))).toBe('line-count: "min" must be a non-negative integer, got -1');
    expect(expectationProblem(words(0, 1.5))).toBe('word-count: "max" must be a non-negative integer, got 1.5');
  });

  describe('in a suite file', () => {
    const suiteWith = (body: string) => tempDir({ 's.yaml': `name: s\nprompts:\n  - id: p\n    prompt: x\n${body}` });
    const issuesOf = async (body: string) => {
      const error = await loadSuite(suiteWith(body), 's.yaml').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).issues.map(formatIssue);
    };

    it('reads an integer as an exact count and {min, max} as an inclusive range, either bound optional', async () => {
      const suite = await loadSuite(
        suiteWith(
          '    normalize: [trim]\n    expect:\n      - word-count: 4\n      - word-count: { min: 2 }\n' +
            '      - line-count: { max: 3 }\n      - line-count: { min: 1, max: 2 }\n',
        ),
        's.yaml',
      );
      const prompt = suite.prompts[0]!;
      expect(prompt.expect).toEqual([
        { kind: 'word-count', min: 4, max: 4 },
        { kind: 'word-count', min: 2, max: null },
        { kind: 'line-count', min: 0, max: 3 },
        { kind: 'line-count', min: 1, max: 2 },
      ]);
      expect(evaluate(answerOf('a b\nc d', prompt), prompt)).toEqual({ pass: true, failures: [] });
    });

    it('rejects negative, fractional, empty and unknown bounds, and min above max', async () => {
      expect(await issuesOf('    expect:\n      - word-count: -1\n')).toEqual([
        's.yaml:6:21: prompts[0].expect[0].word-count: must be >= 0',
      ]);
      expect(await issuesOf('    expect:\n      - word-count: {}\n')).toEqual([
        's.yaml:6:21: prompts[0].expect[0].word-count: must NOT have fewer than 1 properties',
      ]);
      expect(await issuesOf('    expect:\n      - word-count: { mn: 1 }\n')).toEqual([
        's.yaml:6:23: prompts[0].expect[0].word-count.mn: unknown key "mn" (did you mean "min"?)',
      ]);
      expect(await issuesOf('    expect:\n      - word-count: 2.5\n')).toEqual([
        's.yaml:6:21: prompts[0].expect[0].word-count: must be integer or object, got number 2.5',
      ]);
      expect(await issuesOf('    expect:\n      - word-count: { min: 3, max: 2 }\n')).toEqual([
        's.yaml:6:9: prompts[0].expect[0]: word-count: "min" (3) is greater than "max" (2)',
      ]);
    });

    it('refuses line-count where normalize collapses whitespace, which would always see one line', async () => {
      expect(await issuesOf('    expect:\n      - line-count: 3\n')).toEqual([
        's.yaml:6:9: prompts[0].expect[0]: line-count: the default normalize (trim, collapse-whitespace) joins the answer into one line; set "normalize: [trim]" (or other steps without collapse-whitespace)',
      ]);
      expect(
        await issuesOf('    normalize: [trim, collapse-whitespace]\n    expect:\n      - line-count: 3\n'),
      ).toEqual([
        's.yaml:7:9: prompts[0].expect[0]: line-count: "collapse-whitespace" in normalize joins the answer into one line; remove it from this prompt\'s normalize',
      ]);
    });
  });
});

describe('evaluate: failure messages quote model text safely', () => {
  it('truncates quoted answers to 80 characters with an ellipsis', () => {
    const long = 'x'.repeat(200);
    const [failure] = run(long, { kind: 'equals', value: 'y' }).failures;
    expect(failure).toBe(`equals "y": got "${'x'.repeat(80)}…"`);
  });

  it('escapes newlines, quotes and control characters instead of passing them through', () => {
    const [failure] = run('a"b\n\u001b[31mred\u202e\u200b', { kind: 'equals', value: 'y' }).failures;
    expect(failure).toBe('equals "y": got "a\\"b\\n<U+001B>[31mred<U+202E><U+200B>"');
  });

  it('never interprets the answer as a pattern', () => {
    expect(run('(unclosed', { kind: 'equals', value: 'x' }).failures).toEqual(['equals "x": got "(unclosed"']);
    expect(run('.*', { kind: 'contains', value: 'a' }).pass).toBe(false);
  });
});

describe('expectationProblem', () => {
  it('accepts well-formed expectations', () => {
    expect(expectationProblem({ kind: 'regex', pattern: '^(a|b)$', flags: 'i' })).toBeNull();
    expect(expectationProblem({ kind: 'json-schema', schema: { type: 'object' } })).toBeNull();
    expect(expectationProblem({ kind: 'equals', value: 'x' })).toBeNull();
    expect(expectationProblem({ kind: 'number', equals: 1, tolerance: 0.5 })).toBeNull();
  });

  it('rejects a regex that does not compile, with the engine message', () => {
    const problem = expectationProblem({ kind: 'regex', pattern: '(unclosed', flags: '' });
    expect(problem).toMatch(/^regex \/\(unclosed\/: /);
    expect(problem).toContain('not valid RE2 syntax: missing closing ): `(unclosed`');
    expect(expectationProblem({ kind: 'not-regex', pattern: 'a', flags: 'q' })).toContain('unknown flag "q"');
  });

  it("rejects a schema ajv cannot compile, with ajv's message", () => {
    const problem = expectationProblem({ kind: 'json-schema', schema: { type: 'nosuchtype' } });
    expect(problem).toMatch(/^json-schema: schema is invalid: /);
    expect(problem).toContain('data/type must be equal to one of the allowed values');
  });

  it('rejects a schema pattern that has no linear-time match, naming it', () => {
    const problem = expectationProblem({ kind: 'json-schema', schema: { type: 'string', pattern: '^a(?!b)' } });
    expect(problem).toMatch(/^json-schema: pattern "\^a\(\?!b\)": lookahead \(\?!\.\.\.\): regexes run in linear time/);
  });

  it('rejects impossible bounds', () => {
    expect(expectationProblem({ kind: 'max-length', value: -1 })).toContain('non-negative integer');
    expect(expectationProblem({ kind: 'number', equals: 1, tolerance: -1 })).toContain('tolerance');
    expect(expectationProblem({ kind: 'one-of', values: [] })).toContain('at least one value');
  });
});
