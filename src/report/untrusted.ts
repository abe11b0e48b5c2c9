/**
 * First steps for untrusted text (model output above all) before any format escapes it:
 * shared by the markdown and the HTML reports, so both show the same characters.
 */
import { showInvisible } from '../util/invisible.js';

/** CR and CRLF become LF; every invisible or direction-changing character is shown as its code point (`<U+200B>`). */
export function cleanText(text: string): string {
  return showInvisible(text.replace(/\r\n?/g, '\n'));
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
