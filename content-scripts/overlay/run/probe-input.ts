// Converts between the checks engine's model inputs and outputs and the bridge's probe messages (pure): typed
// arrays become what the bridge carries (a number list, a transferable buffer of its own) and back again.

import type { ModelInput, NodeValues } from '../../../annotations/checks/types';
import type { ProbeInput, ProbeValue } from '../../../protocol/bridge';

/** The probe message for one engine input, and the buffers it may transfer (copies: the caller keeps its own). */
export function toProbeInput(input: ModelInput): { input: ProbeInput; transfer: ArrayBuffer[] } {
  switch (input.type) {
    case 'last-input':
      return { input: { type: 'last-input' }, transfer: [] };
    case 'tensor':
      return {
        input: { type: 'tensor', shape: [...input.shape], values: Array.from(input.values) },
        transfer: [],
      };
    case 'image': {
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
