// The compare check, a tour step that becomes a check: one output of the model with a control at setting A is
// less (or greater) than at setting B, e.g. "moving the patch over the face lowers the score".
import type { CheckAnnotation, CompareCheck } from '../format/types';
import type { BehaviourVerdict } from './behavioural';
import { labelsOf } from './context';
import { controlById, controlModel, controlPoint, describeControlSetting, runControl } from './explore';
import { CouldNotRun } from './prober';
import { fmt } from './tensors';

/** The flat index of the compared output: a label looked up in the model's labels, or an index as given. */
function outputIndex(output: string | number, labels: readonly string[] | undefined): number {
  if (typeof output === 'number') return output;
  const index = labels?.indexOf(output) ?? -1;
  if (index < 0) throw new CouldNotRun(`'${output}' is not a label of the model`);
  return index;
}

export async function evaluateCompare(
  ctx: Parameters<typeof runControl>[0],
  check: CheckAnnotation,
  body: CompareCheck,
): Promise<BehaviourVerdict> {
  const control = controlById(ctx.pack, body.control);
  if (!control) throw new CouldNotRun(`no control '${body.control}' in the pack`);
  const { alias, graph } = controlModel(ctx, control);
  const point = controlPoint(check.target?.model ?? control.target?.model, graph);
  const index = outputIndex(body.output, labelsOf(ctx.pack, alias));
  const margin = body.margin ?? 0;
  const read = async (setting: CompareCheck['a']): Promise<number> => {
    const run = await runControl(ctx, control, setting, point);
    if (index >= run.values.values.length)
      throw new CouldNotRun(
        `output ${index} is out of range: the model gives ${run.values.values.length} values`,
      );
    return run.values.values[index] as number;
  };
  const atA = await read(body.a);
  const atB = await read(body.b);
  const name = typeof body.output === 'string' ? `'${body.output}'` : `output ${body.output}`;
  const a = describeControlSetting(control, body.a);
  const b = describeControlSetting(control, body.b);
  const holds = body.relation === 'less' ? atA < atB - margin : atA > atB + margin;
  const word = body.relation === 'less' ? 'lower' : 'higher';
  const by = margin > 0 ? ` by more than ${fmt(margin)}` : '';
  return {
    status: holds ? 'pass' : 'fail',
    observed: { a: atA, b: atB },
    expected: { relation: body.relation, margin, output: body.output },
    message: holds
      ? `${name} is ${fmt(atA)} with ${a}, ${word} than ${fmt(atB)} with ${b}${by}`
      : `${name} is ${fmt(atA)} with ${a} and ${fmt(atB)} with ${b}: not ${word}${by}`,
  };
}
