/**
 * First steps for untrusted text (model output above all) before any format escapes it:
 * shared by the markdown and the HTML reports, so both show the same characters.
 */

/** Control, invisible and direction-changing characters: a text must not read differently from what it is. */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes invisible and direction-changing characters; CR and CRLF become LF. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** At most `max` code points (never half a surrogate pair), ending in `…` when cut. */
export function truncateText(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}
