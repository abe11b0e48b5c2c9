import { describe, expect, it } from 'vitest';
import type { EditComparison } from '../../src/analysis/edit-effect.js';
import { formatEdits } from '../../src/report/edits-text.js';
import { editedPromptComparison } from '../support/edits.js';

/** Terminal control (colour, clear screen, a carriage return that overwrites the line) and a second line. */
const HOSTILE = 'no\u001b[2J\u001b[31m red\rover\nline two\u202e';

function comparison(answer: string): EditComparison {
  return editedPromptComparison({ answer, definition: HOSTILE, before: 'yes', recorded: null });
}

describe('formatEdits', () => {
  it('prints model output and edited definitions as visible text on one line each, no terminal control', () => {
    const text = formatEdits(comparison(HOSTILE));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    const shown = '"no<U+001B>[2J<U+001B>[31m red over line two<U+202E>"';
    expect(text.split('\n')).toEqual([
      'compared with main:',
      '  base versions run: 1 (1 extra request); edits of reading or checks judged on the same outputs',
      '  s/a edited:',
      '    prompt:',
      '      before: "old"',
      `      after:  ${shown}`,
      `    on m: "yes" -> ${shown} (changed), pass -> fail: REGRESSION of this change`,
    ]);
  });
});
