/**
 * Reads the first bytes of a JSON text that was cut off (a response body cut at max-output-kb):
 * the value it would have had, with every string, array and object left open closed where the
 * text stops. A number, literal or key cut in the middle is left out. `openAt` is the path
 * (keys and indexes) of the value the text stopped inside, empty when the text was complete.
 */
export interface JsonPrefix {
  value: unknown;
  openAt: Array<string | number>;
}

/** Deeper nesting is not a chat completion: refuse it rather than recurse into it. */
const MAX_DEPTH = 64;

export class NotJsonError extends Error {}

/** The prefix's value, or null when the text stops before any value starts; throws NotJsonError on text that is not JSON. */
export function parseJsonPrefix(text: string): JsonPrefix | null {
  const reader = new PrefixReader(text);
  const read = reader.value(0);
  return read && { value: read.value, openAt: read.open ?? [] };
}

/** A value read; `open` is where the text stopped inside it (undefined when it ended before the text did). */
interface Read {
  value: unknown;
  open?: Array<string | number>;
}

const SCALAR = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SCALAR_START = /^[-+.\deEtrufalsn]*$/;

class PrefixReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  /** null: the text stops before the value, or inside a number or literal (whose end cannot be known). */
  value(depth: number): Read | null {
    this.skipSpace();
    if (this.atEnd()) return null;
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) throw new NotJsonError(`nested deeper than ${MAX_DEPTH} levels`);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    SCALAR.lastIndex = this.pos;
    const match = SCALAR.exec(this.text);
    if (match && SCALAR.lastIndex < this.text.length) {
      this.pos = SCALAR.lastIndex;
      return { value: JSON.parse(match[0]) as unknown };
    }
    if (SCALAR_START.test(this.text.slice(this.pos))) return null;
    throw new NotJsonError(`unexpected ${JSON.stringify(c)} at ${this.pos}`);
  }

  private object(depth: number): Read {
    const out: Record<string, unknown> = {};
    this.pos += 1;
    for (let first = true; ; first = false) {
      this.skipSpace();
      if (this.atEnd()) return { value: out, open: [] };
      if (first && this.text[this.pos] === '}') break;
      if (!first) {
        if (this.text[this.pos] === '}') break;
        this.expect(',');
        this.skipSpace();
        if (this.atEnd()) return { value: out, open: [] };
      }
      if (this.text[this.pos] !== '"') throw new NotJsonError(`expected a key at ${this.pos}`);
      const key = this.string();
      this.skipSpace();
      if (key.open || this.atEnd()) return { value: out, open: [] };
      this.expect(':');
      const member = this.value(depth);
      if (member === null) return { value: out, open: [] };
      // Defined, not assigned: a "__proto__" key stays a plain key.
      Object.defineProperty(out, key.value as string, {
        value: member.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (member.open) return { value: out, open: [key.value as string, ...member.open] };
    }
    this.pos += 1;
    return { value: out };
  }

  private array(depth: number): Read {
    const out: unknown[] = [];
    this.pos += 1;
    for (let first = true; ; first = false) {
      this.skipSpace();
      if (this.atEnd()) return { value: out, open: [] };
      if (this.text[this.pos] === ']') break;
      if (!first) {
        this.expect(',');
        this.skipSpace();
      }
      const item = this.value(depth);
      if (item === null) return { value: out, open: [] };
      out.push(item.value);
      if (item.open) return { value: out, open: [out.length - 1, ...item.open] };
    }
    this.pos += 1;
    return { value: out };
  }

  /** At an opening quote. A string the text stops inside keeps its complete characters. */
  private string(): Read {
    const start = this.pos;
    let end = start + 1;
    while (end < this.text.length) {
      const c = this.text[end];
      if (c === '"') {
        this.pos = end + 1;
        return { value: this.decode(this.text.slice(start, end + 1)) };
      }
      const step = c !== '\\' ? 1 : this.text[end + 1] === 'u' ? 6 : 2;
      if (end + step > this.text.length) break; // an escape cut in the middle
      end += step;
    }
    this.pos = this.text.length;
    let value = this.decode(`${this.text.slice(start, end)}"`);
    // Half of a pair cut off by the end is no character at all.
    if (/[\ud800-\udbff]$/.test(value)) value = value.slice(0, -1);
    return { value, open: [] };
  }

  private decode(literal: string): string {
    try {
      return JSON.parse(literal) as string;
    } catch {
      throw new NotJsonError(`invalid string at ${this.pos}`);
    }
  }

  private expect(c: string): void {
    if (this.text[this.pos] !== c) throw new NotJsonError(`expected ${JSON.stringify(c)} at ${this.pos}`);
    this.pos += 1;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos += 1;
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}
