// The weights digest of an ONNX file in Node (model/onnx/onnx-weights-digest.ts): the same definition and code the
// content script uses on the bytes of a page's session, hashed with Node's WebCrypto.
import { readFile } from 'node:fs/promises';
import { digestOnnxBytes, type OnnxDigest } from '../../model/onnx/onnx-weights-digest';
import { hasherOf } from '../../model/weights-digest';
import { MAX_ONNX_BYTES } from './onnx-models';

const nodeHasher = hasherOf(globalThis.crypto?.subtle ?? null);

export function digestOnnxFileBytes(bytes: Uint8Array): Promise<OnnxDigest> {
  return digestOnnxBytes(bytes, nodeHasher, () => performance.now());
}

/** The digest of an .onnx file or http(s) URL (external-data files beside it are not read: counted as skipped). */
export async function digestOnnxSource(source: string): Promise<OnnxDigest> {
  let bytes: Uint8Array;
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${source}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } else bytes = new Uint8Array(await readFile(source));
  if (bytes.byteLength > MAX_ONNX_BYTES) throw new Error(`${source} is larger than ${MAX_ONNX_BYTES} bytes`);
  return digestOnnxFileBytes(bytes);
}
