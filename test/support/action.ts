import { runBundledAction as run, type ActionInvocation, type ActionRun } from '../../scripts/lib/runner.js';
import { tempDir } from './tmp.js';

export { actionNode, parseOutputFile, type ActionInvocation, type ActionRun } from '../../scripts/lib/runner.js';

/** The runner simulation shared with `npm run demo`, with its temp folder removed after the test. */
export function runBundledAction(invocation: ActionInvocation): Promise<ActionRun> {
  return run({ runnerTemp: tempDir(), ...invocation });
}
