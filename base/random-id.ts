// Unguessable ids (sessions, nonces, drafts, stored sources) from the platform's cryptographic random source.
import { toHex } from './hex';

/** `prefix` then `bytes` random bytes as hex (2 characters each): randomId(8, 'd') → 'd3f9…' (17 characters). */
export function randomId(bytes: number, prefix = ''): string {
  return prefix + toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}
