import { coreHost } from './core-host.js';
import { run } from './main.js';

// The bundled action entry (dist/index.js): everything happens in run(), which never throws.
await run(coreHost);
