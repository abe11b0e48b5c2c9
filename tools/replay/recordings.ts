/**
 * Recorded model outputs and the lookup the replay server serves them from.
 */
import { readFile } from 'node:fs/promises';

/** One recorded completion. `prompt` is the content of the last user message. */
export interface Recording {
  model: string;
  prompt: string;
  output: string;
  /**
   * The system message it was recorded under: it answers only requests with this system
   * message. Without one, it answers the prompt whatever the system message (unless a
   * recording for that system message exists).
   */
  system?: string;
}

/**
 * Reads an LLMDrift JSON Lines file (`{model, query, answer, ...}` per line), such as
 * data/llmdrift/prime-100.jsonl. Other fields are ignored.
 */
export async function loadLlmdriftRecordings(file: string): Promise<Recording[]> {
  const text = await readFile(file, 'utf8');
  const recordings: Recording[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const { model, query, answer } = (parsed ?? {}) as Record<string, unknown>;
    if (typeof model !== 'string' || typeof query !== 'string' || typeof answer !== 'string') {
      throw new Error(`${file}:${i + 1}: expected string fields model, query and answer`);
    }
    recordings.push({ model, prompt: query, output: answer });
  });
  return recordings;
}

function keyOf(model: string, prompt: string, system?: string | null): string {
  // NUL cannot occur in a model name, so the key is unambiguous.
  const base = `${model}\u0000${prompt}`;
  return system == null ? base : `${base}\u0000${system}`;
}

/**
 * Outputs by (recorded model, prompt). A key with several recordings cycles through them
 * in file order, so sampling one prompt N times replays N recorded samples.
 */
export class RecordingIndex {
  private readonly outputs = new Map<string, string[]>();
  private readonly cursor = new Map<string, number>();
  private readonly modelNames = new Set<string>();

  constructor(recordings: readonly Recording[]) {
    for (const r of recordings) {
      const key = keyOf(r.model, r.prompt, r.system);
      const list = this.outputs.get(key);
      if (list) list.push(r.output);
      else this.outputs.set(key, [r.output]);
      this.modelNames.add(r.model);
    }
  }

  /** Recorded model names, in first-seen order. */
  models(): string[] {
    return [...this.modelNames];
  }

  hasModel(model: string): boolean {
    return this.modelNames.has(model);
  }

  has(model: string, prompt: string, system: string | null = null): boolean {
    return this.keyFor(model, prompt, system) !== null;
  }

  /** The recordings' key for a request: its system message's own, else the prompt's. */
  private keyFor(model: string, prompt: string, system: string | null): string | null {
    if (system !== null && this.outputs.has(keyOf(model, prompt, system))) return keyOf(model, prompt, system);
    return this.outputs.has(keyOf(model, prompt)) ? keyOf(model, prompt) : null;
  }

  /**
   * Takes the next output for the key and advances its cursor. Only called once a
   * response is really sent, so a faulted attempt does not use up a recording.
   */
  take(model: string, prompt: string, system: string | null = null): string | undefined {
    const key = this.keyFor(model, prompt, system);
    const list = key === null ? undefined : this.outputs.get(key);
    if (!list || list.length === 0) return undefined;
    const at = this.cursor.get(key!) ?? 0;
    this.cursor.set(key!, (at + 1) % list.length);
    return list[at];
  }
}
