// The weights digest binds an explanation to the exact weight *values* a model holds (the fingerprint covers only
// topology and weight specs): the page (hook) and the CLI (weight files) compute it with this one definition.
//
// Canonical form, version 'lwd1':
//   each weight: name (tf.js original/manifest name), dtype as held ('float32' | 'int32' | 'bool'), shape, and the
//   SHA-256 of its values as little-endian bytes (float32: IEEE 754 binary32, int32: two's complement, bool: one byte
//   0/1), quantized weights as the model holds them after dequantization (float32);
//   the digest: lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON (fingerprint.ts) of
//     ['lwd1', [[name, dtype, shape, sha256], …]]   sorted by name, then by the weight's own sha256.
// Per-weight hashes keep memory flat (one weight's bytes at a time) and let a tool say which weight differs.
import { canonicalJson } from './describe/fingerprint';
import { sha256Bytes, sha256Hex } from './describe/sha256';

export const WEIGHTS_DIGEST_VERSION = 'lwd1';

/** One weight, hashed. */
export interface WeightEntry {
  name: string;
  dtype: string;
  shape: number[];
  /** Hex SHA-256 of the canonical bytes of its values. */
  sha256: string;
}

/** What a weights-digest computation reports (the hook sends this over the bridge). */
export interface WeightsDigestInfo {
  /** Lower-case hex SHA-256 ('lwd1'). */
  digest: string;
  /** Weights hashed. */
  weights: number;
  /** Bytes of weight values hashed. */
  bytes: number;
  /** Wall time, milliseconds (reading the values back and hashing). */
  ms: number;
  /** Weights left out (dtypes without a canonical byte form, e.g. string). */
  skipped: number;
}

export const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

export function isWeightsDigest(v: unknown): v is string {
  return typeof v === 'string' && DIGEST_PATTERN.test(v);
}

/** The dtypes that have a canonical byte form. */
export function digestibleDtype(dtype: string | null): dtype is 'float32' | 'int32' | 'bool' {
  return dtype === 'float32' || dtype === 'int32' || dtype === 'bool';
}

/** The canonical bytes of a weight's values (a fresh array; the platform's typed arrays are little-endian). */
export function canonicalWeightBytes(
  dtype: 'float32' | 'int32' | 'bool',
  values: ArrayLike<number>,
): Uint8Array {
  // Values already in their canonical array type are hashed in place (no copy of a large weight).
  const typed =
    dtype === 'float32'
      ? values instanceof Float32Array
        ? values
        : Float32Array.from(values)
      : dtype === 'int32'
        ? values instanceof Int32Array
          ? values
          : Int32Array.from(values)
        : Uint8Array.from(values, (v) => (v ? 1 : 0));
  const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  if (LITTLE_ENDIAN || typed.BYTES_PER_ELEMENT === 1) return bytes;
  // A big-endian platform (none we know of runs browsers): swap every element into little-endian order.
  const out = new Uint8Array(bytes.length);
  const n = typed.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += n) for (let j = 0; j < n; j++) out[i + j] = bytes[i + n - 1 - j]!;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Hashes bytes to lower-case hex SHA-256: WebCrypto where given, else the small synchronous implementation. */
export type BytesHasher = (bytes: Uint8Array) => Promise<string>;

export function hasherOf(subtle: Pick<SubtleCrypto, 'digest'> | null | undefined): BytesHasher {
  if (!subtle) return (bytes) => Promise.resolve(sha256Bytes(bytes));
  return async (bytes) => {
    const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    const view = new Uint8Array(digest);
    let hex = '';
    for (let i = 0; i < view.length; i++) hex += view[i]!.toString(16).padStart(2, '0');
    return hex;
  };
}

/** The canonical order of entries: by name, then by hash (so duplicate names still order one way). */
export function sortEntries(entries: readonly WeightEntry[]): WeightEntry[] {
  return [...entries].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0,
  );
}

/** The 'lwd1' digest of hashed weights. */
export function combineWeightsDigest(entries: readonly WeightEntry[]): string {
  return sha256Hex(
    canonicalJson([
      WEIGHTS_DIGEST_VERSION,
      sortEntries(entries).map((w) => [w.name, w.dtype, w.shape, w.sha256]),
    ]),
  );
}

/** The names of the weights that differ between two hashed lists (added, removed or changed). */
export function differingWeights(a: readonly WeightEntry[], b: readonly WeightEntry[]): string[] {
  const key = (w: WeightEntry): string => canonicalJson([w.dtype, w.shape, w.sha256]);
  const left = new Map(a.map((w) => [w.name, key(w)]));
  const right = new Map(b.map((w) => [w.name, key(w)]));
  const out = new Set<string>();
  for (const [name, k] of left) if (right.get(name) !== k) out.add(name);
  for (const name of right.keys()) if (!left.has(name)) out.add(name);
  return [...out].sort();
}
