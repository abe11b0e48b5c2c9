import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUTS, OUTPUTS, type InputName } from '../../src/action/host.js';
import { readSettings } from '../../src/action/settings.js';
import { REPO_ROOT } from '../support/prime.js';

const actionYml = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

describe("the action's inputs and outputs, spelled once", () => {
  it('lists exactly the inputs and outputs of action.yml', () => {
    expect([...INPUTS].sort()).toEqual(Object.keys(actionYml.inputs).sort());
    expect([...OUTPUTS].sort()).toEqual(Object.keys(actionYml.outputs).sort());
  });

  it.each(['schedule', 'pull_request'])('reads every input on %s', (eventName) => {
    const read = new Set<InputName>();
    readSettings(
      {
        getInput: (name) => {
          read.add(name);
          return '';
        },
      },
      eventName,
    );
    expect([...read].sort()).toEqual([...INPUTS].sort());
  });
});

describe('the merge input', () => {
  it('is one path or pattern a line, without blank lines and # comments', () => {
    const inputs: Partial<Record<InputName, string>> = { merge: 'a/*.json\n\n  # comment\n b.json \r\n' };
    const settings = readSettings({ getInput: (name) => inputs[name] ?? '' }, 'schedule');
    expect(settings.merge).toEqual(['a/*.json', 'b.json']);
  });
});
