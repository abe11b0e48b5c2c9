import { isNoteworthy, type EditComparison, type EditEffect, type VersionResult } from '../analysis/edit-effect.js';
import type { FieldChange } from '../analysis/edits.js';
import { blockText, inlineText } from './escape.js';
import { listSome, pValue, count } from '../util/numbers.js';

/** Rows of one answers table before the rest is folded into a count. */
const MAX_ROWS = 40;
const MAX_PROMPT_EDITS = 30;
const MAX_LIST = 20;
const CELL = 80;

/**
 * "What this PR changed": per edited model setting and prompt, the definition on the base and in
 * the change, the answers of both versions from the same run, and verdict flips. Everything shown
 * (definitions come from a pull request, answers from a model) is untrusted text and goes through
 * escape.ts.
 */
export function renderEdits(c: EditComparison): string[] {
  const base = `\`${inlineText(c.baseRef, 60)}\``;
  const out = ['## What this PR changed', ''];
  const { edits } = c;
  const nothing =
    edits.models.length + edits.prompts.length + edits.added.length + edits.addedModels.length === 0 &&
    edits.removed.length + edits.removedModels.length === 0;
  if (nothing) return [...out, `No prompt, check or model setting differs from ${base}.`, ''];

  const regressions = c.effects.filter((e) => e.regression).length;
  if (edits.models.length + edits.prompts.length === 0)
    out.push(`Nothing of ${base} was edited, only added or removed: nothing ran twice, **0 extra requests**.`, '');
  else
    out.push(
      `${base}'s version of each edited prompt ran in this job too, against the same model with the same samples: ` +
        `${count(c.rerun, 'prompt run')}, **${count(c.extraRequests, 'extra request')}**. ` +
        'Edits to how answers are read or checked are judged on the same outputs, at no extra request.' +
        (regressions > 0 ? ` **${count(regressions, 'regression')} of this PR** (pass → fail).` : ''),
      '',
    );
  const inPromptEdits = new Set(edits.prompts.map((p) => p.key));
  for (const model of edits.models) {
    const effects = c.effects.filter((e) => e.modelId === model.modelId && !inPromptEdits.has(e.key));
    const shown = effects.filter(isNoteworthy);
    const changed = effects.filter((e) => e.changed === true).length;
    const noise = effects.filter((e) => e.differs && e.changed === false).length;
    out.push(
      `### Model ${inlineText(model.modelId, 60)}: settings edited in this PR`,
      '',
      ...definitionTable(model.changes, base),
      `Every prompt ran with both settings: answers changed on **${changed} of ${effects.length}**` +
        `${noise > 0 ? ` (${noise} more differ within noise)` : ''}${flipsText(effects)}.`,
      '',
      ...answersTable(shown, base, false),
    );
  }
  for (const prompt of edits.prompts.slice(0, MAX_PROMPT_EDITS)) {
    const effects = c.effects.filter((e) => e.key === prompt.key);
    out.push(
      `### ${inlineText(prompt.key, 80)}: edited in this PR`,
      '',
      ...definitionTable(prompt.changes, base),
      ...answersTable(effects, base, true),
    );
  }
  if (edits.prompts.length > MAX_PROMPT_EDITS)
    out.push(`_${edits.prompts.length - MAX_PROMPT_EDITS} more edited prompts are not shown._`, '');
  out.push(...fullAnswers(c.effects));

  if (edits.addedModels.length > 0) {
    const models = edits.addedModels.map((m) => inlineText(m, 60));
    out.push(`**New model${models.length === 1 ? '' : 's'}** (not on ${base}): ${listSome(models, MAX_LIST)}.`, '');
  }
  if (c.added.length > 0) {
    const items = c.added
      .slice(0, MAX_LIST)
      .map((a) => `${inlineText(a.key, 80)} on ${inlineText(a.modelId, 60)}: ${verdict(a.status)}`);
    const more = c.added.length > MAX_LIST ? ` and ${c.added.length - MAX_LIST} more` : '';
    out.push(`**New** (no counterpart on ${base}): ${items.join('; ')}${more}.`, '');
  }
  if (edits.removed.length + edits.removedModels.length > 0) {
    const gone = [...edits.removedModels.map((m) => `model ${m}`), ...edits.removed];
    const more = gone.length > MAX_LIST ? ` and ${gone.length - MAX_LIST} more` : '';
    out.push(
      `**Removed** (on ${base}, not in this PR): ${gone
        .slice(0, MAX_LIST)
        .map((g) => inlineText(g, 80))
        .join(', ')}${more}.`,
      '',
    );
  }
  return out;
}

function definitionTable(changes: readonly FieldChange[], base: string): string[] {
  return [
    `| Definition | ${base} | This PR |`,
    '|---|---|---|',
    ...changes.map((f) => `| ${f.field} | ${definition(f.before)} | ${definition(f.after)} |`),
    '',
  ];
}

function answersTable(effects: readonly EditEffect[], base: string, withModel: boolean): string[] {
  if (effects.length === 0) return [];
  const first = withModel ? 'Model' : 'Prompt';
  const rows = effects.slice(0, MAX_ROWS).map((e) => {
    const name = inlineText(withModel ? e.modelId : e.key, 80);
    const judged = judgement(e);
    const p = e.p === null ? '' : ` (${pValue(e.p)})`;
    return `| ${name} | ${answer(e.before)} | ${answer(e.after)} | ${judged}${p} | ${flip(e)} | ${e.recorded ? cell(e.recorded.answer) : '_none_'} |`;
  });
  const more = effects.length > MAX_ROWS ? [`_${effects.length - MAX_ROWS} more rows are not shown._`, ''] : [];
  return [
    `| ${first} | Answer, ${base}'s version | Answer, this PR | Answers | Checks | Last recorded on ${base} |`,
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...more,
  ];
}

/** Full answers of rows whose cells had to cut them, each in a closed `<details>`. */
function fullAnswers(effects: readonly EditEffect[]): string[] {
  const cut = (t: string | null) => t !== null && (Array.from(t).length > CELL || /[\r\n]/.test(t));
  const long = effects.filter((e) => isNoteworthy(e) && (cut(e.before.answer) || cut(e.after.answer)));
  return long
    .slice(0, 10)
    .flatMap((e) => [
      `<details><summary>Full answers: ${inlineText(e.key, 80)} on ${inlineText(e.modelId, 60)}</summary>`,
      '',
      "Base's version:",
      '',
      e.before.answer === null ? '_no answer_' : blockText(e.before.answer),
      '',
      'This PR:',
      '',
      e.after.answer === null ? '_no answer_' : blockText(e.after.answer),
      '',
      '</details>',
      '',
    ]);
}

/** "changed", "differs, within noise" (several samples, test not significant) or "same". */
export function judgement(e: EditEffect): string {
  if (e.changed === null) return 'no answer to compare';
  if (e.changed) return 'changed';
  return e.differs ? 'differs, within noise' : 'same';
}

function flipsText(effects: readonly EditEffect[]): string {
  const r = effects.filter((e) => e.regression).length;
  const f = effects.filter((e) => e.fix).length;
  return `${r > 0 ? `, **${count(r, 'regression')} of this PR**` : ''}${f > 0 ? `, ${count(f, 'fix', 'fixes')}` : ''}`;
}

function flip(e: EditEffect): string {
  if (e.regression) return 'pass → fail, **regression of this PR**';
  if (e.fix) return 'fail → pass, fix';
  if (e.withinNoise) return `${verdict(e.before.status)} → ${verdict(e.after.status)}, within noise`;
  return verdict(e.after.status);
}

function verdict(status: boolean | null): string {
  return status === null ? 'no checks' : status ? 'pass' : 'fail';
}

function answer(v: VersionResult): string {
  return v.answered ? cell(v.answer) : '_no answer (errors)_';
}

function cell(text: string | null): string {
  return text === null ? '_nothing extracted_' : text.trim() === '' ? '_empty_' : inlineText(text, CELL);
}

function definition(text: string | null): string {
  return text === null ? '_unset_' : text.trim() === '' ? '_empty_' : inlineText(text, 200);
}
