// Signed packs: an Ed25519 signature (WebCrypto) over the canonical bytes of the pack without its `signature`, so a
// reader can tell who vouches for a pack and notice when that changes. Pure: WebCrypto's SubtleCrypto is passed in.
//
// Canonical bytes: the UTF-8 bytes of canonicalJson (model/describe/fingerprint.ts: object keys sorted by UTF-16
// code units, no spaces) of the pack's JSON value as parsed from its text, with the top-level `signature` removed.
import { canonicalJson } from '../../model/describe/fingerprint';
import { sha256Bytes, utf8 } from '../../model/describe/sha256';
import type { PackSignature } from './types';

export type Subtle = Pick<SubtleCrypto, 'importKey' | 'verify' | 'sign'>;

/** What a reader is told about a pack's signature. Never hidden: unsigned and broken are states too. */
export type SignatureStatus =
  | { state: 'unsigned' }
  | { state: 'valid'; keyId: string; publicKey: string; signer: string | null }
  | {
      state: 'invalid';
      keyId: string | null;
      publicKey: string | null;
      signer: string | null;
      reason: string;
    };

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += B64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of text) {
    value = (value << 6) | B64URL.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 255;
    }
  }
  return out.subarray(0, n);
}

/** The bytes a signature covers: the canonical JSON of the pack value without its top-level `signature`. */
export function signedBytes(packValue: Record<string, unknown>): Uint8Array {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(packValue)) if (k !== 'signature') rest[k] = v;
  return utf8(canonicalJson(rest));
}

/** A short, stable name of a public key: 'ed25519:' and the first 16 hex digits of the SHA-256 of its raw bytes. */
export function keyIdOf(publicKey: string): string | null {
  const raw = fromBase64Url(publicKey);
  if (!raw || raw.length !== 32) return null;
  return `ed25519:${sha256Bytes(raw).slice(0, 16)}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks the signature of a pack's parsed JSON value. Never throws. */
export async function verifyPackSignature(packValue: unknown, subtle: Subtle): Promise<SignatureStatus> {
  if (!isRecord(packValue) || packValue.signature === undefined) return { state: 'unsigned' };
  const sig = packValue.signature;
  const bad = (reason: string, publicKey: string | null = null, signer: string | null = null) => ({
    state: 'invalid' as const,
    keyId: publicKey ? keyIdOf(publicKey) : null,
    publicKey,
    signer,
    reason,
  });
  if (!isRecord(sig)) return bad('the signature is not an object');
  const publicKey = typeof sig.publicKey === 'string' ? sig.publicKey : null;
  const signer = typeof sig.signer === 'string' ? sig.signer.slice(0, 200) : null;
  if (sig.algorithm !== 'Ed25519')
    return bad('unknown signature algorithm (only Ed25519)', publicKey, signer);
  const key = publicKey ? fromBase64Url(publicKey) : null;
  const value = typeof sig.value === 'string' ? fromBase64Url(sig.value) : null;
  if (!key || key.length !== 32) return bad('the public key is not a raw Ed25519 key', null, signer);
  if (!value || value.length !== 64) return bad('the signature value is not 64 bytes', publicKey, signer);
  try {
    const cryptoKey = await subtle.importKey(
      'raw',
      key as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const ok = await subtle.verify(
      { name: 'Ed25519' },
      cryptoKey,
      value as Uint8Array<ArrayBuffer>,
      signedBytes(packValue) as Uint8Array<ArrayBuffer>,
    );
    if (!ok)
      return bad(
        'the signature does not match the pack (changed after signing, or another key)',
        publicKey,
        signer,
      );
    return { state: 'valid', keyId: keyIdOf(publicKey!)!, publicKey: publicKey!, signer };
  } catch (e) {
    return bad(
      `the signature could not be checked (${e instanceof Error ? e.message : 'no Ed25519 here'})`,
      publicKey,
      signer,
    );
  }
}

/** The pack value with a fresh signature by `privateKey` (any old signature is replaced). */
export async function signPack(
  packValue: Record<string, unknown>,
  privateKey: CryptoKey,
  publicKey: string,
  subtle: Subtle,
  extra: { signer?: string; signedAt?: string } = {},
): Promise<Record<string, unknown> & { signature: PackSignature }> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(packValue)) if (k !== 'signature') rest[k] = v;
  const value = new Uint8Array(
    await subtle.sign({ name: 'Ed25519' }, privateKey, signedBytes(rest) as Uint8Array<ArrayBuffer>),
  );
  const signature: PackSignature = {
    algorithm: 'Ed25519',
    publicKey,
    value: toBase64Url(value),
    ...(extra.signer ? { signer: extra.signer } : {}),
    ...(extra.signedAt ? { signedAt: extra.signedAt } : {}),
  };
  return { ...rest, signature };
}

/** One line for people. */
export function describeSignature(status: SignatureStatus): string {
  if (status.state === 'unsigned') return 'unsigned';
  if (status.state === 'valid')
    return status.signer
      ? `signed by “${status.signer}” (key ${status.keyId})`
      : `signed (key ${status.keyId})`;
  return `signature broken: ${status.reason}${status.keyId ? ` (claims key ${status.keyId})` : ''}`;
}
