import * as core from '@actions/core';
import { lowestReliability } from '../analysis/record-metrics.js';
import type { Config, PromptSpec } from '../config/types.js';
import type { RunSummary } from '../report/summary.js';

/** Sets the action's outputs from a run's summary. */
export function setOutputs(
  summary: RunSummary,
  paths: { report: string; history: string; statement?: string; predicate?: string },
): void {
  const lowest = lowestReliability(summary.models);
  core.setOutput('reliability', lowest === null ? '' : String(lowest));
  core.setOutput('drifted', String(summary.models.reduce((n, m) => n + m.drifted.length, 0)));
  core.setOutput('regressions', String(summary.models.reduce((n, m) => n + m.regressions.length, 0)));
  core.setOutput('report', paths.report);
  core.setOutput('history', paths.history);
  if (paths.statement) core.setOutput('statement', paths.statement);
  if (paths.predicate) core.setOutput('predicate', paths.predicate);
}

/** GitHub shows only the first few annotations of a step; past these, one line says how many more. */
const MAX_ANNOTATIONS = 10;

/** One `::warning` per regression, pointing at the prompt in its suite file when it is in the repository. */
export function annotateRegressions(summary: RunSummary, config: Config): void {
  // Built-in suites live in the action, not in the repository: no file to point at.
  const locations = new Map<string, PromptSpec['location']>();
  for (const suite of config.suites) {
    if (suite.source.startsWith('builtin:')) continue;
    for (const p of suite.prompts) locations.set(`${suite.name}/${p.id}`, p.location);
  }
  for (const model of summary.models) {
    for (const key of model.regressions.slice(0, MAX_ANNOTATIONS)) {
      const location = locations.get(key);
      core.warning(`${key} went from pass to fail on ${model.id}`, {
        title: 'trackrecord regression',
        ...(location ? { file: location.file, startLine: location.line } : {}),
      });
    }
    const more = model.regressions.length - MAX_ANNOTATIONS;
    if (more > 0)
      core.warning(`${more} more prompts went from pass to fail on ${model.id}: see the report`, {
        title: 'trackrecord regression',
      });
  }
}

/** Appends the markdown report to the job summary (GITHUB_STEP_SUMMARY). */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  await core.summary.addRaw(markdown, true).write();
}
