import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/config/load.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

/**
 * A suite of `count` prompts all checked alike through one `expect` anchor of `checks` checks,
 * after `extra` lines. (A file with no alias is never counted: written out, any suite loads.)
 */
function anchoredSuite(count: number, checks: number, extra = ''): string {
  const list = Array.from({ length: checks }, (_, i) => `\n      - contains: "${i}"`).join('');
  const lines = ['name: big', extra, 'prompts:'];
  for (let i = 0; i < count; i++)
    lines.push(`  - id: p${i}\n    prompt: count\n    expect:${i === 0 ? ` &e${list}` : ' *e'}`);
  return `${lines.join('\n')}\n`;
}

describe('the YAML alias guard counts what aliases add, not what the file writes out', () => {
  it('loads a big suite reusing one expect anchor', async () => {
    // 25,000 prompts of 6 written values each, each adding 46 through the alias: 1.3 million
    // values in all, which the guard used to refuse (and building the data took minutes: the
    // library looks each alias's anchor up through all before it). The parser makes a bigger
    // file too slow for a test; 100,000 prompts with a smaller anchor load the same way.
    const root = tempDir({ 'anchored.yaml': anchoredSuite(25_000, 15) });
    const result = await runCli(['validate', 'anchored.yaml'], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok anchored.yaml: suite "big" with 25000 prompts\n');
    const suite = await loadSuite(root, 'anchored.yaml');
    expect(suite.prompts[24_999]!.expect).toHaveLength(15);
  }, 60_000);

  it('refuses nested aliases that blow up, in a big file as in a small one, at the alias that does it', async () => {
    // Each level holds ten aliases of the one before: level 7 alone stands for 10^8 values.
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 7; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    for (const count of [10, 20_000]) {
      const root = tempDir({ 'bomb.yaml': anchoredSuite(count, 1, levels.join('\n')) });
      const result = await runCli(['validate', 'bomb.yaml'], root);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^bomb\.yaml:\d:\d+: aliases add more than [\d,]+ values to this file \(the larger of 1,000,000 and 10 times the [\d,]+ it writes out\); write the repeated values out, or split the file\n$/,
      );
    }
  }, 60_000);

  it('refuses one wide anchor reused until the data is far larger than the file', async () => {
    const wide = `wide: &w [${Array(2000).fill('x').join(', ')}]`;
    const uses = Array.from({ length: 2000 }, (_, i) => `  - id: p${i}\n    prompt: x\n    reference: *w`);
    const root = tempDir({ 'wide.yaml': `name: s\n${wide}\nprompts:\n${uses.join('\n')}\n` });
    const result = await runCli(['validate', 'wide.yaml'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wide\.yaml:\d+:\d+: aliases add more than 1,000,000 values/);
  });
});
