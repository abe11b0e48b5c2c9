import { count } from '../../util/numbers.js';
import type { FailingPrompt } from '../../analysis/failing.js';
import { code, name, note, paragraph, strong, untrusted, type Block, type Inline } from './model.js';

/** Failing prompts shown in a report or comment; JSON lists them all. */
export const FAILING_SHOWN = 10;

/** Model text of an answer in the list: one line's worth. */
const ANSWER_CHARS = 80;

/**
 * The prompts the latest run failed: each with the answer most samples gave and the checks it
 * fails. Answers are model output: shown as untrusted text, cut.
 */
export function failingBlocks(failing: readonly FailingPrompt[]): Block[] {
  if (failing.length === 0) return [];
  const rows = failing
    .slice(0, FAILING_SHOWN)
    .map((f): Inline[][] => [
      [name(f.prompt, 80)],
      [f.answer === null ? 'no answer extracted' : untrusted(f.answer, ANSWER_CHARS)],
      f.checks.length === 0
        ? ['(the checks it was judged with are not at hand)']
        : f.checks.flatMap((c, i): Inline[] => [...(i > 0 ? ['; '] : []), c.check, ' ', untrusted(c.expected, 120)]),
    ]);
  const hidden = failing.length - FAILING_SHOWN;
  return [
    paragraph(strong(count(failing.length, 'failing prompt')), ' in the latest run:'),
    { kind: 'table', columns: [{ title: 'Prompt' }, { title: 'Answer' }, { title: 'Failed checks' }], rows },
    ...(hidden > 0
      ? [
          note(
            `… and ${count(hidden, 'more failing prompt')}, not shown here: `,
            code('trackrecord report --format json'),
            ' lists them all.',
          ),
        ]
      : []),
  ];
}
