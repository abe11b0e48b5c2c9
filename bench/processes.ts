import { spawn } from 'node:child_process';

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From just before spawn to the process's exit. */
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (or kills it at `timeoutMs`), timing it from spawn to exit. */
export function timeProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exitedAt = 0;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', () => (exitedAt = performance.now()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, wallMs: (exitedAt || performance.now()) - started, stdout, stderr });
    });
  });
}

/** The last `chars` of a process's output, on one line, for a failure message. */
export function tail(text: string, chars = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `...${flat.slice(-chars)}` : flat;
}

/**
 * `node --import` this module to make a process print, as it exits, its own CPU time and peak
 * memory on stderr: what a run costs, measured in the process that ran it.
 */
export const USAGE_PROBE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write("\\nusage:"+(u.userCPUTime+u.systemCPUTime)+":"+u.maxRSS+"\\n")})';

/** The probe's figures from a process's stderr: CPU in ms and peak RSS in MB; null if it printed none. */
export function usageOf(stderr: string): { cpuMs: number; maxRssMb: number } | null {
  const found = /usage:(\d+):(\d+)/.exec(stderr);
  return found ? { cpuMs: Number(found[1]) / 1000, maxRssMb: Number(found[2]) / 1024 } : null;
}
