import type { ModelEstimate, PlanEstimate } from '../run/estimate.js';
import { grouped, usd, count } from '../util/numbers.js';

/** What `trackrecord run --dry-run` prints: the plan, the requests, the tokens, the cost. */
export function formatPlanEstimate(estimate: PlanEstimate): string {
  const prompts = estimate.suites.reduce((n, s) => n + s.prompts, 0);
  const lines = [
    `dry run: nothing was sent`,
    `${count(estimate.models.length, 'model')} x ${prompts} prompts x ` +
      `${count(estimate.samples, 'sample')} = ${grouped(estimate.requests)} requests, ` +
      `about ${grouped(estimate.inputTokens)} input tokens`,
    `suites: ${estimate.suites.map((s) => `${s.name} (${s.prompts})`).join(', ')}`,
    ...estimate.models.map((m) => `  ${modelLine(m)}`),
    'tokens are estimated at about 4 characters a token plus 4 a message; the server counts exactly',
  ];
  return lines.join('\n');
}

function modelLine(m: ModelEstimate): string {
  const parts = [`${grouped(m.requests)} requests`, `about ${grouped(m.inputTokens)} input tokens`];
  if (m.maxOutputTokens !== null) parts.push(`at most ${grouped(m.maxOutputTokens)} output tokens`);
  if (m.inputCost !== null) parts.push(`about ${usd(m.inputCost)} for input`);
  if (m.maxCost !== null) parts.push(`at most ${usd(m.maxCost)} in all`);
  if (m.embeddingTexts > 0) parts.push(`up to ${grouped(m.embeddingTexts)} texts to embed`);
  return `${m.id} (${m.model}): ${parts.join(', ')}`;
}
