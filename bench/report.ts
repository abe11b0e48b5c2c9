/** One benchmark's figure: a measured ratio against its target (lower is better). */
export interface BenchResult {
  name: string;
  detail: string;
  measured: string;
  ratio: number;
  target: number;
}

export function formatResult(r: BenchResult): string {
  const verdict = r.ratio <= r.target ? 'meets target' : 'MISSES target';
  return `${r.name}: ${r.detail}\n  ${r.measured}; ratio ${r.ratio.toFixed(3)} (target <= ${r.target}): ${verdict}`;
}

/** The middle of an odd number of measurements (the upper middle of an even number). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
