/**
 * The one set of characters that untrusted text (model output above all) may not carry as they
 * are, wherever it is shown: they show nothing, or change how the text around them reads, so
 * "yes" and "yes" plus a zero-width space would look the same. Controls (but tab and newline),
 * format characters (zero-width spaces and joiners, word joiner, soft hyphen, bidi marks,
 * embeddings, overrides and isolates, byte order mark, the tag block), unpaired surrogates, and
 * the letters that render blank (Hangul fillers, the blank braille pattern).
 */
const INVISIBLE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Cs}\u{E0000}-\u{E007F}\u115f\u1160\u2800\u3164\uffa0]/gu;

/** Each invisible character as its code point in plain sight, e.g. `<U+200B>`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

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
