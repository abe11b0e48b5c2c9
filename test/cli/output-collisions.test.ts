import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { PRIME_SUITE } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

const base =
  'models:\n  - id: gpt-4\n    model: m\n    base-url: http://127.0.0.1:9/v1\nsuites:\n  - path: prime.yaml\n';

function workspace(extra: string): string {
  return tempDir({ '.github/trackrecord.yml': `${base}${extra}`, 'prime.yaml': readFileSync(PRIME_SUITE, 'utf8') });
}

describe('output paths that collide', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'the history at the report',
      'history: .trackrecord/report.md\n',
      /trackrecord\.yml:7:10: history: the history and the report beside the history would both be written to \.trackrecord\/report\.md/,
    ],
    [
      "the history at the badge's JSON",
      'history: .trackrecord/badge.json\n',
      /trackrecord\.yml:7:10: history: the history and the badge's JSON endpoint would both be written to \.trackrecord\/badge\.json/,
    ],
    [
      'the history at the attestations file',
      'history: out/attestations.jsonl\n',
      /history: the history and the attestations file beside the history would both be written to out\/attestations\.jsonl/,
    ],
    [
      "a badge at another's model badge",
      'badge: .trackrecord/badge-gpt-4.svg\nhistory: .trackrecord/badge-gpt-4-gpt-4.svg\n',
      /would both be written to \.trackrecord\/badge-gpt-4-gpt-4\.svg/,
    ],
    [
      'the history at a suite file',
      'history: prime.yaml\n',
      /history: the history would be written over suite prime\.yaml \(prime\.yaml\): give it a path of its own/,
    ],
    [
      'the history at the config',
      'history: .github/trackrecord.yml\n',
      /history: the history would be written over the config \(\.github\/trackrecord\.yml\)/,
    ],
  ];
  for (const [name, extra, message] of cases) {
    it(`refuses ${name} in validate`, async () => {
      const result = await runCli(['validate'], workspace(extra));
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
    });
  }

  it('accepts paths apart', async () => {
    const result = await runCli(['validate'], workspace('history: data/h.jsonl\nbadge: data/b.svg\n'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
