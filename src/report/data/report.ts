import { splitByNoise, type RegressionSplit } from '../../analysis/drift.js';
import { withoutEdited, type EditComparison } from '../../analysis/edit-effect.js';
import { failingPrompts, type FailingPrompt, type SpecLookup } from '../../analysis/failing.js';
import { realDrift, totalErrors } from '../../analysis/record-metrics.js';
import { DEFAULTS, promptKey } from '../../config/types.js';
import type { DriftVerdict, HistoryRecord, RecordMetrics } from '../../history/record.js';
import type { HistoryView } from '../../history/view.js';
import type { RunInfo } from '../../run/run-info.js';

/**
 * The report as plain data: what `trackrecord report` renders as markdown or prints as JSON,
 * read off the history alone. Texts are as the history stores them (untrusted model output):
 * renderers must escape them.
 */
export interface Report {
  /** Records in the history (all models), or, when `partial`, of the history's last runs read. */
  records: number;
  /** Only the history's last runs were read (`report --all` reads it whole): counts of records are of those. */
  partial: boolean;
  /** Records per model in each trend (the option asked for; a trend can be shorter). */
  trend: number;
  models: ModelReport[];
}

/** Where and why the latest record's run happened. */
export type ReportRun = RunInfo;

export interface ModelReport {
  id: string;
  /** The model name requested. */
  model: string;
  host: string;
  /** This model's records in the history. */
  records: number;
  /** Samples per prompt in the latest record. */
  samples: number;
  /** The latest record's run and metrics. */
  run: ReportRun;
  metrics: RecordMetrics;
  /** Model names the server said answered, and its system fingerprints, in the latest record. */
  served: string[];
  systemFingerprints: string[];
  /** The latest record's fingerprints differ from the last ones this model reported before. */
  fingerprintChanged: boolean;
  /** The last records of this model, oldest first. */
  trend: TrendPoint[];
  /** The latest record's drifted prompts, in the record's order. */
  drift: DriftEntry[];
  /** Prompt keys that flipped pass -> fail / fail -> pass in the latest record. */
  regressions: string[];
  fixes: string[];
  /** Exact McNemar p-value of regressions vs fixes: how likely so many flips are with no real change. */
  flipsP: number | null;
  /** The latest record's regressions split by its drift verdict. */
  noise: RegressionSplit;
  /** The prompts the latest record failed, in catalog order (renderers cap the list, JSON has all). */
  failing: FailingPrompt[];
  /** Samples of the latest record whose output was cut (`finish_reason: length`, or at max-output-kb). */
  truncated: number;
}

export interface TrendPoint {
  runId: string;
  startedAt: string;
  passRate: number | null;
  stability: number | null;
  reliability: number | null;
  reliabilityInterval: [number, number] | null;
  /** Drifted prompts that were not flapping. */
  drifted: number;
  flapping: number;
  /** Samples that ended in an error, all categories. */
  errors: number;
  fingerprints: string[];
  /** The fingerprints differ from the last ones this model reported before this record. */
  fingerprintChanged: boolean;
  /**
   * This record's drifted prompts with their answers before and after, in the record's order;
   * only with `ReportOptions.runDrift` (the latest point's is the model's `drift`).
   */
  drift?: DriftEntry[];
  /** This record's drift test verdict, with `drift` (records written before the test have none). */
  verdict?: DriftVerdict;
}

export interface DriftEntry {
  key: string;
  /** The answer of the series' previous answered point; null when it cannot be found. */
  before: string | null;
  /** The answer in the drifted record (the latest, unless a trend point's). */
  after: string | null;
  /** Went back to an answer seen in the trailing window: noise between known answers. */
  flapping: boolean;
  /** Named by the drift test as changed beyond noise (records without a verdict: not flapping). */
  significant: boolean;
  regression: boolean;
  fix: boolean;
}

export interface ReportOptions {
  /** Records per model in the trend (default 30). */
  trend?: number;
  /** Only these model ids (default: every model, in first-seen order). */
  models?: string[];
  /** Also list the drifted prompts of every trend point, not only the latest's (`TrendPoint.drift`). */
  runDrift?: boolean;
  /** The prompts' checks, to say which a failing prompt fails (a config at hand); without them, only the prompts. */
  specs?: SpecLookup;
}

/**
 * The report of a history. Only what is shown is read: each model's last `trend` records, and
 * for each drifted prompt of a model's latest record, the records back to its previous answer.
 */
export function buildReport(view: HistoryView, options: ReportOptions = {}): Report {
  const asked = options.trend ?? DEFAULTS.trend;
  const trend = Number.isFinite(asked) ? Math.max(1, Math.floor(asked)) : DEFAULTS.trend;
  const wanted = options.models ? new Set(options.models) : null;
  const ids = view.modelIds();
  const records = ids.reduce((n, id) => n + view.recordsOf(id).length, 0);
  const models: ModelReport[] = [];
  for (const id of ids) {
    if (wanted && !wanted.has(id)) continue;
    const report = modelReport(view, id, trend, options);
    if (report) models.push(report);
  }
  return { records, partial: view.partial, trend, models };
}

function modelReport(view: HistoryView, id: string, trend: number, options: ReportOptions): ModelReport | null {
  const history = view.recordsOf(id);
  const latest = history.at(-1);
  if (!latest) return null;
  const points = trendOf(history, trend);
  const m = latest.metrics;
  const drift = driftOf(view, id, history.length - 1);
  if (options.runDrift) {
    const start = history.length - points.length;
    points.forEach((p, i) => {
      p.drift = i === points.length - 1 ? drift : driftOf(view, id, start + i);
      p.verdict = history[start + i]!.metrics.drift;
    });
  }
  return {
    id,
    model: latest.model.model,
    host: latest.model.host,
    records: history.length,
    samples: latest.samples,
    run: {
      id: latest.run.id,
      startedAt: latest.run.startedAt,
      url: latest.run.url,
      commit: latest.run.commit,
      trigger: latest.run.trigger,
    },
    metrics: m,
    served: latest.model.served,
    systemFingerprints: latest.model.systemFingerprints,
    fingerprintChanged: points.at(-1)?.fingerprintChanged ?? false,
    trend: points,
    drift,
    regressions: m.regressions,
    fixes: m.fixes,
    flipsP: m.flipsP,
    noise: splitByNoise(m),
    failing: failingPrompts(view, id, options.specs),
    truncated: Object.values(latest.truncated ?? {}).reduce((n, samples) => n + samples.length, 0),
  };
}

/**
 * The report without the prompts a change's edits cover (its "What this PR changed" part): an
 * edited prompt's new series, drift or flips are the edit's doing, not the model's.
 */
export function withoutEditedPrompts(report: Report, c: EditComparison): Report {
  return {
    ...report,
    models: report.models.map((m) => {
      const { failing, ...metrics } = withoutEdited({ ...m.metrics, failing: m.failing }, m.id, c);
      const kept = new Set(metrics.drifted);
      return {
        ...m,
        metrics,
        failing,
        drift: m.drift.filter((d) => kept.has(d.key)),
        regressions: metrics.regressions,
        fixes: metrics.fixes,
        flipsP: metrics.flipsP,
        noise: splitByNoise(metrics),
      };
    }),
  };
}

/** The last `n` records as trend points, each fingerprint compared with the last reported before it. */
function trendOf(history: readonly HistoryRecord[], n: number): TrendPoint[] {
  const start = Math.max(0, history.length - n);
  // The last fingerprints reported before the trend starts (one walk back, then carried forward).
  let reported: string[] | null = null;
  for (let i = start - 1; i >= 0 && reported === null; i--) {
    const fps = history[i]!.model.systemFingerprints;
    if (fps.length > 0) reported = fps;
  }
  const points: TrendPoint[] = [];
  for (let i = start; i < history.length; i++) {
    const { run, model, metrics: m } = history[i]!;
    const fingerprints = model.systemFingerprints;
    const changed = fingerprints.length > 0 && reported !== null && !sameSet(fingerprints, reported);
    if (fingerprints.length > 0) reported = fingerprints;
    points.push({
      runId: run.id,
      startedAt: run.startedAt,
      passRate: m.passRate,
      stability: m.stability,
      reliability: m.reliability,
      reliabilityInterval: m.reliabilityInterval,
      drifted: realDrift(m).length,
      flapping: m.flapping.length,
      errors: totalErrors(m.errors),
      fingerprints,
      fingerprintChanged: changed,
    });
  }
  return points;
}

/**
 * Before and after of each drifted prompt of a record (`position`: its index among the model's
 * records; the latest, or any trend point's with `runDrift`). "Before" is the answer of the
 * series' previous answered point, as the comparison found it.
 */
function driftOf(view: HistoryView, modelId: string, position: number): DriftEntry[] {
  const target = view.recordsOf(modelId)[position]!;
  const m = target.metrics;
  if (m.drifted.length === 0) return [];
  const byKey = new Map<string, { i: number; hash: string }>();
  view.catalog(target.catalog).forEach(([suite, id, hash], i) => byKey.set(promptKey(suite, id), { i, hash }));
  const flapping = new Set(m.flapping);
  const regressions = new Set(m.regressions);
  const fixes = new Set(m.fixes);

  return m.drifted.map((key) => {
    const at = byKey.get(key);
    const before = at ? (view.previousAnswered(modelId, at.hash, key, position)?.answer ?? null) : null;
    const after = at ? view.text(key, target.answers[at.i] ?? null) : null;
    const significant = m.drift ? m.drift.prompts.includes(key) : !flapping.has(key);
    return {
      key,
      before,
      after,
      flapping: flapping.has(key),
      significant,
      regression: regressions.has(key),
      fix: fixes.has(key),
    };
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** A run where the backend's system fingerprint changed, with the fingerprints reported before it. */
export interface FingerprintChange {
  point: TrendPoint;
  /** The fingerprints of the last earlier run that reported any; null when none did. */
  was: string[] | null;
}

/** The runs of a trend where the system fingerprint changed, oldest first. */
export function fingerprintChanges(points: readonly TrendPoint[]): FingerprintChange[] {
  return points.flatMap((point, i) => {
    if (!point.fingerprintChanged) return [];
    const before = points
      .slice(0, i)
      .reverse()
      .find((q) => q.fingerprints.length > 0);
    return [{ point, was: before ? before.fingerprints : null }];
  });
}
