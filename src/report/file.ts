import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HistoryView } from '../history/view.js';
import type { SigningNote } from '../evidence/attestations.js';
import { renderMarkdown } from './markdown.js';
import { buildReport, type ReportOptions } from './data/report.js';

/** Renders the history's report (for `options.models`) and writes it to `path`; returns the markdown. */
export async function writeReport(
  view: HistoryView,
  options: ReportOptions,
  path: string,
  signing: SigningNote | null = null,
): Promise<string> {
  const markdown = renderMarkdown(buildReport(view, options), { signing });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, markdown);
  return markdown;
}
