import * as core from '@actions/core';
import type { ProgressSink } from '../run/progress.js';

/** Run progress as log lines (a runner log is not a terminal). */
export const progressToLog: ProgressSink = {
  isTTY: false,
  write: (text) => {
    for (const line of text.split('\n')) if (line.trim()) core.info(line);
  },
};
