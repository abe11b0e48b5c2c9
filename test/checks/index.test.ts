import { describe, it, expect } from 'vitest';
import type { PromptSpec } from '../../src/config/types.js';
import { answerOf, evaluate, sameAnswer } from '../../src/checks/index.js';

describe('answerOf', () => {
  it('extracts then normalizes (LLMDrift-style yes/no)', () => {
    const prompt: Pick<PromptSpec, 'extract' | 'normalize'> = {
      extract: { kind: 'regex', pattern: '\\[(yes|no)\\]', flags: 'i' },
      normalize: ['lowercase'],
    };
    const output = '[No] \n\nExplanation: 17077 is a prime number. [Yes]';
    expect(answerOf(output, prompt)).toBe('no');
  });

  it('normalizes the whole output when there is no extractor', () => {
    expect(answerOf('  Paris\n\n', { extract: null, normalize: ['trim', 'collapse-whitespace'] })).toBe('Paris');
  });

  it('keeps null when nothing was extracted', () => {
    expect(
      answerOf('no brackets', {
        extract: { kind: 'regex', pattern: '\\[(\\w+)\\]', flags: '' },
        normalize: ['lowercase'],
      }),
    ).toBeNull();
  });

  it('feeds evaluate and sameAnswer end to end', () => {
    const prompt: Pick<PromptSpec, 'extract' | 'normalize' | 'expect'> = {
      extract: { kind: 'json-path', path: '$.answer' },
      normalize: ['lowercase'],
      expect: [{ kind: 'equals', value: 'Yes' }],
    };
    const a = answerOf('```json\n{"answer": "YES"}\n```', prompt);
    const b = answerOf('{"answer": "No"}', prompt);
    expect(evaluate(a, prompt)).toEqual({ pass: true, failures: [] });
    expect(evaluate(b, prompt)).toEqual({ pass: false, failures: ['equals "Yes": got "no"'] });
    expect(sameAnswer(a, b, { kind: 'exact' })).toBe(false);
  });
});
