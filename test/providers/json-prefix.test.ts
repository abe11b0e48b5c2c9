import { describe, expect, it } from 'vitest';
import { NotJsonError, parseJsonPrefix } from '../../src/providers/json-prefix.js';

const doc = {
  id: 'c1',
  n: -12.5e3,
  ok: true,
  none: null,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Line 1\n"quoted" \\ é 😀 \u0007 end' } }],
  usage: { prompt_tokens: 3 },
};
const text = JSON.stringify(doc);

describe('parseJsonPrefix', () => {
  it('reads a complete text as JSON.parse does, with nothing left open', () => {
    expect(parseJsonPrefix(text)).toEqual({ value: JSON.parse(text), openAt: [] });
    expect(parseJsonPrefix(' [1, "a", {"b": []}] ')).toEqual({ value: [1, 'a', { b: [] }], openAt: [] });
  });

  it('reads every prefix as a prefix of the whole: strings cut, members cut in the middle left out', () => {
    const content = doc.choices[0]!.message.content;
    const start = text.indexOf('"content":"') + '"content":"'.length;
    const end = start + JSON.stringify(content).length - 2;
    for (let k = 0; k < text.length; k++) {
      const read = parseJsonPrefix(text.slice(0, k));
      if (k === 0) {
        expect(read).toBeNull();
        continue;
      }
      const value = read!.value as typeof doc;
      // A number or literal is there whole or not at all.
      if ('n' in value) expect(value.n).toBe(doc.n);
      if ('ok' in value) expect(value.ok).toBe(true);
      if ('none' in value) expect(value.none).toBeNull();
      const got = value.choices?.[0]?.message?.content;
      if (k > start && k <= end) {
        expect(read!.openAt).toEqual(['choices', 0, 'message', 'content']);
        expect(content.startsWith(got!)).toBe(true);
        expect(got).not.toMatch(/\p{Cs}/u);
      }
    }
  });

  it('keeps "__proto__" as a plain key', () => {
    const value = parseJsonPrefix('{"__proto__": {"polluted": 1}, "a": "x')!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
  });

  it('refuses text that is not JSON, and nesting too deep to be a completion, without overflowing the stack', () => {
    expect(() => parseJsonPrefix('{"a": x')).toThrow(NotJsonError);
    expect(() => parseJsonPrefix('<html>')).toThrow(NotJsonError);
    expect(() => parseJsonPrefix('['.repeat(100_000))).toThrow(NotJsonError);
  });
});
