import { sameAnswer, type Vectors } from '../checks/index.js';
import type { Comparison } from '../config/types.js';
import { ERROR_CATEGORIES, type ErrorCategory, type Observation } from './types.js';
import { percentile, share } from '../util/stats.js';

/** What one run says about one model on its own, before any comparison with history. */
export interface RunMetrics {
  prompts: number;
  samples: number;
  /** Passing samples / checked samples, over prompts with `expect`; errored samples excluded. */
  passRate: number | null;
  passed: number;
  checked: number;
  /** TARa@N: share of prompts whose N sample answers all agree; null when samples < 2. */
  agreement: number | null;
  /** TARr@N: the same on raw outputs, compared exactly. */
  rawAgreement: number | null;
  errors: Record<ErrorCategory, number>;
  /** The first message of each category seen, in observation order. */
  errorMessages: Partial<Record<ErrorCategory, string>>;
  latencyMs: { p50: number | null; p95: number | null };
  tokens: { in: number; out: number };
  systemFingerprints: string[];
  servedModels: string[];
}

export function runMetrics(
  observations: readonly Observation[],
  compareOf: (o: Observation) => Comparison,
  /** The vectors `compare: embedding` reads for an observation's answers. */
  vectorsOf?: (o: Observation) => Vectors | undefined,
): RunMetrics {
  let passed = 0;
  let checked = 0;
  let agreeing = 0;
  let rawAgreeing = 0;
  let comparable = 0;
  let sampleCount = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  const errors = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, 0])) as Record<ErrorCategory, number>;
  const errorMessages: Partial<Record<ErrorCategory, string>> = {};
  const latencies: number[] = [];
  const fingerprints = new Set<string>();
  const served = new Set<string>();

  for (const o of observations) {
    sampleCount = Math.max(sampleCount, o.samples.length);
    for (const s of o.samples) {
      if (s.error) {
        errors[s.error.category] += 1;
        errorMessages[s.error.category] ??= s.error.message;
        continue;
      }
      latencies.push(s.latencyMs);
      tokensIn += s.tokensIn ?? 0;
      tokensOut += s.tokensOut ?? 0;
      if (s.systemFingerprint) fingerprints.add(s.systemFingerprint);
      if (s.servedModel) served.add(s.servedModel);
      if (s.pass !== null) {
        checked += 1;
        if (s.pass) passed += 1;
      }
    }
    // Agreement is judged only on prompts where every sample produced an output.
    if (o.samples.length > 1 && o.samples.every((s) => s.error === null)) {
      comparable += 1;
      const compare = compareOf(o);
      const vectors = vectorsOf?.(o);
      if (
        allAgree(
          o.samples.map((s) => s.answer),
          (a, b) => sameAnswer(a, b, compare, vectors),
        )
      )
        agreeing += 1;
      if (
        allAgree(
          o.samples.map((s) => s.output),
          (a, b) => a === b,
        )
      )
        rawAgreeing += 1;
    }
  }

  return {
    prompts: observations.length,
    samples: sampleCount,
    passRate: share(passed, checked),
    passed,
    checked,
    agreement: sampleCount > 1 ? share(agreeing, comparable) : null,
    rawAgreement: sampleCount > 1 ? share(rawAgreeing, comparable) : null,
    errors,
    errorMessages,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    tokens: { in: tokensIn, out: tokensOut },
    systemFingerprints: [...fingerprints].sort(),
    servedModels: [...served].sort(),
  };
}

/** Every pair agrees (similarity is not transitive, so checking against the first is not enough). */
function allAgree<T>(values: readonly T[], same: (a: T, b: T) => boolean): boolean {
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) if (!same(values[i]!, values[j]!)) return false;
  }
  return true;
}
