// Turns an example's input (tensor literal, picture URL, page element) into the tensor a model run takes, the
// same way the page-world probe does (model/image-input.ts), so transforms can apply to it.
import type { ModelGraph } from '../../model/model-graph';
import { chwToHwc, graphLayout, hwcToChw } from '../../model/data-layout';
import { imageInputSpec, imageToValues } from '../../model/image-input';
import { onlyCompanionsAfterFirst } from '../../model/onnx/companion-inputs';
import type { ExampleAnnotation } from '../format/types';
import { CouldNotRun, messageOf, withTimeout } from './prober';
import { flattenLiteral, sizeOf } from './tensors';
import { DEFAULT_NORMALIZE, type InputScale } from './transforms';
import type { InputSource, RgbaImage } from './types';

export interface ResolvedInput {
  shape: number[];
  values: Float32Array;
  scale: InputScale;
  /** 'tensor', 'image' or 'element': where it came from. */
  from: 'tensor' | 'image' | 'element';
  /** The model takes [N, C, H, W]: shape and values here are [N, H, W, C] (as transforms expect), and
   * modelTensor turns them back before a run. */
  channelsFirst?: boolean;
}

/** The tensor a run feeds the model: the resolved (channels-last) values, transposed for a channels-first model. */
export function modelTensor(
  input: Pick<ResolvedInput, 'shape' | 'channelsFirst'>,
  values: Float32Array,
): { shape: number[]; values: Float32Array } {
  if (!input.channelsFirst || input.shape.length !== 4) return { shape: input.shape.slice(), values };
  const [n, h, w, c] = input.shape as [number, number, number, number];
  const out = new Float32Array(values.length);
  const size = h * w * c;
  for (let i = 0; i < n; i++) out.set(hwcToChw(values.subarray(i * size, (i + 1) * size), h, w, c), i * size);
  return { shape: [n, c, h, w], values: out };
}

/** Resolves an example's input against the graph of the model it runs on. */
export async function resolveInput(
  example: ExampleAnnotation,
  graph: ModelGraph,
  source: InputSource,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ResolvedInput> {
  const input = example.body.input;
  // An ONNX text model's attention_mask / token_type_ids are filled by the probe from the ids' shape.
  const companionsOnly =
    graph.runtime === 'onnx' && onlyCompanionsAfterFirst(graph.inputs.map((i) => i.name));
  if (graph.inputs.length !== 1 && !companionsOnly)
    throw new CouldNotRun(
      `running an example needs a model with exactly one input; this one has ${graph.inputs.length}`,
    );
  const modelInput = graph.inputs[0]!;
  const dtype = modelInput.dtype === 'int32' ? 'int32' : 'float32';
  const scale: InputScale = { normalize: input.normalize ?? DEFAULT_NORMALIZE, dtype };
  if ('tensor' in input) {
    const flat = flattenLiteral(input.tensor);
    const shape = input.shape ?? flat.shape;
    if (sizeOf(shape) !== flat.values.length)
      throw new CouldNotRun(
        `the tensor has ${flat.values.length} numbers but shape [${shape.join(', ')}] needs ${sizeOf(shape)}`,
      );
    const expected = modelInput.shape;
    if (
      expected &&
      !(expected.length === shape.length && expected.every((d, i) => d === null || d < 0 || d === shape[i]))
    )
      throw new CouldNotRun(
        `the example's tensor is [${shape.join(', ')}]; the model takes [${expected.map((d) => (d === null || d < 0 ? 'any' : d)).join(', ')}]`,
      );
    const values = Float32Array.from(flat.values);
    if (graphLayout(graph) !== 'channels-first' || shape.length !== 4)
      return { shape, values, scale, from: 'tensor' };
    // Kept channels last while the checks engine transforms it, like a picture's values.
    const [n, c, h, w] = shape as [number, number, number, number];
    const size = c * h * w;
    const hwc = new Float32Array(values.length);
    for (let i = 0; i < n; i++)
      hwc.set(chwToHwc(values.subarray(i * size, (i + 1) * size), c, h, w), i * size);
    return { shape: [n, h, w, c], values: hwc, scale, from: 'tensor', channelsFirst: true };
  }
  let picture: RgbaImage;
  const from = 'image' in input ? 'image' : 'element';
  try {
    picture = await withTimeout(
      (s) => ('image' in input ? source.image(input.image, s) : source.element(input.element, s)),
      timeoutMs,
      signal,
    );
  } catch (error) {
    if (error instanceof CouldNotRun) throw new CouldNotRun(`reading the ${from}: ${error.message}`);
    throw new CouldNotRun(messageOf(error));
  }
  if (!(
    picture.width > 0 &&
    picture.height > 0 &&
    picture.rgba.length === picture.width * picture.height * 4
  ))
    throw new CouldNotRun(`the ${from} gave no usable picture`);
  const channelsFirst = graphLayout(graph) === 'channels-first';
  const spec = imageInputSpec(
    modelInput.shape,
    modelInput.dtype,
    picture,
    channelsFirst ? 'channels-first' : 'channels-last',
  );
  if (!spec)
    throw new CouldNotRun(
      `the model's input ${JSON.stringify(modelInput.shape)} does not take pictures (${channelsFirst ? '[batch, 1|3|4, height, width]' : '[batch, height, width, 1|3|4]'})`,
    );
  const values = imageToValues(picture.rgba, picture.width, picture.height, spec, scale.normalize);
  return {
    shape: [1, spec.height, spec.width, spec.channels],
    values: values instanceof Float32Array ? values : Float32Array.from(values),
    scale,
    from,
    ...(channelsFirst ? { channelsFirst } : {}),
  };
}
