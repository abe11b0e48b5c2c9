import { describe, expect, it } from 'vitest';
import { usageCount, usageNotes } from '../../src/providers/usage.js';

describe('usage notes', () => {
  it('never show a key a server echoes as a usage number, not even its first characters', () => {
    const key = 'sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop';
    const heard: string[] = [];
    const note = usageNotes('m', [key], (message) => heard.push(message));
    expect(usageCount({ completion_tokens: key }, 'completion_tokens', note)).toBeNull();
    expect(usageCount({ prompt_tokens: `Bearer ${key.slice(0, 30)}` }, 'prompt_tokens', note)).toBeNull();
    expect(heard).toEqual([
      'model "m": the server reported usage.completion_tokens "***", not a count: taken as unknown',
      'model "m": the server reported usage.prompt_tokens "Bearer ***", not a count: taken as unknown',
    ]);
  });

  it('cut a long odd value to one line, and tell each field once', () => {
    const heard: string[] = [];
    const note = usageNotes('m', [], (message) => heard.push(message));
    usageCount({ completion_tokens: 'x'.repeat(100) }, 'completion_tokens', note);
    usageCount({ completion_tokens: -1 }, 'completion_tokens', note);
    expect(heard).toEqual([
      `model "m": the server reported usage.completion_tokens "${'x'.repeat(38)}…, not a count: taken as unknown`,
    ]);
  });
});
