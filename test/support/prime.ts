import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadLlmdriftRecordings,
  startReplayServer,
  type ReplayServer,
  type ReplayServerOptions,
} from '../../tools/replay/index.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRIME_DATA = join(REPO_ROOT, 'data', 'llmdrift', 'prime-100.jsonl');
export const PRIME_SUITE = join(REPO_ROOT, 'examples', 'llmdrift', 'prime.yaml');

interface PrimeLine {
  model: string;
  id: number;
  query: string;
  ref_answer: string;
  answer: string;
}

/**
 * The data file's own view of each answer, computed here without the project's checks:
 * the first case-insensitive `[yes]`/`[no]`, lowercased (null when there is none), keyed by
 * the number asked about, which is what the suite's prompt ids are made of.
 */
export function primeTruth(model: string): Map<string, { answer: string | null; correct: boolean }> {
  const out = new Map<string, { answer: string | null; correct: boolean }>();
  for (const line of readFileSync(PRIME_DATA, 'utf8').split('\n')) {
    if (!line) continue;
    const row = JSON.parse(line) as PrimeLine;
    if (row.model !== model) continue;
    const number = /Is (\d+) a prime/.exec(row.query)![1]!;
    const match = /\[(yes|no)\]/i.exec(row.answer);
    const answer = match ? match[1]!.toLowerCase() : null;
    out.set(`prime-${number}`, { answer, correct: answer === row.ref_answer.toLowerCase() });
  }
  return out;
}

export async function startPrimeServer(options: Partial<ReplayServerOptions> = {}): Promise<ReplayServer> {
  const recordings = await loadLlmdriftRecordings(PRIME_DATA);
  return startReplayServer({ recordings, ...options });
}

/**
 * A config for one model on the prime suite, served by the replay server. The suite is read
 * where this repository keeps it, outside the test's workspace, hence allow-outside-workspace.
 */
export function primeConfig(baseUrl: string, model: string, extra = ''): string {
  return `models:
  - id: gpt-4
    model: ${model}
    base-url: ${baseUrl}
    temperature: 0.1
suites:
  - path: ${PRIME_SUITE}
allow-outside-workspace: true
${extra.includes('concurrency:') ? '' : 'concurrency: 8\n'}${extra}`;
}
