// The one module of the action that imports @actions/core. Named imports, not the namespace: a
// namespace used as a value would keep all of it in the start-up bundle.
import { error, getInput, group, info, notice, setFailed, setOutput, setSecret, summary, warning } from '@actions/core';
import type { ActionHost } from './host.js';

/** The runner, through @actions/core's workflow commands and files. */
export const coreHost: ActionHost = {
  getInput: (name) => getInput(name),
  setOutput: (name, value) => setOutput(name, value),
  setSecret: (value) => setSecret(value),
  info: (message) => info(message),
  notice: (message, place) => notice(message, place),
  warning: (message, place) => warning(message, place),
  error: (message, place) => error(message, place),
  group: (name, fn) => group(name, fn),
  appendSummary: async (markdown) => {
    if (!process.env['GITHUB_STEP_SUMMARY']) return;
    await summary.addRaw(markdown, true).write();
  },
  setFailed: (message) => setFailed(message),
};
