import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/util/utf8.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('decodes valid text, multi-byte characters included', () => {
    expect(decodeUtf8(bytes('café ✓ 𝄞\n'))).toEqual({ text: 'café ✓ 𝄞\n' });
  });

  const cases: Array<[string, Buffer, number, number]> = [
    ['a lone Latin-1 byte', bytes('ab\nc', [0xe9], 'x'), 4, 2],
    ['a byte never in UTF-8 after a valid é', bytes('é', [0xff]), 2, 1],
    ['a stray continuation byte', bytes('ok', [0x80]), 2, 1],
    ['a character cut at the end', bytes('a\nb\n', [0xe2, 0x9c]), 4, 3],
    ['an overlong encoding', bytes('x', [0xc0, 0xaf]), 1, 1],
  ];
  for (const [name, input, offset, line] of cases) {
    it(`locates ${name}`, () => {
      expect(decodeUtf8(input)).toEqual({ invalid: { offset, line } });
    });
  }
});
