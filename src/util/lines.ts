/**
 * A file's lines as `text.split('\n')` gives them, each decoded on its own (UTF-8, invalid bytes
 * as U+FFFD): a file past V8's string limit (about 512 MB) never becomes one string.
 */
export function splitLines(bytes: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    lines.push(bytes.toString('utf8', start, end === -1 ? bytes.length : end));
    if (end === -1) return lines;
    start = end + 1;
  }
}
