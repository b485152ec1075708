// SHA-256 for fingerprints, weight digests and signatures, from an audited library (@noble/hashes): synchronous —
// crypto.subtle is async and missing on insecure (http) pages —, small, and free of eval.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does) without the page's TextEncoder. */
export function utf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) out[n++] = 0xc0 | (c >> 6);
    else {
      if (c < 0x10000) out[n++] = 0xe0 | (c >> 12);
      else {
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
      }
      out[n++] = 0x80 | ((c >> 6) & 63);
    }
    out[n++] = 0x80 | (c & 63);
  }
  return out.subarray(0, n);
}

/** Lower-case hex SHA-256 of bytes. */
export function sha256Bytes(data: Uint8Array): string {
  return bytesToHex(sha256(data));
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(s: string): string {
  return sha256Bytes(utf8(s));
}
