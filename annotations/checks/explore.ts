// Runs a pack's controls: the input a control makes at a setting (its example changed by the slider's parameter, or
// the picked option's example) through the same engine as examples and checks, in the overlay and in the CLI.
import type { ModelGraph } from '../../model/model-graph';
import type { ControlAnnotation, ControlSetting, ModelSelector, Pack } from '../format/types';
import {
  exampleById,
  exampleInput,
  labelsOf,
  modelFor,
  readPoint,
  type ReadPoint,
  type RunContext,
} from './context';
import { applyControlParam, describeSetting } from './control-input';
import { CouldNotRun } from './prober';
import { topK } from './tensors';
import type { NodeValues, TopEntry } from './types';
import { modelTensor } from './inputs';

export function controlById(pack: Pack, id: string): ControlAnnotation | undefined {
  const item = pack.items.find((a) => a.id === id);
  return item?.kind === 'control' ? item : undefined;
}

/** The model a control is about: its own target, else its (first) example's. */
export function controlModel(
  ctx: RunContext,
  control: ControlAnnotation,
): { alias: string; graph: ModelGraph } {
  const body = control.body;
  const exampleId = body.control === 'choice' ? body.options[0] : body.example;
  const example = exampleId === undefined ? undefined : exampleById(ctx.pack, exampleId);
  return modelFor(ctx, control.target?.model ?? example?.target?.model);
}

/** The setting a control starts at. */
export function initialSetting(control: ControlAnnotation): ControlSetting | null {
  const body = control.body;
  if (body.control === 'slider') return body.value ?? body.min;
  if (body.control === 'choice') return body.value ?? body.options[0] ?? null;
  return null;
}

/** "brightness +0.2" or "option 'cat-1'": a setting in words. */
export function describeControlSetting(control: ControlAnnotation, setting: ControlSetting): string {
  const body = control.body;
  if (body.control === 'slider' && typeof setting === 'number') return describeSetting(body.param, setting);
  return `option '${String(setting)}'`;
}

export interface ControlInput {
  shape: number[];
  values: Float32Array;
  /** Shares the model run between checks that ask for the same input. */
  cacheKey: string;
}

/** The input a slider or choice control makes at a setting; throws CouldNotRun with the reason. */
export async function controlInput(
  ctx: RunContext,
  control: ControlAnnotation,
  graph: ModelGraph,
  setting: ControlSetting,
): Promise<ControlInput> {
  const body = control.body;
  if (body.control === 'draw') throw new CouldNotRun('a drawing pad has no setting to run');
  if (body.control === 'choice') {
    if (typeof setting !== 'string' || !body.options.includes(setting))
      throw new CouldNotRun(`'${String(setting)}' is not an option of control '${control.id}'`);
    const example = exampleById(ctx.pack, setting);
    if (!example) throw new CouldNotRun(`no example '${setting}' in the pack`);
    const input = await exampleInput(ctx, example, graph);
    return { ...modelTensor(input, input.values), cacheKey: setting };
  }
  if (typeof setting !== 'number') throw new CouldNotRun(`a slider setting is a number, not '${setting}'`);
  const example = exampleById(ctx.pack, body.example);
  if (!example) throw new CouldNotRun(`no example '${body.example}' in the pack`);
  const input = await exampleInput(ctx, example, graph);
  const changed = applyControlParam(input.values, input.shape, input.scale, body.param, setting);
  if (typeof changed === 'string')
    throw new CouldNotRun(`cannot set ${describeSetting(body.param, setting)}: ${changed}`);
  return {
    ...modelTensor(input, changed),
    cacheKey: `${body.example}\u0000${JSON.stringify(body.param)}\u0000${setting}`,
  };
}

/** Where a control (or a check or question about it) reads: the given selector's node, else the model's output. */
export function controlPoint(selector: ModelSelector | undefined, graph: ModelGraph): ReadPoint {
  return selector && (selector.node ?? selector.pattern ?? selector.op ?? selector.index) !== undefined
    ? readPoint(selector, graph)
    : { nodeIds: [], nodeId: null };
}

export interface ControlRun {
  alias: string;
  values: NodeValues;
  top: TopEntry[];
  /** The input the model was given (the overlay's open views show it too). */
  input: ControlInput;
}

/** Runs the model on a control's input at a setting and reads its output (top 5 with labels). */
export async function runControl(
  ctx: RunContext,
  control: ControlAnnotation,
  setting: ControlSetting,
  point?: ReadPoint,
): Promise<ControlRun> {
  const { alias, graph } = controlModel(ctx, control);
  const input = await controlInput(ctx, control, graph, setting);
  const at = point ?? controlPoint(control.target?.model, graph);
  const out = await ctx.prober.run(
    alias,
    { type: 'tensor', shape: input.shape, values: input.values },
    at.nodeIds,
    input.cacheKey,
  );
  const first = out[0];
  if (!first || !(first.values instanceof Float32Array || first.values instanceof Int32Array))
    throw new CouldNotRun('the model returned no values');
  return { alias, values: first, top: topK(first, 5, labelsOf(ctx.pack, alias)), input };
}
