import { cli } from './main.js';

// A reader that stops early (`trackrecord init | head -1`) closes the pipe: what is left to print
// has nowhere to go, which is no error of the command's, and the command still finishes (init
// still writes every file). Anything else on stdout is a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// The bin entry: real streams, real environment, and one place that turns a crash into exit 1.
cli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`trackrecord: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
