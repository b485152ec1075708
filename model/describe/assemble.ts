// Puts a ModelGraph together from described nodes: context fields, totals and fingerprint, shared by both kinds.
import { GRAPH_LIMITS, type ModelGraph, type ModelNode, type TensorRef } from '../model-graph';
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
  /** How many nodes the model has, when more than could be read (the reader stopped at GRAPH_LIMITS.maxNodes). */
  totalNodes?: number;
}

/** The note that says a description was cut, as the overlay shows it. */
export function truncationNote(total: number, shown: number): string {
  return `This model has ${total} nodes: only the first ${shown} are described.`;
}

/**
 * Keeps a description within GRAPH_LIMITS, so that a big model is described truncated, with a note, instead of
 * refused whole at the bridge: the first maxNodes nodes, and per node the first inputs and weights.
 */
function withinLimits(parts: GraphParts, notes: string[]): { nodes: ModelNode[]; total: number } {
  const total = Math.max(parts.totalNodes ?? 0, parts.nodes.length);
  const nodes = parts.nodes.slice(0, GRAPH_LIMITS.maxNodes);
  if (total > nodes.length) notes.push(truncationNote(total, nodes.length));
  let cut = 0;
  const fitted = nodes.map((n) => {
    if (
      n.inputs.length <= GRAPH_LIMITS.maxNodeInputs &&
      n.weights.length <= GRAPH_LIMITS.maxNodeWeights &&
      n.op.length <= GRAPH_LIMITS.maxOp
    ) {
      return n;
    }
    cut++;
    return {
      ...n,
      op: n.op.slice(0, GRAPH_LIMITS.maxOp),
      inputs: n.inputs.slice(0, GRAPH_LIMITS.maxNodeInputs),
      weights: n.weights.slice(0, GRAPH_LIMITS.maxNodeWeights),
    };
  });
  if (cut > 0) notes.push(`${cut} nodes have more inputs or weights than shown`);
  return { nodes: fitted, total };
}

export function assemble(input: GraphParts, ctx: DescribeContext): DescribedGraph {
  const notes = input.notes.slice();
  const { nodes, total } = withinLimits(input, notes);
  const parts = {
    ...input,
    nodes,
    inputs: input.inputs.slice(0, GRAPH_LIMITS.maxEndpoints),
    outputs: input.outputs.slice(0, GRAPH_LIMITS.maxEndpoints),
  };
  if (parts.inputs.length < input.inputs.length || parts.outputs.length < input.outputs.length)
    notes.push(`only the first ${GRAPH_LIMITS.maxEndpoints} inputs and outputs are listed`);
  let params = 0;
  let weightBytes = 0;
  for (const node of parts.nodes) {
    params += node.params;
    for (const w of node.weights) weightBytes += sizeOf(w.shape) * bytesPerValue(w.dtype);
  }
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
    totals: { nodes: total, params, trainableParams: parts.trainableParams, weightBytes },
    fingerprint: hash,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
