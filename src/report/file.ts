import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HistoryView } from '../history/view.js';
import type { SigningNote } from '../evidence/attestations.js';
import { renderMarkdown } from './markdown.js';
import { buildReport } from './data/report.js';

/** Renders the history's report for the given models and writes it to `path`; returns the markdown. */
export async function writeReport(
  view: HistoryView,
  modelIds: string[],
  path: string,
  signing: SigningNote | null = null,
): Promise<string> {
  const markdown = renderMarkdown(buildReport(view, { models: modelIds }), { signing });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, markdown);
  return markdown;
}
