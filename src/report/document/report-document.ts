import { availabilityOf, isUnavailable } from '../../analysis/availability.js';
import { realDrift, totalErrors } from '../../analysis/record-metrics.js';
import { driftCell, regressionCell } from './drift-text.js';
import { costSentence, percent, count } from '../../util/numbers.js';
import type { SigningNote } from '../../evidence/attestations.js';
import type { ModelReport, Report } from '../data/report.js';
import { driftBlocks, earlierDriftBlocks, flipBlocks } from './drift-blocks.js';
import { failingBlocks } from './failing-blocks.js';
import { dateTime, day, fingerprintBlocks, joined, keyList } from './words.js';
import { code, name, note, paragraph, strong, untrusted, type Block, type Inline } from './model.js';

export interface DocumentOptions {
  /** Leave out the title's summary table (a pull request check has its own). */
  bare?: boolean;
  /** The signed envelopes beside the history, when there are any (`attestations.jsonl`). */
  signing?: SigningNote | null;
}

/**
 * The report as a document: a summary of every model, then a section per model with its trend,
 * backend changes, new series, the drift test's verdict and the drifted prompts (of earlier runs
 * too, when the report has them), flips and availability.
 */
export function reportDocument(report: Report, options: DocumentOptions = {}): Block[] {
  const sections = report.models.map((m, i) => modelSection(m, i, report.partial));
  if (options.bare) return [...signingBlocks(options.signing), ...sections];
  if (report.models.length === 0) {
    return [
      paragraph('No records yet: the history is empty. Run ', code('trackrecord run'), ' to start a track record.'),
    ];
  }
  return [
    paragraph(
      report.partial
        ? `The last ${count(report.records, 'record')} of ${count(report.models.length, 'model')}, read from the end of the history (`
        : `${count(report.records, 'record')} of ${count(report.models.length, 'model')}. `,
      ...(report.partial ? [code('trackrecord report --all'), ' reads all of it). '] : []),
      'Reliability is the share of observations in the trailing window that behaved as recorded (passed their ' +
        'checks, changed no more than noise), with its 95% interval: the history shows consistency, it cannot promise the next run.',
    ),
    summaryTable(report.models),
    ...signingBlocks(options.signing),
    ...sections,
  ];
}

function summaryTable(models: readonly ModelReport[]): Block {
  const numeric = (title: string) => ({ title, numeric: true });
  return {
    kind: 'table',
    role: 'summary',
    columns: [
      { title: 'Model' },
      numeric('Reliability (95% interval)'),
      numeric('Pass rate'),
      numeric('Stability'),
      numeric('Agreement'),
      numeric('Drift beyond noise'),
      numeric('Regressions beyond noise'),
      numeric('Errors'),
      numeric('Runs since drift'),
      { title: 'Last run' },
    ],
    rows: models.map((m, i) => {
      const x = m.metrics;
      const drift: Inline[] = x.drift
        ? driftCell(x.drift, x.drifted.length)
        : [`${realDrift(x).length}${x.flapping.length > 0 ? ` (+${x.flapping.length} flapping)` : ''}`];
      return [
        [{ kind: 'anchor', target: sectionId(i), content: [strong(untrusted(m.id, 60))] }],
        // The window's score would read as tonight's: a run with no answer shows none.
        [isUnavailable(availabilityOf(m)) ? 'unavailable' : reliability(x.reliability, x.reliabilityInterval)],
        [percent(x.passRate)],
        [percent(x.stability)],
        [percent(x.agreement)],
        drift,
        [regressionCell(m.noise)],
        [String(totalErrors(x.errors))],
        [x.runsSinceDrift === null ? 'never' : String(x.runsSinceDrift)],
        [runLink(m, day(m.run.startedAt))],
      ];
    }),
  };
}

/** One line saying the records are signed and by which key, when they are. */
function signingBlocks(signing: SigningNote | null | undefined): Block[] {
  if (!signing || signing.envelopes === 0) return [];
  const keys: Inline[] =
    signing.keyids.length === 0
      ? ['(none named)']
      : joined(signing.keyids.map((k): Inline => ({ kind: 'code', text: k, untrusted: { max: 16 } })));
  return [
    paragraph(
      `Signed: ${count(signing.envelopes, 'record')} ${signing.envelopes === 1 ? 'carries' : 'carry'} a DSSE envelope in `,
      code('attestations.jsonl'),
      ', key ',
      ...keys,
      '; ',
      code('trackrecord verify --key PUBLIC.pem'),
      ' checks them.',
    ),
  ];
}

const sectionId = (index: number) => `model-${index + 1}`;

/** "12 records", or "the last 31 records read" when the report read only the history's last runs. */
function records(n: number, partial: boolean): string {
  return partial ? `the last ${count(n, 'record')} read` : count(n, 'record');
}

function modelSection(m: ModelReport, index: number, partial: boolean): Block {
  const x = m.metrics;
  const commit: Inline[] =
    m.run.commit === null
      ? []
      : [
          ', commit ',
          /^[0-9a-f]{7,64}$/.test(m.run.commit) ? name(m.run.commit.slice(0, 7), 7) : name(m.run.commit, 12),
        ];
  const blocks: Block[] = [
    paragraph(
      'Model ',
      name(m.model, 80),
      ' at ',
      name(m.host, 80),
      `, ${records(m.records, partial)}. Last run `,
      runLink(m, name(m.run.id, 60)),
      ' on ',
      dateTime(m.run.startedAt),
      ' (',
      untrusted(m.run.trigger, 40),
      ...commit,
      ').',
    ),
  ];
  if (m.served.length > 0 && !(m.served.length === 1 && m.served[0] === m.model)) {
    blocks.push(paragraph('Served by: ', ...joined(m.served.map((s) => name(s, 80))), '.'));
  }
  if (m.trend.length > 0) {
    blocks.push({ kind: 'trend', points: m.trend, id: sectionId(index), label: m.id });
  }
  blocks.push(...fingerprintBlocks(m.trend));
  if (x.newSeries.length > 0) {
    const n = x.newSeries.length;
    blocks.push(
      note(
        `${count(n, 'prompt')} started a new series (new, or the prompt, its parameters or how its answer is read ` +
          `changed), so ${n === 1 ? 'it was' : 'they were'} not compared: `,
        ...keyList(x.newSeries),
        '.',
      ),
    );
  }
  blocks.push(
    ...failingBlocks(m.failing),
    ...driftBlocks(m),
    ...flipBlocks(m),
    paragraph(...availability(m)),
    ...earlierDriftBlocks(m.trend),
  );
  if (m.truncated > 0) blocks.push(truncation(m.truncated));
  return { kind: 'section', id: sectionId(index), title: [untrusted(m.id, 60)], blocks };
}

function availability(m: ModelReport): Inline[] {
  const errors = m.metrics.errors;
  const { requests, share } = availabilityOf(m);
  const { p50, p95 } = m.metrics.latencyMs;
  const latency = p50 === null ? '' : ` Latency p50 ${Math.round(p50)} ms, p95 ${Math.round(p95 ?? 0)} ms.`;
  const tail = latency + costSentence(m.metrics.cost);
  if (totalErrors(errors) === 0) return [`Availability: 100% of ${requests} requests answered.${tail}`];
  // Each category with the first error's message: the reason, in the server's own words.
  const messages = m.metrics.errorMessages ?? {};
  const byCategory = Object.entries(errors)
    .filter(([, n]) => n > 0)
    .flatMap(([category, n], i): Inline[] => {
      const message = messages[category as keyof typeof messages];
      const lead = `${i === 0 ? '' : '; '}${n} ${category}`;
      return message === undefined ? [lead] : [`${lead}: `, untrusted(message, 200)];
    });
  if (isUnavailable(availabilityOf(m))) {
    return [
      `Unavailable: none of ${count(requests, 'request')} answered (`,
      ...byCategory,
      '). This run adds nothing to reliability, which counts answered observations only, and the badge reads unavailable.' +
        tail,
    ];
  }
  return [
    `Availability: ${percent(share)} of ${requests} requests answered (`,
    ...byCategory,
    '). Errors are availability, never counted as drift or as failed checks.' + tail,
  ];
}

/** The samples of the last run whose output was cut: judged as they came, so a reader knows. */
function truncation(n: number): Block {
  return paragraph(
    `Truncated: ${count(n, 'sample')} of the last run ${n === 1 ? 'was' : 'were'} cut (`,
    code('finish_reason: length'),
    ', or past ',
    code('max-output-kb'),
    '), judged as ' + (n === 1 ? 'it' : 'they') + ' came and marked in the record.',
  );
}

/** A link to the workflow run when the record has a plain https URL; the label alone otherwise. */
function runLink(m: ModelReport, label: Inline): Inline {
  return { kind: 'link', url: m.run.url, content: [label] };
}

function reliability(value: number | null, interval: [number, number] | null): string {
  if (value === null) return 'n/a';
  return interval ? `${percent(value)} (${percent(interval[0])}–${percent(interval[1])})` : percent(value);
}
