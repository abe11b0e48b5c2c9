/**
 * Judges one answer against a prompt's expectations. The answer is the output after
 * extract + normalize (see `answerOf`); expected strings go through the same normalize.
 * Model text is untrusted: it is only ever compared or quoted, never compiled or run.
 */
import { Ajv, type CodeOptions, type ValidateFunction } from 'ajv';
import type { Expectation, CheckedPrompt } from './types.js';
import { showInvisible, truncateText } from '../util/untrusted-text.js';
import { similarity, type Vectors } from './embedding.js';
import { normalize } from './normalize.js';
import { compileRegex, firstMatch, matches } from './regex.js';
import { FORMATS } from './formats.js';
import { schemaProblem } from './schema-problem.js';
import { uniqueItems } from './unique-items.js';
import { errorMessage } from '../util/values.js';
import { count } from '../util/numbers.js';

export interface Verdict {
  /** null when the prompt expects nothing. */
  pass: boolean | null;
  /** One short reason per failing expectation. */
  failures: string[];
}

/**
 * A schema's `pattern`s (and `patternProperties`) match model output too, so they run on the
 * linear-time engine of every suite regex (regex.ts), not on JavaScript's backtracking one:
 * `"pattern": "^(\\w+\\s?)*$"` would otherwise spin forever on one ordinary sentence.
 */
const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string, flags: string) => {
    let re;
    try {
      re = compileRegex(pattern, flags);
    } catch (err) {
      throw new Error(`pattern ${JSON.stringify(pattern)}: ${errorMessage(err)}`);
    }
    return { test: (text: string) => matches(re, text), toString: () => `/${pattern}/${flags}` };
  },
  { code: 'linearRegExp' },
);

/**
 * One instance for the process: compiled schemas are cached per schema object below. Strict, so
 * a schema that would check less than it says is refused when the suite loads: an unknown
 * keyword or format, a keyword whose type the schema does not declare (`minimum` on a string),
 * and the content keywords, which JSON Schema only annotates. Tuples and `required` without
 * `properties` keep their meaning and stay allowed.
 */
const ajv = new Ajv({
  allErrors: true,
  strictSchema: true,
  strictTypes: true,
  allowUnionTypes: true,
  strictTuples: false,
  strictRequired: false,
  formats: FORMATS,
  code: { regExp: linearRegExp },
})
  .removeKeyword('uniqueItems')
  .addKeyword(uniqueItems)
  .removeKeyword('contentMediaType')
  .removeKeyword('contentEncoding')
  .removeKeyword('contentSchema');
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/**
 * `vectors`: the embeddings the run fetched for `similar` checks, by text (the answer and each
 * `to`, normalized); without them a `similar` check fails, saying so.
 */
export function evaluate(
  answer: string | null,
  prompt: Pick<CheckedPrompt, 'expect' | 'normalize'>,
  vectors?: Vectors,
): Verdict {
  if (prompt.expect.length === 0) return { pass: null, failures: [] };
  if (answer === null) return { pass: false, failures: ['no answer extracted'] };
  const failures: string[] = [];
  for (const expectation of prompt.expect) {
    const failure = check(answer, expectation, prompt.normalize, vectors);
    if (failure !== null) failures.push(failure);
  }
  return { pass: failures.length === 0, failures };
}

/**
 * Why an expectation can never be checked (regex or schema that does not compile, or
 * an impossible bound), or null. The config loader calls this before any model call.
 */
export function expectationProblem(e: Expectation): string | null {
  switch (e.kind) {
    case 'regex':
    case 'not-regex':
      try {
        compileRegex(e.pattern, e.flags);
        return null;
      } catch (err) {
        return `${e.kind} /${e.pattern}/${e.flags}: ${errorMessage(err)}`;
      }
    case 'json-schema': {
      const problem = jsonSchemaProblem(e.schema);
      return problem === null ? null : `json-schema: ${problem.message}`;
    }
    case 'max-length':
    case 'min-length':
      return Number.isInteger(e.value) && e.value >= 0
        ? null
        : `${e.kind}: must be a non-negative integer, got ${e.value}`;
    case 'number':
      if (!Number.isFinite(e.equals)) return `number: "equals" must be a finite number, got ${e.equals}`;
      return Number.isFinite(e.tolerance) && e.tolerance >= 0
        ? null
        : `number: "tolerance" must be a non-negative number, got ${e.tolerance}`;
    case 'one-of':
      return e.values.length > 0 ? null : 'one-of: needs at least one value';
    case 'word-count':
    case 'line-count':
      if (!isCount(e.min)) return `${e.kind}: "min" must be a non-negative integer, got ${e.min}`;
      if (e.max !== null && !isCount(e.max)) return `${e.kind}: "max" must be a non-negative integer, got ${e.max}`;
      return e.max === null || e.min <= e.max ? null : `${e.kind}: "min" (${e.min}) is greater than "max" (${e.max})`;
    case 'similar':
      return e.threshold > 0 && e.threshold <= 1 ? null : `similar: "threshold" must be in (0, 1], got ${e.threshold}`;
    case 'equals':
    case 'contains':
    case 'not-contains':
      return null;
  }
}

/**
 * Why a json-schema check's schema cannot be used, and where in the schema (keys under
 * `json-schema`), or null. The config loader reports it at that key.
 */
export function jsonSchemaProblem(
  schema: Record<string, unknown>,
): { message: string; at: Array<string | number> } | null {
  try {
    validatorFor(schema);
    return null;
  } catch (err) {
    return schemaProblem(errorMessage(err), schema);
  }
}

/** The reason `answer` fails `e`, or null when it holds. */
function check(answer: string, e: Expectation, steps: CheckedPrompt['normalize'], vectors?: Vectors): string | null {
  switch (e.kind) {
    case 'equals':
      return answer === normalize(e.value, steps) ? null : `equals ${quote(e.value)}: got ${quote(answer)}`;
    case 'one-of':
      return e.values.some((v) => answer === normalize(v, steps))
        ? null
        : `one-of [${e.values.map(quote).join(', ')}]: got ${quote(answer)}`;
    case 'contains':
      return answer.includes(normalize(e.value, steps)) ? null : `contains ${quote(e.value)}: not in ${quote(answer)}`;
    case 'not-contains':
      return answer.includes(normalize(e.value, steps))
        ? `not-contains ${quote(e.value)}: found in ${quote(answer)}`
        : null;
    case 'regex':
      return matches(compileRegex(e.pattern, e.flags), answer)
        ? null
        : `regex /${e.pattern}/${e.flags}: no match in ${quote(answer)}`;
    case 'not-regex': {
      const match = firstMatch(compileRegex(e.pattern, e.flags), answer);
      return match === null ? null : `not-regex /${e.pattern}/${e.flags}: matched ${quote(match[0])}`;
    }
    case 'max-length': {
      const length = [...answer].length;
      return length <= e.value ? null : `max-length ${e.value}: got ${length} characters`;
    }
    case 'min-length': {
      const length = [...answer].length;
      return length >= e.value ? null : `min-length ${e.value}: got ${length} characters`;
    }
    case 'number': {
      const label = `number ${e.equals} ± ${e.tolerance}`;
      const n = parseNumber(answer);
      if (n === null) return `${label}: not a number: got ${quote(answer)}`;
      return Math.abs(n - e.equals) <= e.tolerance ? null : `${label}: got ${n}`;
    }
    case 'json-schema':
      return checkSchema(answer, e.schema);
    case 'word-count':
      return checkCount(e, countWords(answer), 'word');
    case 'line-count':
      return checkCount(e, countLines(answer), 'line');
    case 'similar': {
      const label = similarLabel(e);
      const cos = similarity(answer, normalize(e.to, steps), vectors);
      if (cos === null) return `${label}: no embedding to compare`;
      return cos >= e.threshold ? null : `${label}: got ${cos.toFixed(3)} for ${quote(answer)}`;
    }
  }
}

/** How a `similar` check's failure begins (then ": " and why). */
export function similarLabel(e: { to: string; threshold: number }): string {
  return `similar to ${quote(e.to)} (cosine >= ${e.threshold})`;
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/** Words: maximal runs of non-whitespace (\s is Unicode-aware: no-break and ideographic spaces split too). */
function countWords(answer: string): number {
  return answer.match(/\S+/g)?.length ?? 0;
}

/** Lines holding at least one non-whitespace character; \r\n, \n and \r all end a line. */
function countLines(answer: string): number {
  return answer.split(/\r\n|\n|\r/).filter((line) => /\S/.test(line)).length;
}

type Count = Extract<Expectation, { kind: 'word-count' | 'line-count' }>;

function checkCount(e: Count, n: number, unit: string): string | null {
  if (n >= e.min && (e.max === null || n <= e.max)) return null;
  return `${e.kind} ${countLabel(e)}: got ${count(n, unit)}`;
}

/** "12", "40..60", ">= 8", "<= 3": how a failure message states the bounds. */
function countLabel(e: Count): string {
  if (e.max === null) return `>= ${e.min}`;
  if (e.min === e.max) return String(e.min);
  if (e.min === 0) return `<= ${e.max}`;
  return `${e.min}..${e.max}`;
}

// Decimal notation only: Number() alone would also take "", "0x1f", "Infinity".
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** "1,234.5", " +42 ", "1_000" parse; "30%", "12 apples", "0x1f" do not. */
function parseNumber(answer: string): number | null {
  const text = answer.trim().replace(/[,_]/g, '');
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function checkSchema(answer: string, schema: Record<string, unknown>): string | null {
  let data: unknown;
  try {
    data = JSON.parse(answer);
  } catch {
    return `json-schema: not valid JSON: got ${quote(answer)}`;
  }
  let validate: ValidateFunction;
  try {
    validate = validatorFor(schema);
  } catch (err) {
    // Normally caught by expectationProblem at load time; never let it crash a run.
    return `json-schema: invalid schema: ${errorMessage(err)}`;
  }
  let valid;
  try {
    valid = validate(data);
  } catch (err) {
    // A recursive schema walks the data as deep as it goes: a deep enough answer overflows the stack.
    return `json-schema: could not validate: ${errorMessage(err)}`;
  }
  if (valid) return null;
  const first = validate.errors?.[0];
  if (first === undefined) return 'json-schema: does not match';
  // instancePath is built from the model's keys: bound it like any quoted model text.
  const where = first.instancePath === '' ? '' : `${truncateText(first.instancePath, MAX_QUOTED)} `;
  return `json-schema: ${where}${first.message ?? 'does not match'}`;
}

/** Quoted model text: 80 characters, then the ellipsis. */
const MAX_QUOTED = 81;

/**
 * Quotes text for a failure message: truncated, invisible characters shown as code points (so
 * model text cannot restyle a terminal or reorder the message around it), then JSON-escaped so
 * newlines and quotes stay visible.
 */
function quote(text: string): string {
  return JSON.stringify(showInvisible(truncateText(text, MAX_QUOTED)));
}
