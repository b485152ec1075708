// Puts a ModelGraph together from described nodes: context fields, totals and fingerprint, shared by both kinds.
import type { ModelGraph, ModelNode, TensorRef } from '../model-graph';
import { fingerprint } from './fingerprint';
import { bytesPerValue, errorText, sizeOf } from './safe-read';
import type { DescribeContext, DescribedGraph } from './types';

export interface GraphParts {
  kind: ModelGraph['kind'];
  name: string;
  format: string | null;
  nodes: ModelNode[];
  inputs: TensorRef[];
  outputs: TensorRef[];
  trainableParams: number;
  notes: string[];
}

export function assemble(parts: GraphParts, ctx: DescribeContext): DescribedGraph {
  let params = 0;
  let weightBytes = 0;
  for (const node of parts.nodes) {
    params += node.params;
    for (const w of node.weights) weightBytes += sizeOf(w.shape) * bytesPerValue(w.dtype);
  }
  const notes = parts.notes.slice();
  let hash = '';
  try {
    hash = fingerprint(parts);
  } catch (e) {
    notes.push('fingerprint failed: ' + errorText(e));
  }
  // Built as literals only: assignments could hit setters a hostile page put on Object.prototype.
  return {
    schema: 1,
    id: ctx.id,
    kind: parts.kind,
    name: parts.name,
    sourceUrl: ctx.sourceUrl,
    origin: ctx.origin,
    format: ctx.format ?? parts.format,
    backend: ctx.backend,
    tfjsVersion: ctx.tfjsVersion,
    tfjsVersionClass: ctx.tfjsVersionClass,
    inputs: parts.inputs,
    outputs: parts.outputs,
    nodes: parts.nodes,
    totals: { nodes: parts.nodes.length, params, trainableParams: parts.trainableParams, weightBytes },
    fingerprint: hash,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
