import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ConfigIssue } from './errors.js';
import { didYouMean } from './suggest.js';
import * as validators from './validators.generated.js';
import type { PathSegments, YamlFile } from './yaml-file.js';

// The validators are compiled from schema/*.json at build time (scripts/gen-validators.ts), with
// every error and its parentSchema, which lists the keys allowed for "did you mean".

export type SchemaKind = keyof typeof validators;

/** Validates a parsed file against its JSON Schema; every issue names file, line and key path. */
export function checkSchema(kind: SchemaKind, yaml: YamlFile): ConfigIssue[] {
  const validate: ValidateFunction = validators[kind];
  if (validate(yaml.data)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  return errors.map((e) => toIssue(e, yaml)).sort((a, b) => a.line - b.line || a.column - b.column);
}

function toIssue(error: ErrorObject, yaml: YamlFile): ConfigIssue {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return yaml.issue(path, `unknown key "${key}"${didYouMean(key, allowed)}`, key);
    }
    case 'required':
      return yaml.issue(path, `missing required key "${String(params['missingProperty'])}"`);
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      return yaml.issue(path, `must be one of ${allowed.join(', ')}${didYouMean(String(error.data), allowed)}`);
    }
    case 'type': {
      // A whole file that reads as one value is no config or suite at all (a .env file named
      // .yml, a key pasted into one): what it holds is not shown, only what kind of value it is.
      const got = describe(error.data, path.length > 0);
      return yaml.issue(path, `must be ${String(params['type']).replace(',', ' or ')}, got ${got}`);
    }
    case 'pattern':
      // A key pasted where the name of its variable belongs must not be printed back.
      if (path.at(-1) === 'api-key-env')
        return yaml.issue(
          path,
          'must be the name of an environment variable (letters, digits, "_"), not the key itself: ' +
            'put the key in a secret or variable and name that here',
        );
      return yaml.issue(path, `${JSON.stringify(error.data)} ${patternHint(path, String(params['pattern']))}`);
    case 'maxProperties':
      if (path.at(-2) === 'expect') {
        return yaml.issue(path, 'each expect item holds exactly one check; write one list item per check');
      }
      return yaml.issue(path, error.message ?? 'too many keys');
    default:
      return yaml.issue(path, error.message ?? `fails ${error.keyword}`);
  }
}

/** Friendlier words for the patterns people actually trip over. */
function patternHint(path: PathSegments, pattern: string): string {
  const last = path.at(-1);
  if (pattern.startsWith('^builtin:')) return 'must be builtin:NAME (lowercase) or {path: FILE}';
  if (last === 'id' && path[0] === 'models') return 'must use only lowercase letters, digits, ".", "_" and "-"';
  if (last === 'base-url') return 'must be an http:// or https:// URL';
  if (last === 'flags') return 'may only hold the regex flags i, m, s, u';
  return `must match ${pattern}`;
}

/**
 * Schemas that accept "a string or an object" report errors for both branches;
 * when the value is a string, the object-only complaints are noise.
 */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (typeof e.data === 'string' && ['required', 'additionalProperties'].includes(e.keyword)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `/models/1/base-url` -> `['models', 1, 'base-url']` */
function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(value: unknown, showValue: boolean): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return showValue ? `${typeof value} ${JSON.stringify(value)}` : typeof value;
}
