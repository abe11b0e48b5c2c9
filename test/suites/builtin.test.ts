import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerOf, evaluate } from '../../src/checks/index.js';
import { builtinSuiteNames, loadSuite } from '../../src/config/load.js';
import { builtinSuitesDir } from '../../src/util/package-root.js';

interface Documented {
  id: string;
  reference?: string;
  wrong?: string[];
}

const names = builtinSuiteNames();

describe('built-in suites', () => {
  it('exist', () => {
    expect(names).toContain('smoke');
  });

  describe.each(names)('%s', (name) => {
    const file = join(builtinSuitesDir(), `${name}.yaml`);
    const documented = (parse(readFileSync(file, 'utf8')) as { prompts: Documented[] }).prompts;

    it('validates and every prompt documents a reference and at least one wrong output', async () => {
      const suite = await loadSuite(builtinSuitesDir(), file);
      expect(suite.name).toBe(name);
      for (const p of documented) {
        expect(p.reference, p.id).toBeTypeOf('string');
        expect(p.wrong?.length ?? 0, p.id).toBeGreaterThan(0);
      }
    });

    it('accepts each reference and rejects each listed wrong output', async () => {
      const suite = await loadSuite(builtinSuitesDir(), file);
      for (const prompt of suite.prompts) {
        const doc = documented.find((d) => d.id === prompt.id)!;
        expect(prompt.expect.length, `${prompt.id} has checks`).toBeGreaterThan(0);
        const verdict = evaluate(answerOf(doc.reference!, prompt), prompt);
        expect(verdict, `${prompt.id} reference`).toEqual({ pass: true, failures: [] });
        for (const wrong of doc.wrong!) {
          expect(evaluate(answerOf(wrong, prompt), prompt).pass, `${prompt.id} rejects ${JSON.stringify(wrong)}`).toBe(
            false,
          );
        }
      }
    });
  });
});
