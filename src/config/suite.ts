import { expectationProblem, parseJsonPath } from '../checks/index.js';
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
  compare?: 'exact' | 'similarity' | { similarity: number };
  expect?: RawExpectation[];
}

type RawExpectation = {
  equals?: Scalar;
  contains?: string;
  'not-contains'?: string;
  regex?: RawRegex;
  'not-regex'?: RawRegex;
  'one-of'?: Scalar[];
  'json-schema'?: Record<string, unknown>;
  'max-length'?: number;
  'min-length'?: number;
  number?: number | { equals: number; tolerance?: number };
  'word-count'?: RawCount;
  'line-count'?: RawCount;
};

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
      const problem = expectationProblem(e) ?? lineCountProblem(e, p.normalize);
      if (problem) issues.push(yaml.issue([...at, 'expect', j], problem));
    });

    if (typeof messages !== 'string' && typeof extract !== 'string') {
      prompts.push({
        id: p.id,
        messages,
        extract,
        normalize: p.normalize ?? [...DEFAULTS.normalize],
        compare: resolveCompare(p.compare),
        expect,
        location: { file: yaml.file, line: yaml.lineOf(at) },
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

function resolveCompare(raw: RawPrompt['compare']): Comparison {
  if (raw === undefined || raw === 'exact') return { kind: 'exact' };
  if (raw === 'similarity') return { kind: 'similarity', threshold: DEFAULTS.similarityThreshold };
  return { kind: 'similarity', threshold: raw.similarity };
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

function resolveExpectation(raw: RawExpectation): Expectation {
  // The schema guarantees exactly one key.
  if (raw.equals !== undefined) return { kind: 'equals', value: String(raw.equals) };
  if (raw.contains !== undefined) return { kind: 'contains', value: raw.contains };
  if (raw['not-contains'] !== undefined) return { kind: 'not-contains', value: raw['not-contains'] };
  if (raw.regex !== undefined) return { kind: 'regex', ...regexOf(raw.regex) };
  if (raw['not-regex'] !== undefined) return { kind: 'not-regex', ...regexOf(raw['not-regex']) };
  if (raw['one-of'] !== undefined) return { kind: 'one-of', values: raw['one-of'].map(String) };
  if (raw['json-schema'] !== undefined) return { kind: 'json-schema', schema: raw['json-schema'] };
  if (raw['max-length'] !== undefined) return { kind: 'max-length', value: raw['max-length'] };
  if (raw['min-length'] !== undefined) return { kind: 'min-length', value: raw['min-length'] };
  if (raw['word-count'] !== undefined) return { kind: 'word-count', ...countOf(raw['word-count']) };
  if (raw['line-count'] !== undefined) return { kind: 'line-count', ...countOf(raw['line-count']) };
  const n = raw.number!;
  return typeof n === 'number'
    ? { kind: 'number', equals: n, tolerance: 0 }
    : { kind: 'number', equals: n.equals, tolerance: n.tolerance ?? 0 };
}

/** `5` is exactly 5; `{min: 2}` is 2 or more; `{max: 3}` is 0 to 3. */
function countOf(raw: RawCount): { min: number; max: number | null } {
  return typeof raw === 'number' ? { min: raw, max: raw } : { min: raw.min ?? 0, max: raw.max ?? null };
}

function regexOf(raw: RawRegex): { pattern: string; flags: string } {
  return typeof raw === 'string' ? { pattern: raw, flags: '' } : { pattern: raw.pattern, flags: raw.flags ?? '' };
}
