// The weights digest in Node (model/weights-digest.ts): from a model's weight files (model.json + shards, decoded
// and dequantized by tf.js as the page's loader does) and from a model loaded with tf.js, through the hook's own code.
import { digestLiveModel } from '../../content-scripts/hook/probe/weights-digest';
import {
  canonicalWeightBytes,
  combineWeightsDigest,
  digestibleDtype,
  hasherOf,
  type WeightEntry,
  type WeightsDigestInfo,
} from '../../model/weights-digest';
import { readArtifacts, type Tf } from './tf-models';

export type FullDigest = WeightsDigestInfo & { entries: WeightEntry[] };

const nodeHasher = hasherOf(globalThis.crypto?.subtle ?? null);

/**
 * The digest of the weights a model's files hold: every weight of the manifest (optimizer weights left out, as
 * tf.js leaves them out of the model), decoded by tf.io.decodeWeights.
 */
export async function digestFromFiles(tf: Tf, source: string): Promise<FullDigest> {
  const { artifacts } = await readArtifacts(source);
  const start = performance.now();
  const specs = (artifacts.weightSpecs ?? []).filter((s) => (s as { group?: string }).group !== 'optimizer');
  const all = artifacts.weightSpecs ?? [];
  const decoded = tf.io.decodeWeights(artifacts.weightData as ArrayBuffer, all);
  const entries: WeightEntry[] = [];
  let bytes = 0;
  let skipped = 0;
  try {
    for (const spec of specs) {
      const t = decoded[spec.name];
      if (!t || !digestibleDtype(t.dtype)) {
        skipped++;
        continue;
      }
      const data = canonicalWeightBytes(t.dtype as 'float32' | 'int32' | 'bool', await t.data());
      bytes += data.byteLength;
      entries.push({
        name: spec.name,
        dtype: t.dtype,
        shape: t.shape.slice(),
        sha256: await nodeHasher(data),
      });
    }
  } finally {
    for (const t of Object.values(decoded)) t.dispose();
  }
  return {
    digest: combineWeightsDigest(entries),
    weights: entries.length,
    bytes,
    ms: Math.round((performance.now() - start) * 10) / 10,
    skipped,
    entries,
  };
}

/** The digest of a model loaded (and perhaps cut or split, as a page does) with tf.js: the hook's own code path. */
export function digestOfLoaded(model: object, kind: 'layers' | 'graph'): Promise<FullDigest> {
  return digestLiveModel({ kind, model }, nodeHasher);
}
