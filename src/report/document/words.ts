import { fingerprintChanges, type TrendPoint } from '../data/report.js';
import { name, untrusted, type Block, type Inline } from './model.js';

/** Keys listed in a sentence; the rest are counted. */
const LIST_KEYS = 20;
/** Backend changes noted per model; earlier ones are counted. */
const FINGERPRINT_NOTES = 5;

/** `2023-06-14 09:30 UTC` from an ISO time; the text itself when it is not one. */
export function dateTime(iso: string): Inline {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}${iso.endsWith('Z') ? ' UTC' : ''}` : untrusted(iso, 30);
}

/** `2023-06-14` from an ISO time; the text itself when it is not one. */
export function day(iso: string): Inline {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? untrusted(iso, 30);
}

/** Items in a sentence, separated by commas. */
export function joined(items: readonly Inline[]): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [', ', item]));
}

/** Prompt keys in a sentence: the first twenty, then how many more. */
export function keyList(keys: readonly string[]): Inline[] {
  const shown = joined(keys.slice(0, LIST_KEYS).map((k) => name(k, 80)));
  return keys.length > LIST_KEYS ? [...shown, ` and ${keys.length - LIST_KEYS} more`] : shown;
}

/** The runs where the backend's system fingerprint changed: a likely cause of drift. */
export function fingerprintBlocks(points: readonly TrendPoint[]): Block[] {
  const notes = fingerprintChanges(points).map(({ point: p, was }): Inline[] => [
    'Run ',
    name(p.runId, 60),
    ' on ',
    dateTime(p.startedAt),
    ': system fingerprint now ',
    ...fingerprints(p.fingerprints),
    ...(was ? [' (was ', ...fingerprints(was), ')'] : []),
    '.',
  ]);
  if (notes.length === 0) return [];
  const earlier: Inline[][] =
    notes.length > FINGERPRINT_NOTES
      ? [[`… and ${notes.length - FINGERPRINT_NOTES} earlier changes in these runs.`]]
      : [];
  return [
    {
      kind: 'callout',
      lead: [{ kind: 'strong', content: ['The backend changed'] }, ' (system fingerprint), which can explain drift:'],
      items: [...earlier, ...notes.slice(-FINGERPRINT_NOTES)],
    },
  ];
}

function fingerprints(list: readonly string[]): Inline[] {
  return joined(list.map((f) => name(f, 40)));
}

/** Short, unique x-axis labels: month-day, with the time when a day has several runs. Plain text. */
export function axisLabels(startedAt: readonly string[]): string[] {
  const parts = startedAt.map((iso) => /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso));
  let labels = parts.map((m) => (m ? m[1]! : '?'));
  if (new Set(labels).size < labels.length) labels = parts.map((m) => (m ? `${m[1]} ${m[2]}` : '?'));
  if (new Set(labels).size < labels.length) labels = labels.map((l, i) => `${l} #${i + 1}`);
  return labels;
}

/** A plain https URL that is safe to link as is (a workflow run's), else null. */
export function safeUrl(url: string | null): string | null {
  return url !== null && /^https:\/\/[\w.-]+(?::\d+)?(?:\/[\w.~%+/-]*)?$/.test(url) ? url : null;
}
