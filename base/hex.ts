// Bytes as lower-case hex (ids, digests): written once, two characters a byte.

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
