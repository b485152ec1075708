// The weights digest of an ONNX model, computed from the model file's bytes by the content script (bytes the hook
// already handed over for describing) and by the CLI (the .onnx file) with this one definition:
//   every initializer of the main graph whose values the file holds, as an 'lwd1' entry (model/weights-digest.ts):
//   [initializer name, ONNX dtype name ('float32', 'int64', 'float16' …), dims, SHA-256 of its canonical bytes]
//   (readInitializer: raw_data as stored, little-endian; typed fields packed into the element type's own width),
//   combined as 'lwd1' does (sorted by name, then hash). Initializers stored outside the file (external data) and
//   string tensors are left out and counted in `skipped`.

import {
  combineWeightsDigest,
  type BytesHasher,
  type WeightEntry,
  type WeightsDigestInfo,
} from '../weights-digest';
import { listInitializers, readInitializer } from './onnx-initializers';

/** What digesting reports beyond WeightsDigestInfo: the entries (for a diff) and the names left out as external. */
export type OnnxDigest = WeightsDigestInfo & { entries: WeightEntry[]; external: string[] };

/** Initializer bytes hashed at most (the file bounds them anyway; a bound against a hostile size field). */
const MAX_TENSOR_BYTES = 2 ** 31;

export async function digestOnnxBytes(
  file: Uint8Array,
  hash: BytesHasher,
  now: () => number = () => Date.now(),
): Promise<OnnxDigest> {
  const start = now();
  const entries: WeightEntry[] = [];
  const external: string[] = [];
  let bytes = 0;
  let skipped = 0;
  for (const ref of listInitializers(file)) {
    const init = readInitializer(file, ref, MAX_TENSOR_BYTES);
    if ('unread' in init) {
      skipped++;
      if (init.unread === 'external') external.push(init.name);
      continue;
    }
    bytes += init.bytes.byteLength;
    entries.push({
      name: init.name,
      dtype: init.dtype,
      shape: init.dims.slice(),
      sha256: await hash(init.bytes),
    });
  }
  return {
    digest: combineWeightsDigest(entries),
    weights: entries.length,
    bytes,
    ms: Math.round((now() - start) * 10) / 10,
    skipped,
    entries,
    external,
  };
}
