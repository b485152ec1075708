// Inline share links: a pack's JSON, deflate-raw compressed and base64url encoded into the URL fragment. Pure and
// bounded both ways: links stay short enough to paste, and decoding refuses garbage and decompression bombs.
import { readCapped } from '../../base/bytes';

export const INLINE_LIMITS = {
  /** Characters of the encoded fragment value: links beyond this break in mail and chat clients. */
  maxEncodedChars: 16_384,
  /** UTF-8 bytes of the JSON once inflated. */
  maxJsonBytes: 512 * 1024,
} as const;

export type InlineResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const B64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pump(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  maxOut: number,
): Promise<Uint8Array | 'too-large'> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return (await readCapped(stream.readable, maxOut)) ?? 'too-large';
}

/** Encodes pack JSON for `#literate-inline=`; refuses packs too large for a link, saying what to do instead. */
export async function encodeInlinePack(json: string): Promise<InlineResult<string>> {
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > INLINE_LIMITS.maxJsonBytes)
    return {
      ok: false,
      reason: `the pack is ${bytes.byteLength} bytes; inline links hold at most ${INLINE_LIMITS.maxJsonBytes}. Publish it on a static host and share a URL link instead.`,
    };
  const compressed = await pump(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  if (compressed === 'too-large') throw new Error('unreachable');
  const encoded = toBase64Url(compressed);
  if (encoded.length > INLINE_LIMITS.maxEncodedChars)
    return {
      ok: false,
      reason: `the pack compresses to ${encoded.length} characters; inline links hold at most ${INLINE_LIMITS.maxEncodedChars}. Publish it on a static host and share a URL link instead.`,
    };
  return { ok: true, value: encoded };
}

/** Decodes a `#literate-inline=` value back to JSON text (not yet validated as a pack). Never throws. */
export async function decodeInlinePack(encoded: string): Promise<InlineResult<string>> {
  if (encoded.length === 0) return { ok: false, reason: 'the inline pack is empty' };
  if (encoded.length > INLINE_LIMITS.maxEncodedChars)
    return {
      ok: false,
      reason: `the inline pack is longer than ${INLINE_LIMITS.maxEncodedChars} characters`,
    };
  const bytes = fromBase64Url(encoded);
  if (!bytes)
    return { ok: false, reason: 'the inline pack is not base64url text (was the link cut or altered?)' };
  let inflated: Uint8Array | 'too-large';
  try {
    inflated = await pump(bytes, new DecompressionStream('deflate-raw'), INLINE_LIMITS.maxJsonBytes);
  } catch {
    return {
      ok: false,
      reason: 'the inline pack is not valid compressed data (was the link cut or altered?)',
    };
  }
  if (inflated === 'too-large')
    return {
      ok: false,
      reason: `the inline pack expands beyond ${INLINE_LIMITS.maxJsonBytes} bytes; refused`,
    };
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, reason: 'the inline pack is not UTF-8 text' };
  }
}
