import type { EditComparison } from '../analysis/edit-effect.js';
import type { Config, PromptSpec } from '../config/types.js';
import { fitMarkdown } from '../github/comment.js';
import type { RunSummary } from '../analysis/summary.js';
import { grouped } from '../util/numbers.js';
import type { ActionHost } from './host.js';

/** Sets the action's outputs from a run's summary. */
export function setOutputs(
  host: ActionHost,
  summary: RunSummary,
  paths: { report: string; history: string; statement?: string; predicate?: string },
): void {
  // As the badge reads: a model that answered nothing has no score tonight, whatever its window says.
  const lowest = summary.reliability === null ? '' : String(summary.reliability);
  host.setOutput('reliability', summary.unavailable.length > 0 ? 'unavailable' : lowest);
  host.setOutput('drifted', String(summary.models.reduce((n, m) => n + m.drifted.length, 0)));
  // Beyond noise, as the thresholds count them: a later step that gates on it must not cry wolf.
  host.setOutput('regressions', String(summary.models.reduce((n, m) => n + m.noise.beyond.length, 0)));
  const priced = summary.models.flatMap((m) => (m.cost === null ? [] : [m.cost]));
  if (priced.length > 0) host.setOutput('cost', String(priced.reduce((sum, c) => sum + c, 0)));
  host.setOutput('report', paths.report);
  host.setOutput('history', paths.history);
  if (paths.statement) host.setOutput('statement', paths.statement);
  if (paths.predicate) host.setOutput('predicate', paths.predicate);
}

/** GitHub shows only the first few annotations of a step; past these, one line says how many more. */
const MAX_ANNOTATIONS = 10;

/**
 * One `::warning` per regression beyond noise (a flip within noise is shown in the report, not
 * flagged), pointing at the prompt in its suite file when it is in the repository: for a
 * regression a prompt's edit made, at the edited line.
 */
export function annotateRegressions(
  host: ActionHost,
  summary: RunSummary,
  config: Config,
  edits: EditComparison | null = null,
): void {
  // Built-in suites live in the action, not in the repository: no file to point at.
  const locations = new Map<string, PromptSpec['location']>();
  for (const suite of config.suites) {
    if (suite.source.startsWith('builtin:')) continue;
    for (const p of suite.prompts) locations.set(`${suite.name}/${p.id}`, p.location);
  }
  const edited = new Map(edits?.edits.prompts.map((p) => [p.key, p]));
  for (const model of summary.models) {
    // This change's own regressions first: GitHub shows only the first few annotations.
    const own = new Set(model.editRegressions ?? []);
    const all = model.noise.beyond;
    const regressions = [...all.filter((key) => own.has(key)), ...all.filter((key) => !own.has(key))];
    for (const key of regressions.slice(0, MAX_ANNOTATIONS)) {
      const edit = own.has(key) ? edited.get(key) : undefined;
      const location = edit ? edit.location : locations.get(key);
      const cause = edit ? ` with this change's edit of ${edit.changes.map((f) => f.field).join(', ')}` : '';
      host.warning(`${key} went from pass to fail on ${model.id}${cause}`, {
        title: 'trackrecord regression',
        ...(location ? { file: location.file, startLine: location.line } : {}),
      });
    }
    const more = regressions.length - MAX_ANNOTATIONS;
    if (more > 0)
      host.warning(`${more} more prompts went from pass to fail on ${model.id}: see the report`, {
        title: 'trackrecord regression',
      });
  }
}

/** GitHub refuses a step's job summary over 1 MiB; this leaves room for what else the step writes. */
export const JOB_SUMMARY_LIMIT_BYTES = 1_000_000;

/** Appends the markdown report to the job summary, cut to fit GitHub's limit. */
export async function writeJobSummary(host: ActionHost, markdown: string): Promise<void> {
  await host.appendSummary(fitJobSummary(markdown));
}

/** The markdown within JOB_SUMMARY_LIMIT_BYTES (UTF-8), cut at a line with its open elements closed. */
export function fitJobSummary(markdown: string): string {
  const note = (omitted: number, total: number): string =>
    `\n\n---\n**Truncated:** this summary was cut to fit GitHub's job summary size limit; the last ` +
    `${grouped(omitted)} of ${grouped(total)} characters were left out. ` +
    "The full report is the file named by the action's `report` output.";
  return fitMarkdown(markdown, JOB_SUMMARY_LIMIT_BYTES, note, (text) => Buffer.byteLength(text));
}
