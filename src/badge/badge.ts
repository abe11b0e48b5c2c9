import { makeBadge } from 'badge-maker';
import { percent, roundPercent } from '../util/numbers.js';

/**
 * Shields named colors (https://shields.io/badges/endpoint-badge), so the same
 * word works in badge-maker's SVG and in the endpoint JSON.
 */
export type BadgeColor = 'green' | 'yellow' | 'orange' | 'red' | 'lightgrey';

/** The shields.io endpoint form of a badge (`badge.json`). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: BadgeColor;
}

/**
 * What a badge shows: a reliability score, null for no data yet, or `unavailable` when the
 * latest run got no answer at all (its score would only repeat earlier runs' as if tonight's).
 */
export type BadgeValue = number | null | 'unavailable';

function checkReliability(reliability: BadgeValue): void {
  if (reliability === null || reliability === 'unavailable') return;
  if (!Number.isFinite(reliability) || reliability < 0 || reliability > 1) {
    throw new RangeError(`badge: reliability must be in 0..1 or null, got ${reliability}`);
  }
}

/**
 * green >= 95%, yellow >= 85%, orange >= 70%, red below, lightgrey for no data yet or unavailable.
 * Judged on the value the badge shows (tenths of a percent), so the color never
 * contradicts the message: 0.9499 reads `95.0%` and is green. A model whose latest run drifted
 * beyond noise is never green: its behavior just changed, whatever its score.
 */
export function badgeColor(reliability: BadgeValue, drifted = false): BadgeColor {
  checkReliability(reliability);
  if (reliability === null || reliability === 'unavailable') return 'lightgrey';
  const shown = roundPercent(reliability);
  if (shown >= 95) return drifted ? 'yellow' : 'green';
  if (shown >= 85) return 'yellow';
  if (shown >= 70) return 'orange';
  return 'red';
}

/**
 * `97.2%`, as reports and comments print it, and `81.0% · drifted` when the latest run drifted
 * beyond noise; `no data` for null; `unavailable` as it is.
 */
export function badgeMessage(reliability: BadgeValue, drifted = false): string {
  checkReliability(reliability);
  if (reliability === 'unavailable') return reliability;
  if (reliability === null) return 'no data';
  return drifted ? `${percent(reliability)} · drifted` : percent(reliability);
}

/** An SVG badge (flat style) reading `label | 97.2%`. Same inputs give the same bytes. */
export function reliabilitySvg(label: string, reliability: BadgeValue, drifted = false): string {
  return makeBadge({
    label,
    message: badgeMessage(reliability, drifted),
    color: badgeColor(reliability, drifted),
    style: 'flat',
  });
}

/** The same badge as shields.io endpoint JSON (`https://img.shields.io/endpoint?url=...`). */
export function shieldsEndpoint(label: string, reliability: BadgeValue, drifted = false): ShieldsEndpoint {
  return {
    schemaVersion: 1,
    label,
    message: badgeMessage(reliability, drifted),
    color: badgeColor(reliability, drifted),
  };
}
