// Resolving model selectors (node by name, pattern, op + nth, index; tensor role; channel/unit) against a
// ModelGraph. A selector that matches nothing or more than one thing is an orphan with a reason naming what exists.
import type { ModelGraph, ModelNode, Shape, WeightSpec } from '../../model/model-graph';
import type { ModelSelector, TensorRole } from '../format/types';
import { closest } from '../format/suggest';

export interface ResolvedTensor {
  role: TensorRole;
  shape: Shape | null;
  /** The weight, for weight roles. */
  weight?: WeightSpec;
}

export type ModelAnchor =
  | {
      status: 'resolved';
      confidence: number;
      graphId: string;
      /** Null when the selector names the whole model. */
      node: ModelNode | null;
      tensor: ResolvedTensor | null;
      /** Index along the tensor's last axis, when the selector gives channel or unit. */
      channel?: number;
      /** Human-readable: "conv1 (Conv2D) kernel [3, 3, 1, 8], channel 2". */
      description: string;
    }
  | { status: 'orphan'; reason: string };

type Located = { node: ModelNode; confidence: number } | { reason: string };

const list = (names: string[], max = 5): string =>
  names.slice(0, max).join(', ') + (names.length > max ? `, … (${names.length} in all)` : '');

/** Compiles a node pattern: `/regex/` or a glob where `*` is any run and `?` one character. */
export function compileNodePattern(pattern: string): RegExp | undefined {
  try {
    if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/'))
      return new RegExp(pattern.slice(1, -1));
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp(`^${source}$`);
  } catch {
    return undefined;
  }
}

function locateNode(selector: ModelSelector, graph: ModelGraph): Located | null {
  const nodes = graph.nodes;
  const ids = nodes.map((n) => n.id);
  if (selector.node !== undefined) {
    const node = nodes.find((n) => n.id === selector.node);
    if (!node) {
      const near = closest(selector.node, ids, 3);
      return {
        reason: `no node named ${selector.node}${near.length > 0 ? `; closest: ${near.join(', ')}` : ''}`,
      };
    }
    return { node, confidence: 1 };
  }
  if (selector.pattern !== undefined) {
    const regex = compileNodePattern(selector.pattern);
    if (!regex) return { reason: `invalid node pattern ${selector.pattern}` };
    const matches = nodes.filter((n) => regex.test(n.id));
    if (matches.length === 0) return { reason: `no node matches ${selector.pattern}` };
    if (matches.length > 1)
      return {
        reason: `pattern ${selector.pattern} matches ${matches.length} nodes (${list(matches.map((n) => n.id))}); it must match exactly one`,
      };
    return { node: matches[0] as ModelNode, confidence: 0.95 };
  }
  if (selector.index !== undefined) {
    const node = nodes.find((n) => n.index === selector.index);
    if (!node)
      return { reason: `no node with index ${selector.index} (the model has ${nodes.length} nodes)` };
    return { node, confidence: 0.8 };
  }
  if (selector.op !== undefined) {
    const sameOp = nodes.filter((n) => n.op === selector.op).sort((a, b) => a.index - b.index);
    if (sameOp.length === 0) {
      const ops = [...new Set(nodes.map((n) => n.op))];
      const near = closest(selector.op, ops, 3);
      return {
        reason: `no node with op ${selector.op}${near.length > 0 ? `; ops nearby: ${near.join(', ')}` : ''}`,
      };
    }
    if (selector.nth === undefined) {
      if (sameOp.length > 1)
        return {
          reason: `${sameOp.length} nodes have op ${selector.op} (${list(sameOp.map((n) => n.id))}); add nth or name the node`,
        };
      return { node: sameOp[0] as ModelNode, confidence: 0.9 };
    }
    const position = selector.nth < 0 ? sameOp.length + selector.nth : selector.nth;
    const node = sameOp[position];
    if (!node)
      return { reason: `nth ${selector.nth} is out of range: ${sameOp.length} nodes have op ${selector.op}` };
    return { node, confidence: 0.9 };
  }
  return null; // the whole model
}

function pickTensor(node: ModelNode, role: TensorRole): ResolvedTensor | string {
  if (role === 'output') return { role, shape: node.outputShape };
  const weights = node.weights.filter((w) => w.role === role);
  if (weights.length === 0) {
    const roles = node.weights.map((w) => w.role);
    return `${node.id} has no ${role}${roles.length > 0 ? ` (weights: ${roles.join(', ')})` : ' (no weights)'}`;
  }
  if (weights.length > 1)
    return `${node.id} has ${weights.length} ${role} weights (${list(weights.map((w) => w.name))})`;
  const weight = weights[0] as WeightSpec;
  return { role, shape: weight.shape, weight };
}

const shapeText = (shape: Shape | null): string =>
  shape ? `[${shape.map((d) => (d === null ? '?' : d)).join(', ')}]` : '[unknown shape]';

/** Resolves a model selector against the graph its alias is bound to. */
export function resolveModelSelector(selector: ModelSelector, graph: ModelGraph): ModelAnchor {
  const located = locateNode(selector, graph);
  if (located && 'reason' in located) return { status: 'orphan', reason: located.reason };
  const node = located?.node ?? null;
  let confidence = located?.confidence ?? 1;

  if (selector.op !== undefined && node && node.op !== selector.op)
    return { status: 'orphan', reason: `${node.id} is ${node.op}, not ${selector.op}` };

  if (!node) {
    if (selector.role !== undefined || selector.channel !== undefined || selector.unit !== undefined)
      return { status: 'orphan', reason: 'a tensor role or channel needs a node' };
    return {
      status: 'resolved',
      confidence,
      graphId: graph.id,
      node: null,
      tensor: null,
      description: `model ${graph.name}`,
    };
  }

  const role = selector.role ?? 'output';
  const tensor = pickTensor(node, role);
  if (typeof tensor === 'string') return { status: 'orphan', reason: tensor };
  let description = `${node.id} (${node.op}) ${role} ${shapeText(tensor.shape)}`;

  const channel = selector.channel ?? selector.unit;
  if (channel !== undefined) {
    const axis = tensor.shape && tensor.shape.length > 0 ? tensor.shape[tensor.shape.length - 1] : undefined;
    const word = selector.unit !== undefined ? 'unit' : 'channel';
    if (axis === undefined)
      return { status: 'orphan', reason: `${node.id} ${role} has no axis to pick a ${word} from` };
    if (axis === null) confidence = Math.min(confidence, 0.9);
    else if (channel >= axis)
      return {
        status: 'orphan',
        reason: `${word} ${channel} is out of range: ${node.id} ${role} has ${axis} ${word}s`,
      };
    description += `, ${word} ${channel}`;
    return { status: 'resolved', confidence, graphId: graph.id, node, tensor, channel, description };
  }
  return { status: 'resolved', confidence, graphId: graph.id, node, tensor, description };
}

/**
 * Resolves a selector whose alias is bound through matchModels: `graphs` maps each bound alias to its graph.
 * `defaultAlias` is the pack's only model alias, used when the selector names none.
 */
export function resolveModelAnchor(
  selector: ModelSelector,
  graphs: ReadonlyMap<string, ModelGraph>,
  defaultAlias?: string,
): ModelAnchor {
  const alias = selector.model ?? defaultAlias;
  if (alias === undefined)
    return { status: 'orphan', reason: 'the selector names no model and the pack targets several' };
  const graph = graphs.get(alias);
  if (!graph) return { status: 'orphan', reason: `model '${alias}' is not bound to a model on this page` };
  return resolveModelSelector(selector, graph);
}
