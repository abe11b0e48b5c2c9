import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the lint config is plain JavaScript, without declarations.
import { LAYERS } from '../../eslint.config.js';
import { REPO_ROOT } from '../support/prime.js';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The boundary messages ESLint gives `code` as if it were the file at `path` under the repository. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the layer boundaries of src/', () => {
  it.each([
    ['src/history/x.ts', "import { compareWithHistory } from '../analysis/compare.js';"],
    ['src/history/x.ts', "import type { RunOutcome } from '../app/engine.js';"],
    ['src/analysis/x.ts', "import { driftCell } from '../report/drift-text.js';"],
    ['src/report/html/x.ts', "import { main } from '../../cli/main.js';"],
    ['src/cli/commands/x.ts', "import { run } from '../../action/main.js';"],
    ['src/checks/x.ts', "import { loadConfig } from '../config/load.js';"],
    ['src/checks/x.ts', "import type { PromptSpec } from '../config/types.js';"],
    ['src/run/x.ts', "import { HistoryView } from '../history/view.js';"],
    ['src/app/x.ts', "import { main } from '../cli/main.js';"],
    ['src/util/x.ts', "import type { Config } from '../config/types.js';"],
  ])('fails %s on an upward import: %s', async (path, code) => {
    const errors = await boundaryErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/import downward only/);
  });

  it.each([
    ['src/analysis/x.ts', "export { startReplayServer } from '../../tools/replay/index.js';"],
    ['src/app/x.ts', "import { startReplayServer } from '../../tools/replay/index.js';"],
    ['src/report/html/x.ts', "import { tempDir } from '../../../test/support/tmp.js';"],
    ['src/cli/x.ts', "import { seededRandom } from '../../bench/drift.js';"],
  ])('fails %s on an import from outside src/: %s', async (path, code) => {
    const errors = await boundaryErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/ is what ships: it imports nothing from tools\//);
  });

  it.each([
    ['src/action/x.ts', "import { info } from '@actions/core';"],
    ['src/report/x.ts', "import * as core from '@actions/core';"],
  ])('fails %s on reaching the runner around the ActionHost: %s', async (path, code) => {
    const errors = await boundaryErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/reaches the runner through its ActionHost \(src\/action\/core-host\.ts\)/);
  });

  it.each([
    ['src/action/core-host.ts', "import { info } from '@actions/core';"],
    ['src/analysis/x.ts', "import { HistoryView } from '../history/view.js';"],
    ['src/analysis/x.ts', "import { share } from './stats.js';"],
    ['src/report/html/x.ts', "import type { TrendPoint } from '../report.js';"],
    ['src/report/html/x.ts', "import { percent } from '../../util/numbers.js';"],
    ['src/checks/x.ts', "import type { CheckedPrompt } from './types.js';"],
    ['src/config/x.ts', "import type { Expectation } from '../checks/types.js';"],
    ['src/app/x.ts', "import { runSuites } from './engine.js';"],
    ['src/action/x.ts', "import { recordOutcome } from '../app/run-and-record.js';"],
  ])('lets %s import downward: %s', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });

  it.each([
    ['src/cli/commands/x.ts', "import { loadConfig } from '../../config/load.js';"],
    ['src/action/x.ts', "import { buildRecords } from '../analysis/records.js';"],
    ['src/action/x.ts', "import { renderCheckComment } from '../report/check-comment.js';"],
    ['src/cli/x.ts', "import { readHistory } from '../history/read.js';"],
  ])('fails %s on a shell reaching past the use cases: %s', async (path, code) => {
    const errors = await boundaryErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/is a shell: it calls the use cases of src\/app\/ and imports the core only as types/);
  });

  it.each([
    ['src/cli/commands/x.ts', "import type { Config } from '../../config/types.js';"],
    ['src/cli/commands/x.ts', "import { type HistoryRead } from '../../history/read.js';"],
    ['src/action/x.ts', "import { ConfigError } from '../config/errors.js';"],
    ['src/cli/commands/x.ts', "import { DEFAULTS } from '../../config/types.js';"],
    ['src/action/x.ts', "import { Git } from '../git/git.js';"],
    ['src/action/x.ts', "import { createOctokit } from '../github/octokit.js';"],
    ['src/cli/commands/x.ts', "import { openWorkspace } from '../../app/workspace.js';"],
  ])('lets the shell %s import a use case, a type, an error or its own adapter: %s', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });

  it('places every folder of src/ in a layer, and nothing beside them', () => {
    const entries = readdirSync(join(REPO_ROOT, 'src'), { withFileTypes: true }).map((e) =>
      e.isDirectory() ? e.name : e.name.replace(/\.ts$/, ''),
    );
    expect(entries.sort()).toEqual(Object.keys(LAYERS as Record<string, string[]>).sort());
  });
});
