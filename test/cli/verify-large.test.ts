import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { appendAttestations } from '../../src/evidence/attestations.js';
import { signerFromEnv } from '../../src/evidence/keys.js';
import { runCli } from '../support/cli.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { historyText, makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

// V8 cannot make a string of more than about 512 MB: a history past that must be read line by
// line. A file of that size is too big for a test, so the limit is made small here instead, for
// every way bytes become a string, and the history made a few times bigger than it.
const LIMIT = 128 * 1024;
const tooLong = () => new Error('Cannot create a string longer than 0x20000 characters');

afterEach(() => vi.restoreAllMocks());

function lowerStringLimit(): void {
  const toString = Buffer.prototype.toString;
  vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args: unknown[]) {
    const [, start = 0, end = this.length] = args as [string?, number?, number?];
    if (Math.min(end, this.length) - start > LIMIT) throw tooLong();
    return toString.apply(this, args as Parameters<typeof toString>);
  });
  const decode = TextDecoder.prototype.decode;
  vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (
    this: InstanceType<typeof TextDecoder>,
    input,
    options,
  ) {
    if (input && input.byteLength > LIMIT) throw tooLong();
    return decode.call(this, input, options);
  });
}

describe('trackrecord verify on a history larger than a string can be', () => {
  it('reads it line by line and says it is intact', async () => {
    const text = historyText(makeRecords(400, { outputSize: 2000 }));
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * LIMIT);
    const cwd = tempDir({ '.trackrecord/history.jsonl': text });
    lowerStringLimit();
    const result = await runCli(['verify'], cwd);
    expect(result.stdout).toMatch(/^ok \.trackrecord\/history\.jsonl: 400 records, chain intact\n/);
    expect(result.code).toBe(0);
  });

  it('checks its signatures line by line too', async () => {
    const text = historyText(makeRecords(400, { outputSize: 2000 }));
    const cwd = tempDir({ '.trackrecord/history.jsonl': text });
    const key = makeKey();
    const signer = signerFromEnv({ TRACKRECORD_SIGNING_KEY: key.privatePem })!;
    await appendAttestations(join(cwd, '.trackrecord/history.jsonl'), text.trimEnd().split('\n'), 1, signer);
    lowerStringLimit();
    const result = await runCli(['verify', '--key', writePublicKey(cwd, key)], cwd);
    expect(result.stdout).toMatch(/^ok \.trackrecord\/history\.jsonl: 400 records, chain intact, every record signed/);
    expect(result.code).toBe(0);
  });
});
