import type { FileHandle } from 'node:fs/promises';

// A nightly run reads a history file from its end: its last runs, and a few lines before them
// for the texts those runs refer to. These read lines newest first, from bytes in memory (the
// open file) or from a file handle a chunk at a time (a sealed segment: only what is needed).

/** One line as read: its bytes without the newline, and where it starts in the file. */
export interface RawLine {
  bytes: Buffer;
  start: number;
}

const CHUNK = 64 * 1024;

/** The lines of a file, newest first. */
export class BackwardLines {
  /** Bytes [loadedFrom, end) are in `loaded`; lines before `end` are still to be returned. */
  private loaded: Buffer;
  private loadedFrom: number;
  private end: number;
  /** Whether the file ends with a newline (then the last line ends before it). */
  readonly endsWithNewline: boolean;

  private constructor(
    private readonly handle: FileHandle | null,
    size: number,
    loaded: Buffer,
  ) {
    this.loaded = loaded;
    this.loadedFrom = size - loaded.length;
    this.endsWithNewline = size > 0 && loaded[loaded.length - 1] === 0x0a;
    this.end = size === 0 ? -1 : this.endsWithNewline ? size - 1 : size;
  }

  /** Lines of bytes held in memory. */
  static ofBytes(bytes: Buffer): BackwardLines {
    return new BackwardLines(null, bytes.length, bytes);
  }

  /** Lines of an open file, read from its end a chunk at a time (the caller closes the handle). */
  static async ofFile(handle: FileHandle): Promise<BackwardLines> {
    const { size } = await handle.stat();
    const length = Math.min(CHUNK, size);
    const first = Buffer.alloc(length);
    await handle.read(first, 0, length, size - length);
    return new BackwardLines(handle, size, first);
  }

  /** The line before the last one returned (the last line first); null past the first line. */
  async previous(): Promise<RawLine | null> {
    if (this.end < 0) return null;
    for (;;) {
      const before = this.end - this.loadedFrom;
      // (A negative offset would search from the buffer's end.)
      const at = before > 0 ? this.loaded.lastIndexOf(0x0a, before - 1) : -1;
      if (at !== -1 || this.loadedFrom === 0) {
        const start = at === -1 ? 0 : this.loadedFrom + at + 1;
        const bytes = this.loaded.subarray(start - this.loadedFrom, this.end - this.loadedFrom);
        this.end = start - 1;
        return { bytes, start };
      }
      await this.loadMore();
    }
  }

  private async loadMore(): Promise<void> {
    const length = Math.min(Math.max(CHUNK, this.loaded.length), this.loadedFrom);
    const more = Buffer.alloc(length);
    await this.handle!.read(more, 0, length, this.loadedFrom - length);
    // Keep only what is still to be returned: bytes before `end`.
    this.loaded = Buffer.concat([more, this.loaded.subarray(0, this.end - this.loadedFrom)]);
    this.loadedFrom -= length;
  }
}

/** The first line of a file (without its newline), read from its start; null for an empty file. */
export async function firstLine(handle: FileHandle): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  for (let position = 0; ; position += CHUNK) {
    const chunk = Buffer.alloc(CHUNK);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, position);
    const part = chunk.subarray(0, bytesRead);
    const at = part.indexOf(0x0a);
    if (at !== -1) return Buffer.concat([...parts, part.subarray(0, at)]);
    parts.push(part);
    if (bytesRead < CHUNK) return position === 0 && bytesRead === 0 ? null : Buffer.concat(parts);
  }
}
