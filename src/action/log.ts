import type { ProgressSink } from '../run/progress.js';
import type { ActionHost } from './host.js';

/** Run progress as log lines (a runner log is not a terminal). */
export function progressToLog(host: ActionHost): ProgressSink {
  return {
    isTTY: false,
    write: (text) => {
      for (const line of text.split('\n')) if (line.trim()) host.info(line);
    },
  };
}
