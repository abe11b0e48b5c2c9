import type { PublicKey, Signer } from './keys.js';
import { showInvisible } from '../util/untrusted-text.js';

// DSSE v1 (github.com/secure-systems-lab/dsse): the signature covers the pre-authentication
// encoding of the payload type and the payload bytes, never the JSON around them.

/** The payload type of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface EnvelopeSignature {
  keyid: string;
  /** Base64 of the signature: raw 64 bytes for Ed25519, DER for ECDSA P-256. */
  sig: string;
}

export interface Envelope {
  payloadType: string;
  /** Base64 of the serialized payload. */
  payload: string;
  signatures: EnvelopeSignature[];
}

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal bytes. */
export function pae(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

export function signEnvelope(payload: Buffer, payloadType: string, signer: Signer): Envelope {
  const sig = signer.sign(pae(payloadType, payload)).toString('base64');
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid: signer.keyid, sig }] };
}

/** An envelope as one JSON line, keys in a fixed order. */
export function serializeEnvelope(envelope: Envelope): string {
  return JSON.stringify({
    payloadType: envelope.payloadType,
    payload: envelope.payload,
    signatures: envelope.signatures.map(({ keyid, sig }) => ({ keyid, sig })),
  });
}

/** Parses an envelope's JSON; a string says what is wrong with it. */
export function parseEnvelope(text: string): Envelope | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a DSSE envelope (a JSON object)';
  const { payloadType, payload, signatures } = data as Record<string, unknown>;
  if (typeof payloadType !== 'string') return 'payloadType is missing or not a string';
  if (typeof payload !== 'string' || !isBase64(payload)) return 'payload is missing or not base64';
  if (!Array.isArray(signatures)) return 'signatures is missing or not a list';
  const sigs: EnvelopeSignature[] = [];
  for (const [i, s] of signatures.entries()) {
    const { keyid, sig } = (s ?? {}) as Record<string, unknown>;
    if (typeof sig !== 'string' || !isBase64(sig)) return `signatures[${i}].sig is missing or not base64`;
    if (keyid !== undefined && typeof keyid !== 'string') return `signatures[${i}].keyid is not a string`;
    sigs.push({ keyid: keyid ?? '', sig });
  }
  return { payloadType, payload, signatures: sigs };
}

export type OpenResult =
  { ok: true; payload: Buffer } | { ok: false; reason: 'unsigned' | 'other-key' | 'bad-signature'; message: string };

/**
 * The payload, when one of the envelope's signatures verifies with `key`. The key id is only a
 * hint (DSSE): every signature is tried, and the ids only word the failure.
 */
export function openEnvelope(envelope: Envelope, key: PublicKey): OpenResult {
  const payload = decodeBase64(envelope.payload);
  const message = pae(envelope.payloadType, payload);
  if (envelope.signatures.length === 0)
    return { ok: false, reason: 'unsigned', message: 'the envelope has no signature' };
  if (envelope.signatures.some((s) => key.verify(message, decodeBase64(s.sig)))) return { ok: true, payload };
  if (envelope.signatures.some((s) => s.keyid === key.keyid)) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: `the signature of key ${short(key.keyid)} does not verify: the envelope was changed after it was signed`,
    };
  }
  const others = envelope.signatures.map((s) => (s.keyid ? short(s.keyid) : '(no key id)')).join(', ');
  return { ok: false, reason: 'other-key', message: `signed by another key (${others}), not ${short(key.keyid)}` };
}

/**
 * openEnvelope, for the files only trackrecord writes: the text the envelope was read from must
 * also be byte for byte what serializeEnvelope writes for it, in standard padded base64, each
 * signature named by `key`'s id. A signature covers the payload only; this makes any other
 * changed byte fail too (the key id, JSON spacing, base64's spare bits or alphabet).
 */
export function openExact(text: string, envelope: Envelope, key: PublicKey): OpenResult {
  const opened = openEnvelope(envelope, key);
  if (!opened.ok) return opened;
  const exact = serializeEnvelope({
    payloadType: envelope.payloadType,
    payload: opened.payload.toString('base64'),
    signatures: envelope.signatures.map((s) => ({ keyid: key.keyid, sig: decodeBase64(s.sig).toString('base64') })),
  });
  if (text === exact) return opened;
  const named = envelope.signatures.find((s) => s.keyid !== key.keyid);
  const what = named
    ? `it names key ${named.keyid ? short(named.keyid) : '(none)'} for a signature of key ${short(key.keyid)}`
    : 'its bytes are not the ones written (JSON spacing or base64 encoding)';
  return { ok: false, reason: 'bad-signature', message: `the envelope was changed after it was signed: ${what}` };
}

/**
 * Key ids in messages: the first 16 hex, enough to tell keys apart. A key id read from an
 * envelope is anyone's text: a control character in it is shown as its code point.
 */
export function short(keyid: string): string {
  return showInvisible(keyid.length > 16 ? keyid.slice(0, 16) : keyid);
}

/** Standard or URL-safe base64, padded or not (DSSE allows both alphabets). */
function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/\-_]*={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1;
}

export function decodeBase64(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
