// Weights of ONNX Runtime Web sessions, answered here in the content script from the model bytes the hook already
// handed over for describing (never fetched for this): a node's weight values for its view, and the weights digest
// (model/onnx/onnx-weights-digest.ts). Bytes are kept per model up to a bound; beyond it they are asked for again.

import { t } from '../../extension/ui/i18n';
import type { ModelGraph } from '../../model/model-graph';
import { digestOnnxBytes } from '../../model/onnx/onnx-weights-digest';
import { initializerIndex, weightBlock } from '../../model/onnx/onnx-weight-values';
import { hasherOf, type WeightsDigestInfo } from '../../model/weights-digest';
import type { WeightValues } from '../../protocol/bridge';

/** A reader-facing reason a node's weights are not shown (the weights view says it instead of the values). */
export class WeightsNotShown extends Error {}

/** Bytes of ONNX models kept, all together (a model bigger than this is asked for again on each use). */
const KEEP_BYTES = 128 * 1024 * 1024;

export interface OnnxWeightsDeps {
  /** The model's bytes again from the hook (the copy it hands over for describing). */
  bytes(modelId: string): Promise<ArrayBuffer>;
  graph(modelId: string): Promise<ModelGraph>;
}

export class OnnxWeights {
  private kept = new Map<string, Uint8Array>();
  private readonly hash = hasherOf(globalThis.crypto?.subtle ?? null);

  constructor(private readonly deps: OnnxWeightsDeps) {}

  /** Keeps a model's bytes (the newest models first in, oldest let go past the bound). */
  keep(modelId: string, bytes: ArrayBuffer): void {
    this.kept.delete(modelId);
    if (bytes.byteLength > KEEP_BYTES) return;
    this.kept.set(modelId, new Uint8Array(bytes));
    let total = 0;
    for (const b of this.kept.values()) total += b.byteLength;
    for (const [id, b] of this.kept) {
      if (total <= KEEP_BYTES) break;
      this.kept.delete(id);
      total -= b.byteLength;
    }
  }

  private async file(modelId: string): Promise<Uint8Array> {
    const held = this.kept.get(modelId);
    if (held) return held;
    const bytes = await this.deps.bytes(modelId);
    this.keep(modelId, bytes);
    return new Uint8Array(bytes);
  }

  /**
   * The values of a node's weights: a Const node's own initializer; an op's initializers are read through its
   * Const inputs (the weights view asks for those), so an op answers none.
   */
  async read(modelId: string, nodeId: string, maxValues: number): Promise<WeightValues[]> {
    const graph = await this.deps.graph(modelId);
    const node = graph.nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`No node ${nodeId} in this model.`);
    if (node.category !== 'const' || node.weights.length === 0) return [];
    const file = await this.file(modelId);
    const ref = initializerIndex(file).get(node.weights[0]!.name);
    if (!ref) return [];
    const block = weightBlock(file, ref, maxValues);
    if ('unread' in block) {
      if (block.unread === 'external') throw new WeightsNotShown(t('onnxWeightsExternal'));
      throw new WeightsNotShown(t('onnxWeightsNotDrawn', block.dtype));
    }
    const values = block.values.slice();
    return [
      {
        name: block.name,
        shape: block.shape,
        sourceShape: block.sourceShape,
        dtype: 'float32',
        buffer: values.buffer,
        stats: block.stats,
      },
    ];
  }

  /** The weights digest; initializers stored outside the file are left out and counted in `skipped`. */
  async digest(modelId: string): Promise<WeightsDigestInfo> {
    const file = await this.file(modelId);
    const { digest, weights, bytes, ms, skipped } = await digestOnnxBytes(file, this.hash, () =>
      performance.now(),
    );
    return { digest, weights, bytes, ms, skipped };
  }
}
