// Learns a GraphModel's intermediate output shapes from one of the page's own calls, since graph JSON rarely records
// them: the op nodes are appended to that one call's requested outputs, their shapes read (no readback), the extras
// disposed and the wrappers removed. Armed once per model, and only by a describe that asks for it: the overlay
// showing the model's outline (describes to match packs or on a hover intent cost the page nothing).

import type { Shape } from '../../../model/model-graph';
import { pageGlobals, read, safely } from '../page-globals';
import { hookExecutor } from './graph-hooks';

/** Ops that put a node inside a loop or a branch: asking for such nodes as outputs can fail, so we do not try. */
const CONTROL_FLOW = new Set([
  'Enter',
  'Exit',
  'Merge',
  'Switch',
  'NextIteration',
  'LoopCond',
  'If',
  'StatelessIf',
  'While',
  'StatelessWhile',
]);

/** Most nodes asked for in the one call (a bigger graph learns the first ones in topological order). */
export const MAX_LIVE_SHAPE_NODES = 4096;

const learned = new pageGlobals.WeakMap<object, Record<string, Shape>>();
const armed = new pageGlobals.WeakMap<object, true>();

/** The shapes learned for this model so far (undefined: none yet). */
export function liveShapesOf(model: object): Record<string, Shape> | undefined {
  return learned.get(model);
}

export interface ShapeNode {
  id: string;
  op: string;
  category: string;
  shapeSource: string;
}

/** The nodes whose shapes a live call could teach: ops with an unknown shape, none if the graph has control flow. */
export function nodesToLearn(nodes: readonly ShapeNode[]): string[] {
  if (nodes.some((n) => CONTROL_FLOW.has(n.op))) return [];
  return nodes
    .filter((n) => n.category === 'op' && n.shapeSource === 'unknown')
    .slice(0, MAX_LIVE_SHAPE_NODES)
    .map((n) => n.id);
}

/**
 * The describe handler's part: arms `learnShapesOnce` for a described GraphModel only when the describe carried
 * `learnShapes: true`. Returns false if nothing was armed.
 */
export function learnShapesIfAsked(
  request: { learnShapes?: true },
  kind: 'layers' | 'graph',
  model: object,
  graph: { nodes: readonly ShapeNode[] } | null,
  canCapture: () => boolean,
  learnedCallback: (count: number) => void,
): boolean {
  if (request.learnShapes !== true || kind !== 'graph' || !graph) return false;
  return learnShapesOnce(model, nodesToLearn(graph.nodes), canCapture, learnedCallback);
}

/**
 * Arms a one-shot listener on the model's executor: the page's next call (when `canCapture` allows it) also yields
 * `names`, whose shapes are stored and reported through `learnedCallback`. Returns false if nothing was armed.
 */
export function learnShapesOnce(
  model: object,
  names: string[],
  canCapture: () => boolean,
  learnedCallback: (count: number) => void,
): boolean {
  if (names.length === 0 || armed.has(model) || learned.has(model)) return false;
  const executor = read(model, 'executor');
  if (!executor || typeof executor !== 'object') return false;
  let fired = false;
  let undo: (() => void) | null = null;
  const stop = (): void => {
    const u = undo;
    undo = null;
    if (u) pageGlobals.setTimeout(() => safely(u, undefined), 0);
  };
  undo = hookExecutor(executor, {
    begin: () => {
      if (fired || !safely(canCapture, false)) return [];
      fired = true;
      return names;
    },
    deliver: (values) => {
      const shapes: Record<string, Shape> = {};
      let count = 0;
      for (const [name, tensor] of values) {
        const shape = safely(() => plainShape(read(tensor, 'shape')), null);
        if (shape) {
          shapes[name] = shape;
          count++;
        }
      }
      learned.set(model, shapes);
      stop();
      safely(() => learnedCallback(count), undefined);
    },
    rejected: () => stop(),
  });
  if (!undo) return false;
  armed.set(model, true);
  return true;
}

function plainShape(shape: unknown): Shape | null {
  if (!pageGlobals.isArray(shape) || shape.length > 8) return null;
  const out: number[] = [];
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) return null;
    out.push(d);
  }
  return out;
}
