import { isNoteworthy, type EditComparison, type EditEffect, type VersionResult } from '../analysis/edit-effect.js';
import type { FieldChange } from '../analysis/edits.js';
import { judgement } from './edits-markdown.js';
import { pValue, count } from '../util/numbers.js';
import { cleanText, truncateText } from '../util/untrusted-text.js';

const MAX_LINES = 40;

/**
 * The comparison of a change's edits for a terminal (`trackrecord run --compare-with REF`): the
 * same content as the pull request comment's "What this PR changed". Definitions and answers are
 * untrusted text: control characters are removed and each is kept to one line.
 */
export function formatEdits(c: EditComparison): string {
  const { edits } = c;
  const lines = [`compared with ${one(c.baseRef, 60)}:`];
  const total = edits.models.length + edits.prompts.length + edits.added.length + edits.addedModels.length;
  if (total + edits.removed.length + edits.removedModels.length === 0) {
    lines.push('  no prompt, check or model setting differs');
    return lines.join('\n');
  }
  lines.push(
    `  base versions run: ${c.rerun} (${count(c.extraRequests, 'extra request')}); edits of reading or checks judged on the same outputs`,
  );
  const inPromptEdits = new Set(edits.prompts.map((p) => p.key));
  for (const model of edits.models) {
    const effects = c.effects.filter((e) => e.modelId === model.modelId && !inPromptEdits.has(e.key));
    const shown = effects.filter(isNoteworthy);
    const changed = effects.filter((e) => e.changed === true).length;
    lines.push(`  model ${model.modelId} edited:`, ...changes(model.changes));
    lines.push(`    answers changed on ${changed} of ${effects.length} prompts`);
    lines.push(...shown.slice(0, MAX_LINES).map((e) => `    ${e.key}: ${effect(e)}`));
    if (shown.length > MAX_LINES) lines.push(`    ... and ${shown.length - MAX_LINES} more`);
  }
  for (const prompt of edits.prompts) {
    lines.push(`  ${prompt.key} edited:`, ...changes(prompt.changes));
    for (const e of c.effects.filter((x) => x.key === prompt.key)) lines.push(`    on ${e.modelId}: ${effect(e)}`);
  }
  for (const a of c.added) {
    lines.push(`  new: ${a.key} on ${a.modelId}: ${a.status === null ? 'no checks' : a.status ? 'pass' : 'fail'}`);
  }
  for (const id of edits.addedModels) lines.push(`  new model: ${id}`);
  for (const key of [...edits.removedModels.map((m) => `model ${m}`), ...edits.removed])
    lines.push(`  removed: ${key}`);
  return lines.join('\n');
}

function changes(list: readonly FieldChange[]): string[] {
  return list.flatMap((f) => [
    `    ${f.field}:`,
    `      before: ${definition(f.before)}`,
    `      after:  ${definition(f.after)}`,
  ]);
}

function effect(e: EditEffect): string {
  const judged = judgement(e);
  const p = e.p === null ? '' : `, ${pValue(e.p)}`;
  const flip = e.regression
    ? ', pass -> fail: REGRESSION of this change'
    : e.fix
      ? ', fail -> pass: fixed by this change'
      : e.withinNoise
        ? `, ${e.before.status ? 'pass -> fail' : 'fail -> pass'} within noise`
        : e.after.status === null
          ? ''
          : `, ${e.after.status ? 'pass' : 'fail'}`;
  return `${answer(e.before)} -> ${answer(e.after)} (${judged}${p})${flip}`;
}

function answer(v: VersionResult): string {
  if (!v.answered) return '(no answer: errors)';
  return v.answer === null ? '(nothing extracted)' : JSON.stringify(one(v.answer, 80));
}

function definition(text: string | null): string {
  return text === null ? '(unset)' : JSON.stringify(one(text, 200));
}

/** Untrusted text on one line: no control characters, whitespace collapsed, cut at `max`. */
function one(text: string, max: number): string {
  return truncateText(cleanText(text).replace(/\s+/gu, ' ').trim(), max);
}
