import type { HistoryRecord, RecordMetrics, RecordRun } from '../history/record.js';

// in-toto Statement v1 (github.com/in-toto/attestation/blob/main/spec/v1/statement.md): what a
// signature is about (subjects, by digest) and what it says about them (a typed predicate).
// The predicate types below are documented in docs/evidence.md; their JSON Schemas are in schema/.

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

export const PREDICATE_TYPES = {
  /** One history record: the subject is its line. */
  record: 'https://trackrecord.dev/attestation/record/v1',
  /** One run in track mode: the subjects are the history file and the run's lines. */
  run: 'https://trackrecord.dev/attestation/run/v1',
  /** A reliability certificate: the subject is the history's last line, the head it is bound to. */
  certificate: 'https://trackrecord.dev/attestation/certificate/v1',
} as const;

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export interface Statement<P = unknown> {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: string;
  predicate: P;
}

/** What a record's envelope says about its line: enough to use the figures without the history. */
export interface RecordPredicate {
  /** The file the line was appended to (its name, not its path) and its 1-based line number. */
  history: { file: string; line: number };
  /** The line's `prev`: the SHA-256 of the line before it, so signed lines chain too. */
  prev: string;
  run: RecordRun;
  model: { id: string; model: string; host: string; systemFingerprints: string[] };
  samples: number;
  metrics: RecordPredicateMetrics;
}

export type RecordPredicateMetrics = Pick<
  RecordMetrics,
  | 'prompts'
  | 'checked'
  | 'passed'
  | 'passRate'
  | 'agreement'
  | 'stability'
  | 'judged'
  | 'behaved'
  | 'reliability'
  | 'reliabilityInterval'
  | 'window'
  | 'runsSinceDrift'
  | 'errors'
> & { drifted: number; regressions: number; fixes: number };

/** The subject name of a history line: `FILE:LINE`, as error messages name lines. */
export function lineSubjectName(file: string, line: number): string {
  return `${file}:${line}`;
}

/** The 1-based line number in a subject name made by lineSubjectName, or null. */
export function lineOfSubjectName(name: string): number | null {
  const m = /:([1-9]\d*)$/.exec(name);
  return m ? Number(m[1]) : null;
}

export function recordPredicate(record: HistoryRecord, file: string, line: number): RecordPredicate {
  const m = record.metrics;
  return {
    history: { file, line },
    prev: record.prev,
    run: { ...record.run },
    model: {
      id: record.model.id,
      model: record.model.model,
      host: record.model.host,
      systemFingerprints: [...record.model.systemFingerprints],
    },
    samples: record.samples,
    metrics: {
      prompts: m.prompts,
      checked: m.checked,
      passed: m.passed,
      passRate: m.passRate,
      agreement: m.agreement,
      stability: m.stability,
      judged: m.judged,
      behaved: m.behaved,
      reliability: m.reliability,
      reliabilityInterval: m.reliabilityInterval,
      window: m.window,
      runsSinceDrift: m.runsSinceDrift,
      drifted: m.drifted.length,
      regressions: m.regressions.length,
      fixes: m.fixes.length,
      errors: { ...m.errors },
    },
  };
}

export function statement<P>(subject: Subject[], predicateType: string, predicate: P): Statement<P> {
  return { _type: STATEMENT_TYPE, subject, predicateType, predicate };
}
