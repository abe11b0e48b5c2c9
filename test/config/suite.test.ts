import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTATION_KINDS } from '../../src/config/suite.js';
import { REPO_ROOT } from '../support/prime.js';

describe('the check kinds', () => {
  it('are the same list in the suite schema as in the table that reads them', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/suite.schema.json'), 'utf8')) as {
      definitions: { expectation: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(schema.definitions.expectation.properties).sort()).toEqual([...EXPECTATION_KINDS].sort());
    // The kinds themselves, not a count: a kind added or dropped shows up here by name.
    expect([...EXPECTATION_KINDS].sort()).toEqual([
      'contains',
      'equals',
      'json-schema',
      'line-count',
      'max-length',
      'min-length',
      'not-contains',
      'not-regex',
      'number',
      'one-of',
      'regex',
      'similar',
      'word-count',
    ]);
  });
});
