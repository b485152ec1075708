// Converts between the checks engine's model inputs and outputs and the bridge's probe messages (pure): typed
// arrays become what the bridge carries (a number list, a transferable buffer of its own) and back again. A picture
// for a channels-first (ONNX) model is resized and laid out [1, C, H, W] here, and sent as a tensor.

import type { ModelInput, NodeValues } from '../../../annotations/checks/types';
import { graphLayout, hwcToChw } from '../../../model/data-layout';
import { imageInputSpec, imageToValues } from '../../../model/image-input';
import type { ModelGraph } from '../../../model/model-graph';
import type { ProbeInput, ProbeValue } from '../../../protocol/bridge';

/** What the probe input needs to know of the model: its first input, and its data layout. */
export type ProbeModel = Partial<Pick<ModelGraph, 'inputs' | 'layout' | 'runtime'>>;

/** A picture as a [1, C, H, W] tensor for a channels-first model, at the size its first input takes. */
export function channelsFirstImage(
  input: Extract<ModelInput, { type: 'image' }>,
  model: ProbeModel,
): { shape: number[]; values: number[] } {
  const first = model.inputs?.[0];
  const spec = imageInputSpec(first?.shape ?? null, first?.dtype ?? null, input, 'channels-first');
  if (!spec)
    throw new Error(
      `The model's input ${JSON.stringify(first?.shape ?? null)} does not take pictures ([batch, 1|3|4, height, width]).`,
    );
  const hwc = imageToValues(input.rgba, input.width, input.height, spec, input.normalize);
  return {
    shape: [1, spec.channels, spec.height, spec.width],
    values: Array.from(hwcToChw(hwc, spec.height, spec.width, spec.channels)),
  };
}

/** The probe message for one engine input, and the buffers it may transfer (copies: the caller keeps its own). */
export function toProbeInput(
  input: ModelInput,
  model: ProbeModel = {},
): { input: ProbeInput; transfer: ArrayBuffer[] } {
  switch (input.type) {
    case 'last-input':
      return { input: { type: 'last-input' }, transfer: [] };
    case 'tensor':
      return {
        input: { type: 'tensor', shape: [...input.shape], values: Array.from(input.values) },
        transfer: [],
      };
    case 'image': {
      if (graphLayout(model) === 'channels-first')
        return { input: { type: 'tensor', ...channelsFirstImage(input, model) }, transfer: [] };
      // The bridge transfers the buffer (detaching it): send a copy of exactly the image's bytes.
      const rgba = new Uint8ClampedArray(input.rgba).buffer;
      return {
        input: {
          type: 'image',
          width: input.width,
          height: input.height,
          rgba,
          ...(input.normalize
            ? { normalize: { mean: [...input.normalize.mean], std: [...input.normalize.std] } }
            : {}),
        },
        transfer: [rgba],
      };
    }
  }
}

/** A probe's answer as the engine's node values, checked against what was asked for. */
export function fromProbeValues(values: readonly ProbeValue[], nodeIds: readonly string[]): NodeValues[] {
  return nodeIds.map((id) => {
    const value = values.find((v) => v.nodeId === id);
    if (!value) throw new Error(`The page's model returned no value for node ${id}.`);
    const size = value.shape.reduce((a, b) => a * b, 1);
    const typed =
      value.dtype === 'int32'
        ? new Int32Array(value.buffer.slice(0))
        : new Float32Array(value.buffer.slice(0));
    if (typed.length !== size)
      throw new Error(
        `Node ${id} returned ${typed.length} values for shape [${value.shape.join(', ')}] (${size} expected).`,
      );
    return { nodeId: id, shape: [...value.shape], values: typed };
  });
}
