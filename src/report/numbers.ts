/** How numbers read everywhere trackrecord shows them: CLI, reports, comments, thresholds. */

export function percent(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(digits)}%`;
}

/** `p = 0.031`, two significant digits; `p < 0.001` below that, where digits stop meaning anything. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

/** The first few items and how many more: long lists belong in the report, not in a log line. */
export function listSome(items: readonly string[], max = 10): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
