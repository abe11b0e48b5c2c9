import { isCount } from '../util/values.js';
import { redact, redactFragments } from './errors.js';

/** Hears a server's usage numbers that are not counts; each (what, field) is told once per run. */
export type UsageNote = (field: string, value: unknown) => void;

/**
 * A note maker for one model's provider: the message names the model and the field, and is sent
 * to `warn` once per field and `what` (chat completions or an embedding model), not per response.
 */
export function usageNotes(
  modelId: string,
  secrets: readonly string[],
  warn: ((message: string) => void) | undefined,
  what: string = '',
  outcome = 'taken as unknown',
): UsageNote {
  const told = new Set<string>();
  return (field, value) => {
    if (!warn || told.has(field)) return;
    told.add(field);
    // Masked whole, then in fragments, before it is cut: a cut key would no longer match a whole one.
    const shown = shortJson(redactFragments(redact(JSON.stringify(value) ?? String(value), secrets), secrets));
    warn(`model "${modelId}": the server reported usage.${field} ${shown}${what}, not a count: ${outcome}`);
  };
}

/**
 * A token count of a response's `usage`: a non-negative safe integer, else null. A server that
 * leaves the field out (or sends null) tells nothing; one that sends anything else (-1, 1.5,
 * 1e308, "12") has a bug, which `note` hears: such a number would break the record's sums and cost.
 */
export function usageCount(usage: unknown, field: string, note: UsageNote): number | null {
  if (typeof usage !== 'object' || usage === null) return null;
  const value = (usage as Record<string, unknown>)[field];
  if (value === undefined || value === null) return null;
  if (isCount(value)) return value;
  note(field, value);
  return null;
}

function shortJson(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
