import { expectationProblem, jsonSchemaProblem, parseJsonPath } from '../checks/index.js';
import type { ChatMessage, Comparison, Expectation, Extractor, NormalizeStep, PromptSpec, SuiteSpec } from './types.js';
import { DEFAULTS } from './types.js';
import type { ConfigIssue } from './errors.js';
import { checkSchema } from './schema-check.js';
import type { YamlFile } from './yaml-file.js';

/** A suite file's shape once it has passed `schema/suite.schema.json`. */
interface RawSuite {
  name: string;
  description?: string;
  prompts: RawPrompt[];
}

type Scalar = string | number | boolean;
type RawRegex = string | { pattern: string; flags?: string };
type RawCount = number | { min?: number; max?: number };

interface RawPrompt {
  id: string;
  prompt?: string;
  messages?: ChatMessage[];
  extract?: { regex?: string; flags?: string; 'json-path'?: string };
  normalize?: NormalizeStep[];
  compare?:
    'exact' | 'similarity' | 'embedding' | { similarity?: number; embedding?: string | boolean; threshold?: number };
  expect?: RawExpectation[];
}

/** The YAML value of each check kind, under its kind's own key (`{ regex: "..." }`). */
interface RawExpectations {
  equals: Scalar;
  contains: string;
  'not-contains': string;
  regex: RawRegex;
  'not-regex': RawRegex;
  'one-of': Scalar[];
  'json-schema': Record<string, unknown>;
  'max-length': number;
  'min-length': number;
  number: number | { equals: number; tolerance?: number };
  'word-count': RawCount;
  'line-count': RawCount;
  similar: { to: string; threshold?: number };
}

/** One entry in `expect`: exactly one kind's key (the schema guarantees it). */
type RawExpectation = Partial<RawExpectations>;

/**
 * Turns a parsed suite file into a SuiteSpec, or the issues that stop it: schema errors,
 * then what a schema cannot say (duplicate ids, broken regexes and JSON schemas).
 */
export function resolveSuite(yaml: YamlFile, source: string): { suite: SuiteSpec | null; issues: ConfigIssue[] } {
  const schemaIssues = checkSchema('suite', yaml);
  if (schemaIssues.length > 0) return { suite: null, issues: schemaIssues };

  const raw = yaml.data as RawSuite;
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  const prompts: PromptSpec[] = [];

  raw.prompts.forEach((p, i) => {
    const at = ['prompts', i] as const;
    const first = seen.get(p.id);
    if (first !== undefined) {
      issues.push(yaml.issue([...at, 'id'], `duplicate prompt id "${p.id}" (first at prompts[${first}])`));
    } else {
      seen.set(p.id, i);
    }

    const messages = resolveMessages(p);
    if (typeof messages === 'string') issues.push(yaml.issue(at, messages));

    const extract = resolveExtract(p.extract);
    if (typeof extract === 'string') issues.push(yaml.issue([...at, 'extract'], extract));

    const expect = (p.expect ?? []).map(resolveExpectation);
    expect.forEach((e, j) => {
      // A schema's problem is located at its own key (the unknown format, the untyped keyword).
      const schema = e.kind === 'json-schema' ? jsonSchemaProblem(e.schema) : null;
      if (schema) {
        issues.push(yaml.issue([...at, 'expect', j, 'json-schema', ...schema.at], schema.message));
        return;
      }
      const problem = expectationProblem(e) ?? lineCountProblem(e, p.normalize);
      if (problem) issues.push(yaml.issue([...at, 'expect', j], problem));
    });

    const compare = resolveCompare(p.compare);
    if (typeof compare === 'string') issues.push(yaml.issue([...at, 'compare'], compare));
    const use = embeddingUse(p, compare);
    // Where a config without an embedding model for some model will be told it needs one.
    const embeddingAt = use && yaml.issue([...at, ...use], 'needs an embedding model');

    if (typeof messages !== 'string' && typeof extract !== 'string' && typeof compare !== 'string') {
      prompts.push({
        id: p.id,
        messages,
        extract,
        normalize: p.normalize ?? [...DEFAULTS.normalize],
        compare,
        expect,
        location: { file: yaml.file, line: yaml.lineOf(at), keys: yaml.keyLines(at) },
        ...(embeddingAt ? { embeddingUse: embeddingAt } : {}),
      });
    }
  });

  if (issues.length > 0) return { suite: null, issues };
  return {
    suite: { name: raw.name, description: raw.description ?? '', source, file: yaml.file, prompts },
    issues: [],
  };
}

function resolveMessages(p: RawPrompt): ChatMessage[] | string {
  if (p.prompt !== undefined && p.messages !== undefined) return 'has both "prompt" and "messages"; use one';
  if (p.prompt !== undefined) return [{ role: 'user', content: p.prompt }];
  if (p.messages === undefined) return 'needs "prompt" or "messages"';
  if (!p.messages.some((m) => m.role === 'user')) return '"messages" needs at least one user message';
  return p.messages.map((m) => ({ role: m.role, content: m.content }));
}

function resolveExtract(raw: RawPrompt['extract']): Extractor | null | string {
  if (raw === undefined) return null;
  const path = raw['json-path'];
  if (raw.regex !== undefined && path !== undefined) return 'use either "regex" or "json-path", not both';
  if (path !== undefined) {
    if (raw.flags !== undefined) return '"flags" goes with "regex" only';
    try {
      parseJsonPath(path);
    } catch (e) {
      return (e as Error).message;
    }
    return { kind: 'json-path', path };
  }
  if (raw.regex === undefined) return 'needs "regex" or "json-path"';
  const problem = expectationProblem({ kind: 'regex', pattern: raw.regex, flags: raw.flags ?? '' });
  if (problem) return problem;
  return { kind: 'regex', pattern: raw.regex, flags: raw.flags ?? '' };
}

function resolveCompare(raw: RawPrompt['compare']): Comparison | string {
  if (raw === undefined || raw === 'exact') return { kind: 'exact' };
  if (raw === 'similarity') return { kind: 'similarity', threshold: DEFAULTS.similarityThreshold };
  if (raw === 'embedding') return { kind: 'embedding', model: null, threshold: DEFAULTS.embeddingThreshold };
  if (raw.similarity !== undefined) {
    if (raw.embedding !== undefined || raw.threshold !== undefined)
      return 'use either {similarity: T} or {embedding: MODEL, threshold: T}, not both';
    return { kind: 'similarity', threshold: raw.similarity };
  }
  if (raw.embedding === undefined) return '"threshold" goes with "embedding": {embedding: MODEL or true, threshold: T}';
  if (raw.embedding === false)
    return '"embedding" is true or the name of an embedding model; for exact answers leave compare out';
  const model = raw.embedding === true ? null : raw.embedding;
  return { kind: 'embedding', model, threshold: raw.threshold ?? DEFAULTS.embeddingThreshold };
}

/** The key of a prompt that first needs its model's embedding model, or null when it needs none. */
function embeddingUse(p: RawPrompt, compare: Comparison | string): Array<string | number> | null {
  const j = (p.expect ?? []).findIndex((e) => e.similar !== undefined);
  if (j >= 0) return ['expect', j, 'similar'];
  if (typeof compare !== 'string' && compare.kind === 'embedding' && compare.model === null) return ['compare'];
  return null;
}

/** line-count after collapse-whitespace always sees one line: a check that cannot mean what it says. */
function lineCountProblem(e: Expectation, normalize: NormalizeStep[] | undefined): string | null {
  if (e.kind !== 'line-count') return null;
  if (normalize === undefined) {
    return 'line-count: the default normalize (trim, collapse-whitespace) joins the answer into one line; set "normalize: [trim]" (or other steps without collapse-whitespace)';
  }
  if (normalize.includes('collapse-whitespace')) {
    return 'line-count: "collapse-whitespace" in normalize joins the answer into one line; remove it from this prompt\'s normalize';
  }
  return null;
}

/**
 * How each check kind is read from its YAML value: one entry per kind of `Expectation`, so a
 * new kind does not compile until it is read here, judged in `checks/expect.ts` (both switches
 * there are exhaustive) and named in the suite schema (a test compares the two lists).
 */
const READ_EXPECTATION: { [K in Expectation['kind']]: (raw: RawExpectations[K]) => Extract<Expectation, { kind: K }> } =
  {
    equals: (v) => ({ kind: 'equals', value: String(v) }),
    contains: (v) => ({ kind: 'contains', value: v }),
    'not-contains': (v) => ({ kind: 'not-contains', value: v }),
    regex: (v) => ({ kind: 'regex', ...regexOf(v) }),
    'not-regex': (v) => ({ kind: 'not-regex', ...regexOf(v) }),
    'one-of': (v) => ({ kind: 'one-of', values: v.map(String) }),
    'json-schema': (v) => ({ kind: 'json-schema', schema: v }),
    'max-length': (v) => ({ kind: 'max-length', value: v }),
    'min-length': (v) => ({ kind: 'min-length', value: v }),
    number: (v) =>
      typeof v === 'number'
        ? { kind: 'number', equals: v, tolerance: 0 }
        : { kind: 'number', equals: v.equals, tolerance: v.tolerance ?? 0 },
    'word-count': (v) => ({ kind: 'word-count', ...countOf(v) }),
    'line-count': (v) => ({ kind: 'line-count', ...countOf(v) }),
    similar: (v) => ({ kind: 'similar', to: v.to, threshold: v.threshold ?? DEFAULTS.embeddingThreshold }),
  };

/** The check kinds a suite can name, in the order the table lists them. */
export const EXPECTATION_KINDS = Object.keys(READ_EXPECTATION) as Array<Expectation['kind']>;

function resolveExpectation(raw: RawExpectation): Expectation {
  const [kind, value] = Object.entries(raw)[0] as [Expectation['kind'], never];
  return READ_EXPECTATION[kind](value);
}

/** `5` is exactly 5; `{min: 2}` is 2 or more; `{max: 3}` is 0 to 3. */
function countOf(raw: RawCount): { min: number; max: number | null } {
  return typeof raw === 'number' ? { min: raw, max: raw } : { min: raw.min ?? 0, max: raw.max ?? null };
}

function regexOf(raw: RawRegex): { pattern: string; flags: string } {
  return typeof raw === 'string' ? { pattern: raw, flags: '' } : { pattern: raw.pattern, flags: raw.flags ?? '' };
}
