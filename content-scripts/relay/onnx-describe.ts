// Describes an ONNX Runtime Web session from the model bytes the hook handed over: parsed here, in the content
// script, so the page pays for no parser; the result is validated like any graph that crossed the bridge.

import { t } from '../../extension/ui/i18n';
import type { ModelGraph, Shape } from '../../model/model-graph';
import { parseModelGraph } from '../../model/model-graph-validate';
import { describeOnnxBytes } from '../../model/onnx/describe-onnx';
import type { OnnxModelSource } from '../../protocol/bridge';

export function describeOnnxSource(modelId: string, source: OnnxModelSource): ModelGraph {
  const liveShapes: Record<string, Shape> = {};
  for (const { name, shape } of source.liveShapes) liveShapes[name] = shape;
  let graph: ModelGraph;
  try {
    graph = describeOnnxBytes(new Uint8Array(source.bytes), {
      id: modelId,
      sourceUrl: source.url,
      origin: source.origin,
      executionProvider: source.executionProvider,
      runtimeVersion: source.runtimeVersion,
      liveShapes,
    });
  } catch (e) {
    const where = source.url ? ` (${source.url})` : '';
    throw new Error(t('onnxUnreadable', where, e instanceof Error ? e.message : String(e)));
  }
  const valid = parseModelGraph(graph);
  if (!valid) throw new Error('The ONNX model was described, but its description is out of bounds.');
  return valid;
}
