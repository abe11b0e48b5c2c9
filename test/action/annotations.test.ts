import { describe, expect, it } from 'vitest';
import { annotateRegressions } from '../../src/action/outputs.js';
import type { EditComparison } from '../../src/analysis/edit-effect.js';
import type { Config } from '../../src/config/types.js';
import type { RunSummary } from '../../src/analysis/summary.js';
import { RecordingHost } from '../support/action.js';

// Only the fields annotations read: which regressions count, and where each prompt is written.
const drifted = Array.from({ length: 12 }, (_, i) => `s/d${i}`);
const summary = {
  models: [
    {
      id: 'm',
      regressions: [...drifted, 's/edited'],
      editRegressions: ['s/edited'],
      drift: { significant: true, p: 0.001, prompts: [], detectableShift: null },
      noise: { beyond: [...drifted, 's/edited'], within: [] },
    },
  ],
} as unknown as RunSummary;
const config = {
  suites: [
    {
      name: 's',
      source: 'prompts/s.yaml',
      prompts: [...drifted, 'edited'].map((key, i) => ({
        id: key.replace('s/', ''),
        location: { file: 'prompts/s.yaml', line: i + 1 },
      })),
    },
  ],
} as unknown as Config;
const edits = {
  edits: {
    prompts: [{ key: 's/edited', changes: [{ field: 'prompt' }], location: { file: 'prompts/s.yaml', line: 40 } }],
  },
} as unknown as EditComparison;

describe('annotateRegressions', () => {
  it("puts the change's own regressions first, within GitHub's first few annotations, and counts the rest", () => {
    const host = new RecordingHost({});
    annotateRegressions(host, summary, config, edits);
    const warnings = host.result.annotations;
    expect(warnings).toHaveLength(11);
    expect(warnings[0]).toMatchObject({
      message: "s/edited went from pass to fail on m with this change's edit of prompt",
      file: 'prompts/s.yaml',
      startLine: 40,
    });
    expect(warnings[1]).toMatchObject({ message: 's/d0 went from pass to fail on m', startLine: 1 });
    expect(warnings[10]).toMatchObject({ message: '3 more prompts went from pass to fail on m: see the report' });
    expect(warnings[10]!.file).toBeUndefined();
  });
});
