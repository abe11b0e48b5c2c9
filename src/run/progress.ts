import type { CallResult } from './types.js';
import { count } from '../util/numbers.js';

export interface ProgressSink {
  write(text: string): void;
  /** A terminal gets a redrawn bar; a CI log gets a line every 10%. */
  isTTY: boolean;
}

export interface ProgressOptions {
  label: string;
  /** Runs shorter than this print nothing: progress is for long runs. */
  quietForMs?: number;
  now?: () => number;
}

/** Progress for long runs, on stderr so `--json` output on stdout stays clean. */
export function createProgress(sink: ProgressSink, options: ProgressOptions) {
  const now = options.now ?? Date.now;
  const quietForMs = options.quietForMs ?? 1000;
  const started = now();
  let errors = 0;
  let lastDecile = 0;
  let lastDraw = 0;
  let drawn = false;

  return function onSettled(done: number, total: number, result: CallResult): void {
    if (!result.ok) errors += 1;
    const t = now();
    if (t - started < quietForMs && !drawn) return;
    const share = total === 0 ? 1 : done / total;
    const elapsed = ((t - started) / 1000).toFixed(1);
    const status = `${done}/${total} requests, ${count(errors, 'error')}, ${elapsed}s`;
    if (sink.isTTY) {
      // Redraw at most ~20 times a second; always draw the last one.
      if (done < total && t - lastDraw < 50) return;
      lastDraw = t;
      drawn = true;
      const width = 24;
      const filled = Math.round(share * width);
      sink.write(
        `\r${options.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${status}`,
      );
      if (done === total) sink.write('\n');
      return;
    }
    const decile = Math.floor(share * 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      drawn = true;
      sink.write(`${options.label} ${decile * 10}% (${status})\n`);
    }
  };
}
