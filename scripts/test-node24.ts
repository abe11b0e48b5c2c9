/**
 * `npm run test:node24`: the end-to-end tests of the bundled action (test/action/bundle.test.ts;
 * the other action tests run it in-process), run by Node 24 (the runtime action.yml names)
 * rather than this machine's Node. The runtime comes from npm's
 * node-<platform>-<arch> package and is kept under node_modules/.cache for the next run.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { nodeRuntime } from './lib/node-runtime.js';

const root = resolve(import.meta.dirname, '..');
const runtime = nodeRuntime(24, join(root, 'node_modules', '.cache', 'trackrecord-node24'));
console.log(`the bundled action runs on Node ${runtime.version}`);
const run = spawnSync('npx', ['vitest', 'run', 'test/action/bundle.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TRACKRECORD_ACTION_NODE: runtime.node },
});
process.exitCode = run.status ?? 1;
