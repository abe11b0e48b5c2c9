import type { ErrorCategory } from '../../src/run/types.js';
import { chainRecords, lineHash, serializeRecord } from '../../src/history/codec.js';
import { promptKey } from '../../src/config/types.js';
import { GENESIS, type CatalogEntry, type HistoryRecord } from '../../src/history/record.js';
import { catalogRef, textRef } from '../../src/history/refs.js';
import { sha256 } from '../../src/util/hash.js';
import { seededRandom } from '../../src/util/random.js';

export type NewRecord = Omit<HistoryRecord, 'prev'>;

export interface MakeRecordsOptions {
  /** Model ids; each run has one record per model, in this order. */
  models?: string[];
  /** Prompts in the catalog. */
  prompts?: number;
  samples?: number;
  /** Characters of filler in each output, to make lines bigger. */
  outputSize?: number;
  /** Chance that a prompt's answer is one never seen before (else one of a few recurring ones). */
  fresh?: number;
  seed?: number;
}

/**
 * Realistic, valid records (without `prev`): one catalog defined by the first record, texts
 * stored by the first record that uses them, later records referring to earlier texts, a few
 * per-sample outputs, errors and prompts without checks.
 */
export function makeRecords(n: number, options: MakeRecordsOptions = {}): NewRecord[] {
  const models = options.models ?? ['gpt-mini', 'local-llama'];
  const promptCount = options.prompts ?? 4;
  const samples = options.samples ?? 2;
  const outputSize = options.outputSize ?? 0;
  const fresh = options.fresh ?? 0.1;
  const random = seededRandom(options.seed ?? 1);

  const catalog: CatalogEntry[] = Array.from({ length: promptCount }, (_, p) => [
    p % 3 === 2 ? 'smoke' : 'core',
    `prompt-${p}`,
    sha256(`prompt text ${p}`).slice(0, 16),
    sha256(`checks ${p}`).slice(0, 16),
  ]);
  const catalogId = catalogRef(catalog);
  const keys = catalog.map(([suite, id]) => promptKey(suite, id));
  /** Per prompt key: text -> ref, and ref -> text (what `textRef` needs). */
  const refsByText = new Map<string, Map<string, string>>();
  const textsByRef = new Map<string, Map<string, string>>();
  let freshCount = 0;

  const records: NewRecord[] = [];
  for (let i = 0; i < n; i++) {
    const run = Math.floor(i / models.length);
    const modelId = models[i % models.length]!;
    const started = new Date(Date.UTC(2025, 0, 1) + run * 86_400_000);
    const newTexts: Record<string, Record<string, string>> = {};

    const refOf = (key: string, text: string): string => {
      let byText = refsByText.get(key);
      let byRef = textsByRef.get(key);
      if (!byText || !byRef) {
        byText = new Map();
        byRef = new Map();
        refsByText.set(key, byText);
        textsByRef.set(key, byRef);
      }
      const known = byText.get(text);
      if (known !== undefined) return known;
      const ref = textRef(text, byRef);
      byText.set(text, ref);
      byRef.set(ref, text);
      (newTexts[key] ??= {})[ref] = text;
      return ref;
    };

    const answers: Array<string | null> = [];
    const outputs: Array<string | Array<string | null> | null> = [];
    const passed: Array<number | null> = [];
    const latencyMs: Array<number | null> = [];
    const tokensOut: Array<number | null> = [];
    const errors: Record<string, ErrorCategory[]> = {};

    for (let p = 0; p < promptCount; p++) {
      const key = keys[p]!;
      const variant = random() < fresh ? `fresh-${++freshCount}` : `v${Math.floor(random() * 3)}`;
      const answer = `Answer ${variant} for ${key}${modelId === models[0] ? '' : ` (${modelId})`}`;
      const output = (a: string): string => `Sure. ${a}.${outputSize > 0 ? ` ${filler(a, outputSize)}` : ''}`;
      const roll = random();
      const checked = p % 4 !== 3;
      if (roll < 0.08) {
        // Every sample failed.
        errors[String(p)] = Array.from({ length: samples }, () => 'timeout');
        answers.push(null);
        outputs.push(null);
        passed.push(checked ? 0 : null);
        latencyMs.push(null);
        tokensOut.push(null);
        continue;
      }
      answers.push(refOf(key, answer));
      if (roll < 0.25 && samples > 1) {
        // Samples differ, and the last one ended in an error.
        const perSample: Array<string | null> = [];
        for (let s = 0; s < samples - 1; s++)
          perSample.push(refOf(key, output(s === 0 ? answer : `${answer} (sample ${s})`)));
        perSample.push(null);
        errors[String(p)] = ['rate-limited'];
        outputs.push(perSample);
      } else {
        outputs.push(refOf(key, output(answer)));
      }
      passed.push(checked ? Math.floor(random() * (samples + 1)) : null);
      latencyMs.push(Math.round(200 + random() * 2000));
      tokensOut.push(Math.round(5 + random() * 300) * samples);
    }

    const errorTotals: Record<ErrorCategory, number> = {
      'rate-limited': 0,
      timeout: 0,
      server: 0,
      connection: 0,
      auth: 0,
      'bad-response': 0,
    };
    for (const list of Object.values(errors)) for (const c of list) errorTotals[c] += 1;
    const checkedCount = passed.filter((v) => v !== null).length * samples;
    const passedCount = passed.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    const drifted = i >= models.length ? keys.filter((_, p) => p % 5 === run % 5) : [];

    records.push({
      schema: 1, // the version 1 layout (plain texts): old histories must keep reading
      run: {
        id: `${1000 + run}-1`,
        startedAt: started.toISOString(),
        finishedAt: new Date(started.getTime() + 95_000).toISOString(),
        trigger: run % 7 === 0 ? 'workflow_dispatch' : 'schedule',
        commit: sha256(`commit ${run}`).slice(0, 40),
        url: `https://github.com/acme/evals/actions/runs/${1000 + run}`,
      },
      model: {
        id: modelId,
        model: modelId === 'local-llama' ? 'llama3.1:8b' : modelId,
        host: modelId === 'local-llama' ? 'localhost:11434' : 'api.openai.com',
        params: { temperature: 0, seed: 7 },
        served: [modelId === 'local-llama' ? 'llama3.1:8b' : `${modelId}-2025-01-01`],
        systemFingerprints: modelId === 'local-llama' ? [] : [`fp_${sha256(String(run)).slice(0, 10)}`],
      },
      samples,
      catalog: catalogId,
      ...(i === 0 ? { catalogs: { [catalogId]: catalog } } : {}),
      answers,
      outputs,
      passed,
      errors,
      latencyMs,
      tokensOut,
      ...(Object.keys(newTexts).length > 0 ? { texts: newTexts } : {}),
      metrics: {
        prompts: promptCount,
        checked: checkedCount,
        passed: passedCount,
        passRate: checkedCount > 0 ? passedCount / checkedCount : null,
        agreement: samples > 1 ? 0.75 : null,
        rawAgreement: samples > 1 ? 0.5 : null,
        comparable: i >= models.length ? promptCount : 0,
        stable: i >= models.length ? promptCount - drifted.length : 0,
        stability: i >= models.length ? (promptCount - drifted.length) / promptCount : null,
        drifted,
        flapping: drifted.slice(0, 1),
        regressions: [],
        fixes: drifted.slice(1, 2),
        flipsP: drifted.length > 1 ? 1 : null,
        newSeries: i < models.length ? [...keys] : [],
        errors: errorTotals,
        latencyMs: { p50: 850, p95: 1900.5 },
        tokens: { in: 40 * promptCount * samples, out: tokensOut.reduce<number>((s, v) => s + (v ?? 0), 0) },
        judged: i >= models.length ? promptCount : 0,
        behaved: i >= models.length ? promptCount - drifted.length : 0,
        reliability: i >= models.length ? 0.9 : null,
        reliabilityInterval: i >= models.length ? [0.8, 0.96] : null,
        window: Math.min(run + 1, 30),
        runsSinceDrift: drifted.length > 0 ? 0 : null,
      },
    });
  }
  return records;
}

/** Deterministic prose-like filler of about `size` characters. */
function filler(seed: string, size: number): string {
  const words = ['the', 'model', 'answer', 'because', 'therefore', 'value', 'is', 'clearly', 'ünïcødé', '数据', 'step'];
  let out = '';
  let h = parseInt(sha256(seed).slice(0, 8), 16);
  while (out.length < size) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += `${words[h % words.length]!} `;
  }
  return out.slice(0, size);
}

/** The text of a valid history file holding `records`. */
export function historyText(records: readonly NewRecord[]): string {
  return `${chainRecords(records, GENESIS).join('\n')}\n`;
}

/**
 * What an attacker who rewrites the chain does: re-computes `prev` of every line from
 * index `from` on, so the chain itself is intact again after an edit.
 */
export function rechain(lines: readonly string[], from = 0): string[] {
  const out = [...lines];
  for (let i = from; i < out.length; i++) {
    const record = JSON.parse(out[i]!) as HistoryRecord;
    record.prev = i === 0 ? GENESIS : lineHash(out[i - 1]!);
    out[i] = serializeRecord(record);
  }
  return out;
}

/** Edits the record on one line (a parsed copy) and re-chains every line from it on. */
export function tamper(lines: readonly string[], index: number, edit: (record: HistoryRecord) => void): string[] {
  const out = [...lines];
  const record = JSON.parse(out[index]!) as HistoryRecord;
  edit(record);
  out[index] = serializeRecord(record);
  return rechain(out, index);
}

/** Lines as a file's text, with the final newline. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}
