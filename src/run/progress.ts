import type { CallResult } from './types.js';

export interface ProgressSink {
  write(text: string): void;
  /** A terminal gets a redrawn bar; a CI log gets a line every 10%. */
  isTTY: boolean;
}

/** Progress for long runs, on stderr so `--json` output on stdout stays clean. */
export function createProgress(sink: ProgressSink, label: string) {
  const started = Date.now();
  let errors = 0;
  let lastDecile = 0;
  let lastDraw = 0;

  return function onSettled(done: number, total: number, result: CallResult): void {
    if (!result.ok) errors += 1;
    const elapsed = ((Date.now() - started) / 1000).toFixed(1);
    const share = total === 0 ? 1 : done / total;
    const status = `${done}/${total} requests, ${errors} error${errors === 1 ? '' : 's'}, ${elapsed}s`;
    if (sink.isTTY) {
      // Redraw at most ~20 times a second; always draw the last one.
      const now = Date.now();
      if (done < total && now - lastDraw < 50) return;
      lastDraw = now;
      const width = 24;
      const filled = Math.round(share * width);
      sink.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${status}`);
      if (done === total) sink.write('\n');
      return;
    }
    const decile = Math.floor(share * 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      sink.write(`${label} ${decile * 10}% (${status})\n`);
    }
  };
}
