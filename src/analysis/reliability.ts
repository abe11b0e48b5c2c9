import { share, wilsonInterval } from '../util/stats.js';

/**
 * Reliability over a trailing window: the observations judged in its records pooled, the share
 * that behaved as recorded, and its 95% Wilson interval. The one formula behind every record's
 * `reliability` and every certificate.
 */
export function pooledReliability(parts: ReadonlyArray<{ judged: number; behaved: number }>): {
  judged: number;
  behaved: number;
  reliability: number | null;
  reliabilityInterval: [number, number] | null;
} {
  const judged = parts.reduce((n, p) => n + p.judged, 0);
  const behaved = parts.reduce((n, p) => n + p.behaved, 0);
  return { judged, behaved, reliability: share(behaved, judged), reliabilityInterval: wilsonInterval(behaved, judged) };
}
