// Finds the built-in explanation for a node: by layer class or graph op (tolerating version suffixes, fused-op
// prefixes and case), plus the explanation of the activation a layer names in its attributes.

import { ACTIVATION_GLOSSARY } from './activations';
import { GRAPH_OP_GLOSSARY } from './graph-ops';
import { LAYER_GLOSSARY } from './layers';
import { ONNX_OP_GLOSSARY } from './onnx-ops';
import type { Glossary, GlossaryEntry } from './types';

export type ModelKind = 'layers' | 'graph';

/** Ops are matched without case or leading underscores (`_FusedConv2D` and `__FusedConv2D` alike). */
const opKey = (name: string) => name.toLowerCase().replace(/^_+/, '');

function index(g: Glossary, key = opKey): Map<string, GlossaryEntry> {
  return new Map(Object.entries(g).map(([k, v]) => [key(k), v]));
}
/** Activations are spelled both ways: tf.js 'hardSigmoid', Keras 'hard_sigmoid'. */
const activationKey = (name: string) => name.toLowerCase().replace(/_/g, '');
const layersIndex = index(LAYER_GLOSSARY);
const opsIndex = index(GRAPH_OP_GLOSSARY);
const onnxIndex = index(ONNX_OP_GLOSSARY);
const activationsIndex = index(ACTIVATION_GLOSSARY, activationKey);

/** Names to try for an op, most specific first: as is, then without a version suffix (`FusedBatchNormV3`). */
function candidates(op: string): string[] {
  const key = opKey(op);
  const unversioned = key.replace(/v\d+$/, '');
  return unversioned !== key ? [key, unversioned] : [key];
}

/** The entry for a layer class or graph op; the model's own kind is searched first (Conv2D means both). */
export function lookupOp(op: string, kind: ModelKind = 'layers'): GlossaryEntry | null {
  // ONNX models are graphs too: their own op names (Conv, Gemm, GlobalAveragePool …) come after TensorFlow's.
  const order = kind === 'graph' ? [opsIndex, onnxIndex, layersIndex] : [layersIndex, opsIndex, onnxIndex];
  for (const name of candidates(op)) {
    for (const table of order) {
      const hit = table.get(name);
      if (hit) return hit;
    }
  }
  return null;
}

export function lookupActivation(name: string): GlossaryEntry | null {
  return activationsIndex.get(activationKey(name)) ?? null;
}

export interface NodeExplanation {
  op: GlossaryEntry | null;
  /** The activation the node applies after its main computation, when it names one other than linear. */
  activation: { name: string; entry: GlossaryEntry | null } | null;
}

/** Explains a node from its op and attributes (activation, fused_ops). */
export function explainNode(
  node: { op: string; attrs: Record<string, unknown> },
  kind: ModelKind,
): NodeExplanation {
  const op = lookupOp(node.op, kind);
  let activationName: string | null = null;
  const attr = node.attrs.activation;
  if (typeof attr === 'string' && attr.toLowerCase() !== 'linear' && node.op !== 'Activation') {
    activationName = attr;
  }
  const fused = node.attrs.fused_ops;
  if (Array.isArray(fused)) {
    const act = fused.find((f) => typeof f === 'string' && !/^(biasadd|add|fusedbatchnorm)/i.test(f));
    if (typeof act === 'string') activationName = act;
  }
  if (node.op === 'Activation' && typeof attr === 'string') {
    const entry = lookupActivation(attr);
    return { op: entry ? { ...entry, title: `Activation: ${entry.title}` } : op, activation: null };
  }
  return {
    op,
    activation: activationName ? { name: activationName, entry: lookupActivation(activationName) } : null,
  };
}
