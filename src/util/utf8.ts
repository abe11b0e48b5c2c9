/** Where a file stops being UTF-8: the 0-based byte offset of the first byte that cannot be part of a character, and its 1-based line. */
export interface InvalidUtf8 {
  offset: number;
  line: number;
}

/**
 * The text of `bytes`, or where it is not valid UTF-8. A lenient decode would turn the bad bytes
 * into U+FFFD and go on with text the file does not hold.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalid: InvalidUtf8 } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { invalid: firstInvalidByte(bytes) };
  }
}

// Rare: byte by byte, streaming, so a character cut by the split is not an error; the byte that throws is the first bad one.
function firstInvalidByte(bytes: Uint8Array): InvalidUtf8 {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let offset = 0; offset < bytes.length; offset++) {
    try {
      decoder.decode(bytes.subarray(offset, offset + 1), { stream: true });
    } catch {
      return { offset: pendingStart(bytes, offset) ?? offset, line };
    }
    if (bytes[offset] === 0x0a) line++;
  }
  // The file ends inside a character: the first byte of that last, cut character.
  let offset = bytes.length - 1;
  while (offset > 0 && (bytes[offset]! & 0xc0) === 0x80) offset--;
  return { offset, line };
}

/** Where the character still pending before `offset` began, when the byte at `offset` cut it short. */
function pendingStart(bytes: Uint8Array, offset: number): number | null {
  for (let p = offset - 1; p >= Math.max(0, offset - 3); p--) {
    const byte = bytes[p]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc0 ? 1 : 0;
    return needs > offset - 1 - p ? p : null;
  }
  return null;
}
