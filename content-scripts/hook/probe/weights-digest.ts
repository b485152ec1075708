// The weights digest of a live model (model/weights-digest.ts), on request only: every weight the model holds is
// read back once, hashed one at a time (WebCrypto captured at install, else the small JS SHA-256) and let go.
// The page's tensors are only read: nothing is created, nothing disposed, the page's outputs are untouched.

import {
  canonicalWeightBytes,
  combineWeightsDigest,
  digestibleDtype,
  hasherOf,
  type BytesHasher,
  type WeightEntry,
  type WeightsDigestInfo,
} from '../../../model/weights-digest';
import { pageGlobals, read, safely } from '../page-globals';
import * as ops from '../tensor-ops';

/** Captured as the hook installs (document_start), before page scripts could replace it; null on insecure pages. */
const subtle = safely((): Pick<SubtleCrypto, 'digest'> | null => {
  const s = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!s || typeof s.digest !== 'function') return null;
  const digest = s.digest.bind(s);
  return { digest };
}, null);

export const pageHasher: BytesHasher = hasherOf(subtle);

/** Most weights one model may have for us to hash (a bound against hostile objects). */
const MAX_WEIGHTS = 20_000;

export interface DigestSource {
  kind: 'layers' | 'graph';
  model: object;
}

/** Every weight the model holds, as [name, tensor]: a LayersModel's layer weights, a GraphModel's weight map. */
export function namedWeights(source: DigestSource): [string, ops.Tensor][] {
  const out: [string, ops.Tensor][] = [];
  if (source.kind === 'layers') {
    const weights = read(source.model, 'weights');
    if (!pageGlobals.isArray(weights)) throw new Error('the model lists no weights');
    if (weights.length > MAX_WEIGHTS) throw new Error('the model has too many weights to hash');
    for (let i = 0; i < weights.length; i++) {
      const v = weights[i];
      const name = read(v, 'originalName') ?? read(v, 'name');
      const t = ops.isTensor(v) ? v : ops.callMethod(v, 'read', []);
      if (typeof name !== 'string' || !ops.isTensor(t)) throw new Error(`weight ${i} cannot be read`);
      out.push([name, t]);
    }
    return out;
  }
  const executor = read(source.model, 'executor');
  const weightMap = read(executor, 'weightMap');
  if (!weightMap || typeof weightMap !== 'object') throw new Error('the model has no weight map');
  const names = safely(() => Object.keys(weightMap), [] as string[]);
  if (names.length > MAX_WEIGHTS) throw new Error('the model has too many weights to hash');
  for (const name of names) {
    const list = read(weightMap, name);
    if (!pageGlobals.isArray(list)) continue;
    // A node's weights are one tensor; more (rare) are told apart by their index.
    for (let i = 0; i < list.length; i++)
      if (ops.isTensor(list[i])) out.push([list.length === 1 ? name : `${name}:${i}`, list[i] as ops.Tensor]);
  }
  return out;
}

/** The values of one weight as its canonical bytes. */
async function bytesOf(t: ops.Tensor, dtype: 'float32' | 'int32' | 'bool'): Promise<Uint8Array> {
  const data = (await (ops.callMethod(t, 'data', []) as Promise<unknown>)) as ArrayLike<number>;
  if (!data || typeof data.length !== 'number') throw new Error('a weight could not be read back');
  return canonicalWeightBytes(dtype, data);
}

/** Most bytes of weight values read back at once (read together, a GPU backend waits for one fence, not one each). */
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Hashes every weight of the model: values read back in batches of up to BATCH_BYTES (reading them one at a time
 * costs a GPU round trip each, seconds on a busy WebGL page), hashed one by one, then let go. The per-weight entries
 * come back too (for the CLI's diff).
 */
export async function digestLiveModel(
  source: DigestSource,
  hash: BytesHasher = pageHasher,
): Promise<WeightsDigestInfo & { entries: WeightEntry[] }> {
  const start = pageGlobals.now();
  const entries: WeightEntry[] = [];
  let bytes = 0;
  let skipped = 0;
  const todo: { name: string; t: ops.Tensor; dtype: 'float32' | 'int32' | 'bool'; shape: number[] }[] = [];
  for (const [name, t] of namedWeights(source)) {
    const dtype = ops.dtypeOf(t);
    const shape = ops.shapeOf(t);
    if (!digestibleDtype(dtype) || !shape) skipped++;
    else todo.push({ name, t, dtype, shape });
  }
  for (let i = 0; i < todo.length;) {
    const batch: typeof todo = [];
    let size = 0;
    while (i < todo.length && (batch.length === 0 || size < BATCH_BYTES)) {
      const w = todo[i++]!;
      batch.push(w);
      size += ops.sizeOf(w.shape) * (w.dtype === 'bool' ? 1 : 4);
    }
    const values = await pageGlobals.Promise.all(batch.map((w) => bytesOf(w.t, w.dtype)));
    for (let j = 0; j < batch.length; j++) {
      const w = batch[j]!;
      const data = values[j]!;
      bytes += data.byteLength;
      entries.push({ name: w.name, dtype: w.dtype, shape: w.shape, sha256: await hash(data) });
    }
  }
  return {
    digest: combineWeightsDigest(entries),
    weights: entries.length,
    bytes,
    ms: Math.round((pageGlobals.now() - start) * 10) / 10,
    skipped,
    entries,
  };
}
