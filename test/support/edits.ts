import type { EditComparison } from '../../src/analysis/edit-effect.js';
import type { Recording } from '../../tools/replay/index.js';

/** A three-prompt suite whose prompt p7 answers differently when reworded, and whose prompt add does under a system prompt asking for markup. */
export const P7 = 'Is 7 prime? Answer yes or no.';
export const P7_REWORDED = 'Is 7 a prime number? Answer yes or no.';
export const ADD = 'What is 2+2? Answer with a number.';
export const CAPITAL = 'What is the capital of France? One word.';
/** A system prompt under which add's answer is hostile markup: comment markers, HTML, a mention, a link, a table pipe. */
export const MARKUP = 'Answer in markup.';
export const HOSTILE =
  'Four <!-- trackrecord:check --> </details><img src=x onerror=alert(1)> @octocat [docs](https://evil.example) | **4** |';

export const EDITS_SUITE = `name: s
prompts:
  - id: capital
    prompt: "${CAPITAL}"
    expect:
      - contains: Paris
  - id: p7
    prompt: "${P7}"
    extract: { regex: "(yes|no)", flags: i }
    normalize: [lowercase]
    expect:
      - equals: "yes"
  - id: add
    prompt: "${ADD}"
    expect:
      - equals: "4"
`;

export const EDITS_RECORDINGS: Recording[] = [
  { model: 'tiny-1', prompt: P7, output: 'Yes.' },
  { model: 'tiny-1', prompt: P7_REWORDED, output: 'No, it is not.' },
  { model: 'tiny-1', prompt: ADD, output: '4' },
  { model: 'tiny-1', prompt: ADD, output: HOSTILE, system: MARKUP },
  { model: 'tiny-1', prompt: CAPITAL, output: 'Paris' },
];

/** The config of model `m` (tiny-1 on the replay server) on prompts/s.yaml; `system` is extra model lines. */
export function editsConfig(baseUrl: string, samples: number, system = ''): string {
  return (
    `models:\n  - id: m\n    model: tiny-1\n    base-url: ${baseUrl}\n    temperature: 0\n${system}` +
    `suites:\n  - path: prompts/s.yaml\nsamples: ${samples}\n`
  );
}

/**
 * A comparison with one edited prompt, s/a on model m: its text changed to `definition`, its
 * answer `before` (passing) became `answer` (failing), a regression of the change, base rerun.
 */
export function editedPromptComparison(o: {
  answer: string;
  definition: string;
  before: string;
  recorded: EditComparison['effects'][number]['recorded'];
}): EditComparison {
  return {
    baseRef: 'main',
    edits: {
      models: [],
      prompts: [
        {
          key: 's/a',
          changes: [{ field: 'prompt', before: 'old', after: o.definition }],
          location: { file: 's.yaml', line: 3 },
        },
      ],
      pairs: [],
      added: [],
      addedModels: [],
      removed: [],
      removedModels: [],
    },
    effects: [
      {
        modelId: 'm',
        key: 's/a',
        before: { answer: o.before, status: true, answered: true },
        after: { answer: o.answer, status: false, answered: true },
        recorded: o.recorded,
        changed: true,
        differs: true,
        p: null,
        regression: true,
        fix: false,
        withinNoise: false,
        rerun: true,
      },
    ],
    extraRequests: 1,
    rerun: 1,
    added: [],
  };
}
