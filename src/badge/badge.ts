import { makeBadge } from 'badge-maker';

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

function checkReliability(reliability: number | null): void {
  if (reliability === null) return;
  if (!Number.isFinite(reliability) || reliability < 0 || reliability > 1) {
    throw new RangeError(`badge: reliability must be in 0..1 or null, got ${reliability}`);
  }
}

/**
 * green >= 95%, yellow >= 85%, orange >= 70%, red below, lightgrey for no data yet.
 * Judged on the value the badge shows (tenths of a percent), so the color never
 * contradicts the message: 0.9499 reads `95.0%` and is green.
 */
export function badgeColor(reliability: number | null): BadgeColor {
  checkReliability(reliability);
  if (reliability === null) return 'lightgrey';
  const tenths = tenthsOfPercent(reliability);
  if (tenths >= 950) return 'green';
  if (tenths >= 850) return 'yellow';
  if (tenths >= 700) return 'orange';
  return 'red';
}

/**
 * `97.2%`: a percentage with one decimal, ties rounded away from zero; `no data` for null.
 * Rounds the decimal the score prints as, not its binary expansion: `(0.0285 * 100).toFixed(1)`
 * gives `2.8` because 0.0285 * 100 is 2.8499999999999996, this gives `2.9`.
 */
export function badgeMessage(reliability: number | null): string {
  checkReliability(reliability);
  if (reliability === null) return 'no data';
  return `${(tenthsOfPercent(reliability) / 10).toFixed(1)}%`;
}

/**
 * The score in tenths of a percent, as shown: float noise (below 12 significant digits) is
 * cleaned off before rounding. Scores are >= 0, so Math.round's half-up is half away from zero.
 */
function tenthsOfPercent(reliability: number): number {
  return Math.round(Number((reliability * 1000).toPrecision(12)));
}

/** An SVG badge (flat style) reading `label | 97.2%`. Same inputs give the same bytes. */
export function reliabilitySvg(label: string, reliability: number | null): string {
  return makeBadge({
    label,
    message: badgeMessage(reliability),
    color: badgeColor(reliability),
    style: 'flat',
  });
}

/** The same badge as shields.io endpoint JSON (`https://img.shields.io/endpoint?url=...`). */
export function shieldsEndpoint(label: string, reliability: number | null): ShieldsEndpoint {
  return {
    schemaVersion: 1,
    label,
    message: badgeMessage(reliability),
    color: badgeColor(reliability),
  };
}
