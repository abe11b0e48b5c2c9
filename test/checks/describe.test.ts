import { describe, expect, it } from 'vitest';
import { expectedText } from '../../src/checks/index.js';

describe('expectedText', () => {
  it('says what each kind of check expects, in one short line', () => {
    expect(expectedText({ kind: 'equals', value: 'Paris' })).toBe('"Paris"');
    expect(expectedText({ kind: 'not-contains', value: 'sorry' })).toBe('"sorry"');
    expect(expectedText({ kind: 'regex', pattern: '^\\d+$', flags: 'i' })).toBe('/^\\d+$/i');
    expect(expectedText({ kind: 'one-of', values: ['yes', 'no'] })).toBe('"yes", "no"');
    expect(expectedText({ kind: 'json-schema', schema: { type: 'object' } })).toBe('{"type":"object"}');
    expect(expectedText({ kind: 'max-length', value: 20 })).toBe('at most 20 characters');
    expect(expectedText({ kind: 'min-length', value: 3 })).toBe('at least 3 characters');
    expect(expectedText({ kind: 'number', equals: 42, tolerance: 0 })).toBe('42');
    expect(expectedText({ kind: 'number', equals: 3.14, tolerance: 0.01 })).toBe('3.14 ± 0.01');
    expect(expectedText({ kind: 'word-count', min: 40, max: 60 })).toBe('40 to 60 words');
    expect(expectedText({ kind: 'word-count', min: 0, max: 5 })).toBe('at most 5 words');
    expect(expectedText({ kind: 'line-count', min: 3, max: 3 })).toBe('3 lines');
    expect(expectedText({ kind: 'line-count', min: 2, max: null })).toBe('at least 2 lines');
    expect(expectedText({ kind: 'similar', to: 'a cat', threshold: 0.8 })).toBe('cosine >= 0.8 to "a cat"');
  });

  it('cuts a long expected value to 120 characters', () => {
    const text = expectedText({ kind: 'equals', value: 'x'.repeat(500) });
    expect([...text]).toHaveLength(120);
    expect(text.endsWith('…')).toBe(true);
  });
});
