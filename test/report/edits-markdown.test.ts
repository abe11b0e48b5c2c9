import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EditComparison } from '../../src/analysis/edit-effect.js';
import { renderEdits } from '../../src/report/edits-markdown.js';
import { editedPromptComparison } from '../support/edits.js';

const HOSTILE =
  'Hey @octocat </details><img src=x onerror=alert(1)> [click](https://evil.example/steal) <!-- trackrecord:check -->\nline two';

function comparison(answer: string, definition: string): EditComparison {
  return editedPromptComparison({ answer, definition, before: 'fine', recorded: { answer, status: true } });
}

describe('renderEdits', () => {
  it('lists prompts new to the base with their verdicts, and runs none of them twice', () => {
    const c = comparison('no', 'new text');
    c.added = [
      { modelId: 'm', key: 's/new-pass', status: true, answer: 'yes' },
      { modelId: 'm', key: 's/new-fail', status: false, answer: 'no' },
      { modelId: 'm', key: 's/new-free', status: null, answer: 'hi' },
    ];
    c.edits.added = ['s/new-pass', 's/new-fail', 's/new-free'];
    const body = renderEdits(c).join('\n');
    expect(body).toContain(
      '**New** (no counterpart on `main`): s/new-pass on m: pass; s/new-fail on m: fail; s/new-free on m: no checks.',
    );
    expect(body).toContain('1 prompt run, **1 extra request**');
  });

  it('keeps model output and edited definitions inert: no mentions, tags, links or markers', () => {
    const body = renderEdits(comparison(HOSTILE, HOSTILE)).join('\n');
    expect(body).toContain('s/a: edited in this PR');
    expect(body).toContain('**regression of this PR**');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<!--');
    expect(body).not.toMatch(/(^|[\s(])@octocat/);
    expect(body).not.toContain('](https://evil.example');
    // The cut answer's full text is in a closed details block, which it cannot close early.
    expect((body.match(/<details>/g) ?? []).length).toBe(1);
    expect((body.match(/<\/details>/g) ?? []).length).toBe(1);
  });

  it("renders the README's example of the pull request comment as it is printed there", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = readme.slice(readme.indexOf('```markdown\n## What this PR changed'));
    const shown = example.slice('```markdown\n'.length, example.indexOf('## Drift since the last record'));
    // Five samples a side, yes against no: Fisher's exact p = 2 / C(10, 5) = 1/126.
    const c: EditComparison = {
      ...comparison('no', 'Is 7 a prime number? Answer yes or no.'),
      extraRequests: 5,
    };
    c.edits.prompts[0]!.key = 's/p7';
    c.edits.prompts[0]!.changes = [
      { field: 'prompt', before: 'Is 7 prime? Answer yes or no.', after: 'Is 7 a prime number? Answer yes or no.' },
    ];
    c.effects = [
      {
        ...c.effects[0]!,
        modelId: 'gpt-4o-mini',
        key: 's/p7',
        before: { answer: 'yes', status: true, answered: true },
        recorded: { answer: 'yes', status: true },
        p: 1 / 126,
      },
    ];
    // The README wraps the intro's lines; markdown reads a wrapped paragraph as the same one.
    const flat = (text: string) => text.replace(/([^|\n])\n(?=[^|\n#])/g, '$1 ').trim();
    expect(flat(shown)).toBe(flat(renderEdits(c).join('\n')));
  });
});
