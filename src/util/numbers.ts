/** How numbers read everywhere trackrecord shows them: CLI, reports, comments, badges, thresholds. */

/**
 * `28.8%`: a share as a percentage with `digits` decimals, ties rounded away from zero; `n/a` for
 * null. Rounds the decimal the share prints as, not its binary expansion: 23/80 is 28.75%, stored
 * as 0.28749999999999998, and reads `28.8%` (`toFixed` would give `28.7%`).
 */
export function percent(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : `${roundPercent(value, digits).toFixed(digits)}%`;
}

/**
 * A share as the percentage `percent` shows, as a number (28.75% at one decimal is 28.8). Float
 * noise (below 12 significant digits) is cleaned off before rounding.
 */
export function roundPercent(value: number, digits = 1): number {
  const scale = 10 ** digits;
  const scaled = Number((value * 100 * scale).toPrecision(12));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / scale;
}

/** `p = 0.031`, two significant digits; `p < 0.001` below that, where digits stop meaning anything. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

/** `12,345`: a count with its thousands grouped, the same on every machine's locale. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** The first few items and how many more: long lists belong in the report, not in a log line. */
export function listSome(items: readonly string[], max = 10): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** USD with the cents a run's cost needs: small runs cost fractions of a cent. */
export function usd(value: number): string {
  if (value === 0) return '$0';
  if (value < 0.01) return `$${Number(value.toPrecision(2))}`;
  return `$${value.toFixed(2)}`;
}

/** What a report says of a run's cost: nothing for a model without a price. */
export function costSentence(cost: number | undefined): string {
  return cost === undefined ? '' : ` Cost of this run: ${usd(cost)} at the model's price.`;
}

/** "1 record", "3 records": a count with its noun, singular for one. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
