// What one run of a pack shares: the pack, graphs and runners by alias, the picture source, the prober (time
// limits, run cap, cache) and the resolved example inputs; plus the lookups every example and check needs.
import type { ModelGraph } from '../../model/model-graph';
import { resolveModelSelector } from '../anchors/model-anchors';
import type { ExampleAnnotation, ModelSelector, Pack, Transform } from '../format/types';
import { modelTensor, resolveInput, type ResolvedInput } from './inputs';
import { CouldNotRun, type Prober } from './prober';
import { aliasOf } from './staleness';
import { applyTransform, describeTransform } from './transforms';
import type { InputSource, NodeValues } from './types';
import { graphLayout } from '../../model/data-layout';

export interface RunContext {
  pack: Pack;
  graphs: ReadonlyMap<string, ModelGraph>;
  inputs: InputSource;
  prober: Prober;
  timeoutMs: number;
  signal?: AbortSignal;
  resolved: Map<string, Promise<ResolvedInput>>;
}

/** Where to read values: the node a selector names (nodeIds [id]) or the model's first output (nodeIds []). */
export interface ReadPoint {
  nodeIds: string[];
  nodeId: string | null;
  channel?: number;
}

export function exampleById(pack: Pack, id: string): ExampleAnnotation | undefined {
  const item = pack.items.find((a) => a.id === id);
  return item?.kind === 'example' ? item : undefined;
}

export function labelsOf(pack: Pack, alias: string): string[] | undefined {
  return pack.targets.models.find((m) => m.alias === alias)?.labels;
}

/** The alias and graph a selector (or the pack's only model) refers to; throws CouldNotRun when there is none. */
export function modelFor(
  ctx: RunContext,
  selector?: { model?: string },
): { alias: string; graph: ModelGraph } {
  const alias = aliasOf(ctx.pack, selector);
  if (alias === null)
    throw new CouldNotRun('the pack targets several models: name one in target.model.model');
  const graph = ctx.graphs.get(alias);
  if (!graph) throw new CouldNotRun(`model '${alias}' is not loaded`);
  return { alias, graph };
}

/** Which node's output to read for a selector; a selector with no node reads the model's output. */
export function readPoint(selector: ModelSelector | undefined, graph: ModelGraph): ReadPoint {
  if (!selector) return { nodeIds: [], nodeId: null };
  const anchor = resolveModelSelector(selector, graph);
  if (anchor.status === 'orphan') throw new CouldNotRun(`cannot find what it is about: ${anchor.reason}`);
  if (!anchor.node) return { nodeIds: [], nodeId: null };
  if (anchor.tensor && anchor.tensor.role !== 'output')
    throw new CouldNotRun(`it names the ${anchor.tensor.role} of ${anchor.node.id}: only outputs can be run`);
  const point: ReadPoint = { nodeIds: [anchor.node.id], nodeId: anchor.node.id };
  if (anchor.channel !== undefined) point.channel = anchor.channel;
  return point;
}

/** A selector names a node (not just a model). */
export const namesNode = (selector: ModelSelector | undefined): boolean =>
  selector !== undefined &&
  (selector.node !== undefined ||
    selector.pattern !== undefined ||
    selector.index !== undefined ||
    selector.op !== undefined);

export function exampleInput(
  ctx: RunContext,
  example: ExampleAnnotation,
  graph: ModelGraph,
): Promise<ResolvedInput> {
  const key = `${graph.id}\u0000${example.id}`;
  let resolved = ctx.resolved.get(key);
  if (!resolved) {
    resolved = resolveInput(example, graph, ctx.inputs, ctx.timeoutMs, ctx.signal);
    ctx.resolved.set(key, resolved);
  }
  return resolved;
}

/** Runs an example (optionally transformed, or with one input element replaced) and returns the first values. */
export async function runOn(
  ctx: RunContext,
  example: ExampleAnnotation,
  alias: string,
  graph: ModelGraph,
  point: ReadPoint,
  variant?: { transform: Transform } | { index: number; value: number },
): Promise<NodeValues> {
  const input = await exampleInput(ctx, example, graph);
  let values = input.values;
  let key: string | undefined = example.id;
  if (variant && 'transform' in variant) {
    const changed = applyTransform(values, input.shape, variant.transform, input.scale);
    if (typeof changed === 'string')
      throw new CouldNotRun(`cannot apply ${describeTransform(variant.transform)}: ${changed}`);
    values = changed;
    key += `\u0000${JSON.stringify(variant.transform)}`;
  } else if (variant) {
    values = values.slice();
    values[variant.index] = variant.value;
    key = undefined;
  }
  const out = await ctx.prober.run(
    alias,
    { type: 'tensor', ...modelTensor(input, values) },
    point.nodeIds,
    key,
  );
  const first = out[0];
  if (!first || !(first.values instanceof Float32Array || first.values instanceof Int32Array))
    throw new CouldNotRun('the model returned no values');
  if (point.channel === undefined) return first;
  if (graphLayout(graph) === 'channels-first' && first.shape.length === 4)
    return channelFirstPick(first, point.channel);
  const width = first.shape[first.shape.length - 1] ?? 0;
  if (point.channel >= width) throw new CouldNotRun(`channel ${point.channel} is out of range (${width})`);
  const picked = new Float32Array(Math.floor(first.values.length / Math.max(1, width)));
  for (let i = 0; i < picked.length; i++) picked[i] = first.values[i * width + point.channel] ?? NaN;
  return { nodeId: first.nodeId, shape: [...first.shape.slice(0, -1), 1], values: picked };
}

/** Channel c of an [N, C, H, W] value, as [N, 1, H, W]. */
function channelFirstPick(first: NodeValues, channel: number): NodeValues {
  const [n, c, h, w] = first.shape as [number, number, number, number];
  if (channel >= c) throw new CouldNotRun(`channel ${channel} is out of range (${c})`);
  const plane = h * w;
  const picked = new Float32Array(n * plane);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < plane; j++)
      picked[i * plane + j] = first.values[(i * c + channel) * plane + j] ?? NaN;
  return { nodeId: first.nodeId, shape: [n, 1, h, w], values: picked };
}
