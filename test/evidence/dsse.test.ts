import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openEnvelope, pae, parseEnvelope, serializeEnvelope, signEnvelope } from '../../src/evidence/dsse.js';
import { publicKeyFromPem, signerFromEnv, type PublicKey } from '../../src/evidence/keys.js';
import { makeKey } from '../support/keys.js';

const env = (pem: string) => ({ TRACKRECORD_SIGNING_KEY: pem });

/** The test vector of the DSSE protocol (secure-systems-lab/dsse, protocol.md). */
const VECTOR = {
  type: 'http://example.com/HelloWorld',
  body: 'hello world',
  pae: 'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
  x: 46950820868899156662930047687818585632848591499744589407958293238635476079160n,
  y: 5640078356564379163099075877009565129882514886557779369047442380624545832820n,
  sig: 'A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==',
};

const b64url = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex').toString('base64url');

describe('DSSE', () => {
  it('encodes PAE as the specification does, and its test vector verifies over our PAE', async () => {
    const encoded = pae(VECTOR.type, Buffer.from(VECTOR.body));
    expect(encoded.toString('utf8')).toBe(VECTOR.pae);
    // The vector's signature is raw r||s; checking it over our bytes proves the encoding independently.
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: b64url(VECTOR.x), y: b64url(VECTOR.y) },
      format: 'jwk',
    });
    const { verify } = await import('node:crypto');
    expect(verify('sha256', encoded, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(VECTOR.sig, 'base64'))).toBe(true);
    expect(pae('t', Buffer.from('é')).toString('utf8')).toBe('DSSEv1 1 t 2 é'); // lengths count bytes
  });

  for (const kind of ['ed25519', 'p256'] as const) {
    it(`signs and opens an envelope with ${kind}; a changed byte or another key fails`, () => {
      const key = makeKey(kind);
      const signer = signerFromEnv(env(key.privatePem))!;
      const publicKey = publicKeyFromPem(key.publicPem, 'public.pem');
      expect(signer.keyid).toBe(publicKey.keyid);
      expect(signer.keyid).toMatch(/^[0-9a-f]{64}$/);
      const envelope = signEnvelope(Buffer.from('{"a":1}'), 'application/vnd.in-toto+json', signer);
      const parsed = parseEnvelope(serializeEnvelope(envelope));
      if (typeof parsed === 'string') throw new Error(parsed);
      expect(openEnvelope(parsed, publicKey)).toEqual({ ok: true, payload: Buffer.from('{"a":1}') });

      const changed = { ...parsed, payload: Buffer.from('{"a":2}').toString('base64') };
      expect(openEnvelope(changed, publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
      expect(openEnvelope({ ...parsed, payloadType: 'application/json' }, publicKey)).toMatchObject({ ok: false });
      const other: PublicKey = publicKeyFromPem(makeKey(kind).publicPem, 'other.pem');
      expect(openEnvelope(parsed, other)).toMatchObject({ ok: false, reason: 'other-key' });
      expect(openEnvelope({ ...parsed, signatures: [] }, publicKey)).toMatchObject({ ok: false, reason: 'unsigned' });
    });
  }

  it('shows a key id read from an envelope as text, control characters as code points', () => {
    const key = makeKey('ed25519');
    const signer = signerFromEnv(env(key.privatePem))!;
    const envelope = signEnvelope(Buffer.from('{"a":1}'), 'application/vnd.in-toto+json', signer);
    const hostile = { ...envelope, signatures: [{ ...envelope.signatures[0]!, keyid: '\u001b[2J\u001b]0;x\u0007ab' }] };
    const opened = openEnvelope(hostile, publicKeyFromPem(makeKey('ed25519').publicPem, 'other.pem'));
    expect(opened).toMatchObject({ ok: false, reason: 'other-key' });
    const message = (opened as { message: string }).message;
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).toContain('signed by another key (<U+001B>[2J<U+001B>]0;x<U+0007>ab)');
  });

  it('accepts URL-safe base64 and rejects envelopes that are not DSSE', () => {
    const key = makeKey();
    const signer = signerFromEnv(env(key.privatePem))!;
    const envelope = signEnvelope(Buffer.from('x'.repeat(100)), 'text/plain', signer);
    const urlSafe = {
      ...envelope,
      payload: Buffer.from(envelope.payload, 'base64').toString('base64url'),
      signatures: envelope.signatures.map((s) => ({ ...s, sig: Buffer.from(s.sig, 'base64').toString('base64url') })),
    };
    const parsed = parseEnvelope(JSON.stringify(urlSafe));
    expect(typeof parsed).not.toBe('string');
    expect(openEnvelope(parsed as Exclude<typeof parsed, string>, publicKeyFromPem(key.publicPem, 'p'))).toMatchObject({
      ok: true,
    });
    expect(parseEnvelope('{')).toMatch(/^not valid JSON/);
    expect(parseEnvelope('{"payloadType":"t","payload":"a b","signatures":[]}')).toBe(
      'payload is missing or not base64',
    );
    expect(parseEnvelope('{"payloadType":"t","payload":"","signatures":[{"sig":"%%"}]}')).toBe(
      'signatures[0].sig is missing or not base64',
    );
  });
});

describe('signing keys', () => {
  it('is off without TRACKRECORD_SIGNING_KEY', () => {
    expect(signerFromEnv({})).toBeNull();
    expect(signerFromEnv({ TRACKRECORD_SIGNING_KEY: '' })).toBeNull();
  });

  it('reads a key pasted with literal \\n', () => {
    const key = makeKey();
    const signer = signerFromEnv(env(key.privatePem.trim().replace(/\n/g, '\\n')));
    expect(signer?.keyid).toBe(publicKeyFromPem(key.publicPem, 'p').keyid);
  });

  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  const bad: Array<[string, string, RegExp]> = [
    ['a path', '/home/me/key.pem', /must hold the private key itself, as PEM text/],
    ['a public key', makeKey().publicPem, /holds not a private key/],
    [
      'garbage PEM',
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
      /is not a readable PEM private key/,
    ],
    ['an RSA key', rsa.toString(), /is a rsa key: trackrecord signs with Ed25519 .* or ECDSA P-256/],
    ['a P-384 key', p384.toString(), /is an EC key on secp384r1/],
  ];
  for (const [what, value, message] of bad) {
    it(`refuses ${what}, never repeating the value`, () => {
      let error: Error | undefined;
      try {
        signerFromEnv(env(value));
      } catch (e) {
        error = e as Error;
      }
      expect(error?.name).toBe('EvidenceKeyError');
      expect(error?.message).toMatch(message);
      expect(error?.message).toMatch(/^TRACKRECORD_SIGNING_KEY /);
      const secretLine = value.split('\n').find((l) => l.length > 20 && !l.startsWith('-----'));
      if (secretLine) expect(error?.message).not.toContain(secretLine);
    });
  }

  it('refuses a private key where a public key belongs', () => {
    expect(() => publicKeyFromPem(makeKey().privatePem, 'key.pem')).toThrow(
      /key\.pem holds a private key: pass the public key/,
    );
    expect(() => publicKeyFromPem('hello', 'key.pem')).toThrow(/key\.pem is not a PEM public key/);
  });
});
