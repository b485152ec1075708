// Runs a pack's examples and behavioural checks against a committed model in Node, with the semantics FORMAT.md
// gives them (and the probe's own image preprocessing), so every claim we ship is proven on the model we ship.
import type * as Tf from '@tensorflow/tfjs';
import type { ModelGraph } from '../../model/model-graph';
import { imageInputSpec, imageToValues } from '../../model/image-input';
import { resolveModelSelector } from '../../annotations/anchors/model-anchors';
import type {
  CheckBody,
  CompareCheck,
  ControlSetting,
  ExampleAnnotation,
  ModelSelector,
  Pack,
  TensorLiteral,
  Transform,
} from '../../annotations/format/types';
import { decodePng } from '../png';
import { applyControlParam } from '../../annotations/checks/control-input';
import { DEFAULT_NORMALIZE } from '../../annotations/checks/transforms';

export interface InputTensor {
  values: Float32Array;
  shape: number[];
}

export interface Verdict {
  pass: boolean;
  message: string;
}

function flatten(literal: TensorLiteral, out: number[] = [], dims: number[] = [], depth = 0): number[] {
  if (typeof literal === 'number') {
    out.push(literal);
    return dims;
  }
  if (dims.length === depth) dims.push(literal.length);
  for (const item of literal) flatten(item, out, dims, depth + 1);
  return dims;
}

/** The input tensor of an example, as the overlay's probe would build it. */
export function exampleInput(example: ExampleAnnotation, graph: ModelGraph): InputTensor {
  const input = example.body.input;
  const inputShape = graph.inputs[0]?.shape ?? null;
  if ('tensor' in input) {
    const values: number[] = [];
    const dims = flatten(input.tensor, values);
    return { values: Float32Array.from(values), shape: input.shape ?? dims };
  }
  if ('image' in input) {
    const match = /^data:image\/png;base64,(.*)$/.exec(input.image);
    if (!match) throw new Error(`${example.id}: only PNG data URLs can be checked in Node`);
    const image = decodePng(new Uint8Array(Buffer.from(match[1] ?? '', 'base64')));
    const spec = imageInputSpec(inputShape, 'float32', image);
    if (!spec) throw new Error(`${example.id}: the model does not take images`);
    const values = imageToValues(image.rgba, image.width, image.height, spec) as Float32Array;
    return { values, shape: [1, spec.height, spec.width, spec.channels] };
  }
  throw new Error(`${example.id}: page-element inputs need the page`);
}

export class NodeProbe {
  readonly outputId: string;

  constructor(
    private readonly tf: typeof Tf,
    private readonly model: Tf.LayersModel | Tf.GraphModel,
    readonly graph: ModelGraph,
    readonly labels: readonly string[],
  ) {
    const output = graph.outputs[0];
    if (!output) throw new Error('model without outputs');
    this.outputId = output.nodeId;
  }

  /** Values of the given nodes (default: the model output) for one input. */
  run(input: InputTensor, nodeIds: string[] = [this.outputId]): Map<string, InputTensor> {
    const tf = this.tf;
    const found = new Map<string, InputTensor>();
    tf.tidy(() => {
      const x = tf.tensor(input.values, input.shape);
      let outputs: Tf.Tensor[];
      if ('layers' in this.model) {
        const model = this.model;
        const sub = tf.model({
          inputs: model.inputs,
          outputs: nodeIds.map((id) => model.getLayer(id).output as Tf.SymbolicTensor),
        });
        const y = sub.predict(x);
        outputs = Array.isArray(y) ? y : [y];
      } else {
        const y = this.model.execute(x, nodeIds);
        outputs = Array.isArray(y) ? y : [y];
      }
      nodeIds.forEach((id, i) => {
        const t = outputs[i] as Tf.Tensor;
        found.set(id, { values: Float32Array.from(t.dataSync()), shape: t.shape });
      });
    });
    return found;
  }

  output(input: InputTensor): Float32Array {
    return (this.run(input).get(this.outputId) as InputTensor).values;
  }

  top1(input: InputTensor): number {
    const p = this.output(input);
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[best] as number)) best = i;
    return best;
  }

  classIndex(label: string | number): number {
    return typeof label === 'number' ? label : this.labels.indexOf(label);
  }

  labelOf(index: number): string {
    return this.labels[index] ?? `class ${index}`;
  }

  nodeOf(selector: ModelSelector | undefined): string {
    if (!selector) return this.outputId;
    const anchor = resolveModelSelector(selector, this.graph);
    if (anchor.status !== 'resolved' || !anchor.node)
      throw new Error('check target does not resolve to a node');
    return anchor.node.id;
  }
}

/** Shift (zero padding; dx > 0 moves the picture right, dy > 0 down), brightness (clamped to [0, 1]) or flip. */
export function transformImage(input: InputTensor, transform: Transform): InputTensor {
  const [, h = 1, w = 1, c = 1] = input.shape;
  const v = input.values;
  const out = new Float32Array(v.length);
  const at = (y: number, x: number, ch: number): number => (y * w + x) * c + ch;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) {
        const i = at(y, x, ch);
        if (transform.type === 'brightness')
          out[i] = Math.min(1, Math.max(0, (v[i] as number) + transform.amount));
        else if (transform.type === 'flip')
          out[i] = v[transform.axis === 'horizontal' ? at(y, w - 1 - x, ch) : at(h - 1 - y, x, ch)] as number;
        else {
          const sy = y - transform.dy;
          const sx = x - transform.dx;
          out[i] = sy >= 0 && sy < h && sx >= 0 && sx < w ? (v[at(sy, sx, ch)] as number) : 0;
        }
      }
  return { values: out, shape: input.shape };
}

const examplesOf = (pack: Pack): ExampleAnnotation[] =>
  pack.items.filter((a): a is ExampleAnnotation => a.kind === 'example');

/** Runs one example: its expected top-1 and values, if given. */
export function runExample(probe: NodeProbe, example: ExampleAnnotation): Verdict {
  const input = exampleInput(example, probe.graph);
  const p = probe.output(input);
  const top = probe.top1(input);
  const expected = example.body.expected ?? {};
  const problems: string[] = [];
  if (expected.top1 !== undefined && probe.classIndex(expected.top1) !== top)
    problems.push(`top-1 is ${probe.labelOf(top)} (${p[top]?.toFixed(3)}), not ${expected.top1}`);
  if (expected.values) {
    const tolerance = expected.tolerance ?? 1e-3;
    expected.values.forEach((value, i) => {
      if (Math.abs((p[i] ?? NaN) - value) > tolerance) problems.push(`value ${i} is ${p[i]}, not ${value}`);
    });
  }
  return {
    pass: problems.length === 0,
    message: problems.join('; ') || `${example.id}: ${probe.labelOf(top)} (${p[top]?.toFixed(3)})`,
  };
}

/** Evaluates a behavioural check (output-range, sums-to, top1, invariance, monotonic). */
export function runBehaviouralCheck(
  probe: NodeProbe,
  pack: Pack,
  check: { id: string; body: CheckBody; target?: { model?: ModelSelector } },
): Verdict {
  const body = check.body;
  const examples = examplesOf(pack);
  const byId = (id: string): ExampleAnnotation => {
    const found = examples.find((e) => e.id === id);
    if (!found) throw new Error(`${check.id}: no example ${id}`);
    return found;
  };
  const node = probe.nodeOf(check.target?.model);
  const listed = (ids: string[] | undefined): ExampleAnnotation[] => (ids ? ids.map(byId) : examples);
  switch (body.check) {
    case 'output-range': {
      for (const example of listed(body.examples)) {
        const values = (probe.run(exampleInput(example, probe.graph), [node]).get(node) as InputTensor)
          .values;
        const bad = values.find((v) => v < body.min || v > body.max);
        if (bad !== undefined)
          return {
            pass: false,
            message: `${example.id}: ${node} gives ${bad}, outside [${body.min}, ${body.max}]`,
          };
      }
      return { pass: true, message: `${node} stays in [${body.min}, ${body.max}]` };
    }
    case 'sums-to': {
      const target = body.value ?? 1;
      const tolerance = body.tolerance ?? 1e-3;
      for (const example of listed(body.examples)) {
        const out = probe.run(exampleInput(example, probe.graph), [node]).get(node) as InputTensor;
        const last = out.shape[out.shape.length - 1] ?? 1;
        for (let row = 0; row < out.values.length / last; row++) {
          let sum = 0;
          for (let i = 0; i < last; i++) sum += out.values[row * last + i] as number;
          if (Math.abs(sum - target) > tolerance)
            return { pass: false, message: `${example.id}: ${node} sums to ${sum}, not ${target}` };
        }
      }
      return { pass: true, message: `${node} sums to ${target}` };
    }
    case 'top1': {
      const example = byId(body.example);
      const expected = body.expected ?? example.body.expected?.top1;
      if (expected === undefined) return { pass: false, message: `${check.id}: nothing to compare with` };
      const top = probe.top1(exampleInput(example, probe.graph));
      return {
        pass: top === probe.classIndex(expected),
        message: `${example.id}: top-1 ${probe.labelOf(top)}, claimed ${expected}`,
      };
    }
    case 'invariance': {
      const example = byId(body.example);
      const input = exampleInput(example, probe.graph);
      const before = probe.top1(input);
      // A shift must hold whichever way a reader's probe takes the signs of dx and dy.
      const transforms: Transform[] =
        body.transform.type === 'shift'
          ? [body.transform, { type: 'shift', dx: -body.transform.dx, dy: -body.transform.dy }]
          : [body.transform];
      for (const transform of transforms) {
        const after = probe.top1(transformImage(input, transform));
        if (after !== before)
          return {
            pass: false,
            message: `${example.id}: ${probe.labelOf(before)} → ${probe.labelOf(after)} under ${JSON.stringify(transform)}`,
          };
      }
      return {
        pass: true,
        message: `${example.id}: ${probe.labelOf(before)} under ${JSON.stringify(body.transform)}`,
      };
    }
    case 'monotonic': {
      const example = byId(body.example);
      const input = exampleInput(example, probe.graph);
      const steps = body.steps ?? 8;
      let previous: number | null = null;
      for (let s = 0; s < steps; s++) {
        const values = Float32Array.from(input.values);
        values[body.inputIndex] = body.from + ((body.to - body.from) * s) / (steps - 1);
        const out = (probe.run({ values, shape: input.shape }, [node]).get(node) as InputTensor).values;
        const y = out[body.outputIndex] as number;
        if (previous !== null && (body.direction === 'increasing' ? y < previous : y > previous))
          return {
            pass: false,
            message: `${check.id}: output ${body.outputIndex} turns at step ${s} (${previous} → ${y})`,
          };
        previous = y;
      }
      return { pass: true, message: `${check.id}: ${body.direction}` };
    }
    case 'compare':
      return compareVerdict(probe, pack, check.id, body, byId, check.target?.model);
    default:
      return { pass: false, message: `${check.id}: ${body.check} is not a behavioural check` };
  }
}

/** A compare check: one output with the control at setting a, against setting b (FORMAT.md "Explorables"). */
function compareVerdict(
  probe: NodeProbe,
  pack: Pack,
  id: string,
  body: CompareCheck,
  byId: (id: string) => ExampleAnnotation,
  selector: ModelSelector | undefined,
): Verdict {
  const control = pack.items.find((a) => a.id === body.control);
  if (control?.kind !== 'control') throw new Error(`${id}: no control ${body.control}`);
  const node = probe.nodeOf(selector ?? control.target?.model);
  const labels = pack.targets.models[0]?.labels ?? [];
  const index = typeof body.output === 'number' ? body.output : labels.indexOf(body.output);
  const at = (setting: ControlSetting): number => {
    const c = control.body;
    let input: InputTensor;
    if (c.control === 'choice') input = exampleInput(byId(String(setting)), probe.graph);
    else if (c.control === 'slider') {
      const base = exampleInput(byId(c.example), probe.graph);
      const scale = {
        normalize: byId(c.example).body.input.normalize ?? DEFAULT_NORMALIZE,
        dtype: 'float32' as const,
      };
      const values = applyControlParam(base.values, base.shape, scale, c.param, Number(setting));
      if (typeof values === 'string') throw new Error(`${id}: ${values}`);
      input = { values, shape: base.shape };
    } else throw new Error(`${id}: a drawing pad cannot be compared`);
    return (probe.run(input, [node]).get(node) as InputTensor).values[index] as number;
  };
  const a = at(body.a);
  const b = at(body.b);
  const margin = body.margin ?? 0;
  const pass = body.relation === 'less' ? a < b - margin : a > b + margin;
  return {
    pass,
    message: `${id}: output ${index} is ${a} at ${body.a} and ${b} at ${body.b} (${body.relation})`,
  };
}
