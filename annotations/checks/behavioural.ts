// The behavioural checks (output-range, sums-to, top1, invariance, monotonic): they run the pack's examples
// through the model and judge the claim by FORMAT.md's semantics, keeping what was observed for the reader.
import type { CheckAnnotation, CheckBody, ExampleAnnotation } from '../format/types';
import {
  exampleById,
  exampleInput,
  labelsOf,
  modelFor,
  namesNode,
  readPoint,
  runOn,
  type ReadPoint,
  type RunContext,
} from './context';
import { compareTop1 } from './examples';
import { evaluateCompare } from './compare';
import { CouldNotRun, messageOf } from './prober';
import { aliasOf } from './staleness';
import { describeTop, fmt, rows, topK } from './tensors';
import { describeTransform } from './transforms';
import type { ModelGraph } from '../../model/model-graph';
import type { Status } from './types';

export interface BehaviourVerdict {
  status: Status;
  observed: unknown;
  expected: unknown;
  message: string;
}

/** Monotonic sweeps treat steps smaller than this (relative to the value, at least absolute) as flat: float noise. */
export const MONOTONIC_EPSILON = 1e-6;
export const MAX_SWEEP_STEPS = 256;

type Body<K extends CheckBody['check']> = Extract<CheckBody, { check: K }>;

const cannot = (expected: unknown, message: string, observed: unknown = null): BehaviourVerdict => ({
  status: 'could-not-run',
  observed,
  expected,
  message,
});

function example(ctx: RunContext, id: string): ExampleAnnotation {
  const found = exampleById(ctx.pack, id);
  if (!found) throw new CouldNotRun(`no example '${id}' in the pack`);
  return found;
}

/** The examples a range/sum check runs: those listed, or every example of the check's model. */
function examplesFor(ctx: RunContext, body: { examples?: string[] }, alias: string): ExampleAnnotation[] {
  if (body.examples) return body.examples.map((id) => example(ctx, id));
  const all = ctx.pack.items.filter(
    (a): a is ExampleAnnotation => a.kind === 'example' && aliasOf(ctx.pack, a.target?.model) === alias,
  );
  if (all.length === 0) throw new CouldNotRun(`the pack has no examples of model '${alias}' to run`);
  return all;
}

/** Where a check that is about one example reads: the check's node, else the example's, else the output. */
function pointFor(check: CheckAnnotation, ex: ExampleAnnotation, graph: ModelGraph): ReadPoint {
  if (namesNode(check.target?.model)) return readPoint(check.target?.model, graph);
  if (namesNode(ex.target?.model)) return readPoint(ex.target?.model, graph);
  return { nodeIds: [], nodeId: null };
}

const where = (point: ReadPoint): string => (point.nodeId ? point.nodeId : 'the output');

/** Runs every example, collecting per-example failures and could-not-runs; fails win over could-not-run. */
async function overExamples(
  ctx: RunContext,
  check: CheckAnnotation,
  body: { examples?: string[] },
  judge: (id: string, values: Float32Array | Int32Array, shape: number[]) => string | null,
): Promise<{ failures: string[]; skipped: string[]; ran: number; point: ReadPoint }> {
  const { alias, graph } = modelFor(ctx, check.target?.model);
  const point = readPoint(check.target?.model, graph);
  const failures: string[] = [];
  const skipped: string[] = [];
  let ran = 0;
  for (const ex of examplesFor(ctx, body, alias)) {
    try {
      const values = await runOn(ctx, ex, alias, graph, point);
      ran++;
      const failure = judge(ex.id, values.values, values.shape);
      if (failure) failures.push(failure);
    } catch (error) {
      skipped.push(`${ex.id}: ${error instanceof CouldNotRun ? error.message : messageOf(error)}`);
    }
  }
  return { failures, skipped, ran, point };
}

function settle(
  result: { failures: string[]; skipped: string[]; ran: number },
  expected: unknown,
  observed: unknown,
  passMessage: string,
): BehaviourVerdict {
  if (result.failures.length > 0)
    return {
      status: 'fail',
      observed,
      expected,
      message: result.failures.slice(0, 3).join('; ') + more(result.failures),
    };
  if (result.skipped.length > 0)
    return cannot(expected, result.skipped.slice(0, 3).join('; ') + more(result.skipped), observed);
  return { status: 'pass', observed, expected, message: passMessage };
}

const more = (list: string[]): string => (list.length > 3 ? ` (and ${list.length - 3} more)` : '');

async function outputRange(
  ctx: RunContext,
  check: CheckAnnotation,
  body: Body<'output-range'>,
): Promise<BehaviourVerdict> {
  let low = Infinity;
  let high = -Infinity;
  const expected = { min: body.min, max: body.max };
  const result = await overExamples(ctx, check, body, (id, values) => {
    let bad = -1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v < low) low = v;
      if (v > high) high = v;
      if (bad < 0 && !(v >= body.min && v <= body.max)) bad = i;
    }
    return bad < 0
      ? null
      : `${id}: value ${fmt(values[bad] as number)} at index ${bad} is outside [${fmt(body.min)}, ${fmt(body.max)}]`;
  });
  const observed = result.ran > 0 ? { min: low, max: high, examples: result.ran } : null;
  return settle(
    result,
    expected,
    observed,
    `${where(result.point)}: every value of ${result.ran} example${result.ran === 1 ? '' : 's'} lies in [${fmt(body.min)}, ${fmt(body.max)}] (seen ${fmt(low)} … ${fmt(high)})`,
  );
}

async function sumsTo(
  ctx: RunContext,
  check: CheckAnnotation,
  body: Body<'sums-to'>,
): Promise<BehaviourVerdict> {
  const target = body.value ?? 1;
  const tolerance = body.tolerance ?? 1e-3;
  let worst = 0;
  let worstSum = target;
  const result = await overExamples(ctx, check, body, (id, values, shape) => {
    for (const [start, end] of rows({ nodeId: '', shape, values })) {
      let sum = 0;
      for (let i = start; i < end; i++) sum += values[i] as number;
      const off = Math.abs(sum - target);
      if (!(off <= worst)) [worst, worstSum] = [off, sum];
      if (!(off <= tolerance))
        return `${id}: row ${start / Math.max(1, end - start)} sums to ${fmt(sum)}, not ${fmt(target)} ± ${fmt(tolerance)}`;
    }
    return null;
  });
  return settle(
    result,
    { value: target, tolerance },
    result.ran > 0 ? { furthestSum: worstSum, examples: result.ran } : null,
    `${where(result.point)} sums to ${fmt(target)} ± ${fmt(tolerance)} for ${result.ran} example${result.ran === 1 ? '' : 's'} (furthest: ${fmt(worstSum)})`,
  );
}

async function top1(ctx: RunContext, check: CheckAnnotation, body: Body<'top1'>): Promise<BehaviourVerdict> {
  const ex = example(ctx, body.example);
  const claimed = body.expected ?? ex.body.expected?.top1;
  if (claimed === undefined)
    return cannot(null, `no class to compare with: give 'expected', or expected.top1 on example '${ex.id}'`);
  const { alias, graph } = modelFor(ctx, check.target?.model ?? ex.target?.model);
  const point = pointFor(check, ex, graph);
  const labels = labelsOf(ctx.pack, alias);
  const values = await runOn(ctx, ex, alias, graph, point);
  const top = topK(values, 3, labels);
  const verdict = compareTop1(claimed, top[0], labels);
  return {
    status: verdict.ok === null ? 'could-not-run' : verdict.ok ? 'pass' : 'fail',
    observed: { top },
    expected: claimed,
    message: `${ex.id}: ${verdict.message}`,
  };
}

async function invariance(
  ctx: RunContext,
  check: CheckAnnotation,
  body: Body<'invariance'>,
): Promise<BehaviourVerdict> {
  const ex = example(ctx, body.example);
  const { alias, graph } = modelFor(ctx, check.target?.model ?? ex.target?.model);
  const point = pointFor(check, ex, graph);
  const labels = labelsOf(ctx.pack, alias);
  const what = describeTransform(body.transform);
  const before = topK(await runOn(ctx, ex, alias, graph, point), 3, labels);
  const after = topK(await runOn(ctx, ex, alias, graph, point, { transform: body.transform }), 3, labels);
  const same = before[0] !== undefined && before[0].index === after[0]?.index;
  return {
    status: same ? 'pass' : 'fail',
    observed: { before, after },
    expected: { unchanged: true, transform: body.transform },
    message: same
      ? `${ex.id}: top-1 ${describeTop(before[0])} stays ${describeTop(after[0])} after ${what}`
      : `${ex.id}: top-1 changes from ${describeTop(before[0])} to ${describeTop(after[0])} after ${what}`,
  };
}

async function monotonic(
  ctx: RunContext,
  check: CheckAnnotation,
  body: Body<'monotonic'>,
): Promise<BehaviourVerdict> {
  const ex = example(ctx, body.example);
  const { alias, graph } = modelFor(ctx, check.target?.model ?? ex.target?.model);
  const point = pointFor(check, ex, graph);
  const steps = body.steps ?? 8;
  const expected = {
    direction: body.direction,
    inputIndex: body.inputIndex,
    outputIndex: body.outputIndex,
    from: body.from,
    to: body.to,
    steps,
  };
  if (!(Number.isInteger(steps) && steps >= 2 && steps <= MAX_SWEEP_STEPS))
    return cannot(expected, `steps must be 2–${MAX_SWEEP_STEPS}, not ${steps}`);
  const size = (await exampleInput(ctx, ex, graph)).values.length;
  if (body.inputIndex >= size)
    return cannot(expected, `input index ${body.inputIndex} is out of range: the input has ${size} values`);
  const inputs: number[] = [];
  const outputs: number[] = [];
  for (let i = 0; i < steps; i++) {
    const x = body.from + ((body.to - body.from) * i) / (steps - 1);
    const values = await runOn(ctx, ex, alias, graph, point, { index: body.inputIndex, value: x });
    if (body.outputIndex >= values.values.length)
      return cannot(
        expected,
        `output index ${body.outputIndex} is out of range: ${where(point)} has ${values.values.length} values`,
      );
    inputs.push(x);
    outputs.push(values.values[body.outputIndex] as number);
  }
  const observed = { inputs, outputs };
  const rising = body.direction === 'increasing';
  for (let i = 1; i < outputs.length; i++) {
    const a = outputs[i - 1] as number;
    const b = outputs[i] as number;
    const slack = MONOTONIC_EPSILON * Math.max(1, Math.abs(a));
    const wrong = rising ? b < a - slack : b > a + slack;
    if (wrong || Number.isNaN(a) || Number.isNaN(b))
      return {
        status: 'fail',
        observed,
        expected,
        message: `${ex.id}: output ${body.outputIndex} of ${where(point)} ${rising ? 'falls' : 'rises'} from ${fmt(a)} to ${fmt(b)} as input ${body.inputIndex} goes from ${fmt(inputs[i - 1] as number)} to ${fmt(inputs[i] as number)}`,
      };
  }
  return {
    status: 'pass',
    observed,
    expected,
    message: `${ex.id}: output ${body.outputIndex} of ${where(point)} ${rising ? 'never falls' : 'never rises'} over ${steps} steps (${fmt(outputs[0] as number)} → ${fmt(outputs[outputs.length - 1] as number)})`,
  };
}

/** Evaluates a behavioural check; never throws. */
export async function evaluateBehaviour(ctx: RunContext, check: CheckAnnotation): Promise<BehaviourVerdict> {
  const body = check.body;
  try {
    switch (body.check) {
      case 'output-range':
        return await outputRange(ctx, check, body);
      case 'sums-to':
        return await sumsTo(ctx, check, body);
      case 'top1':
        return await top1(ctx, check, body);
      case 'invariance':
        return await invariance(ctx, check, body);
      case 'monotonic':
        return await monotonic(ctx, check, body);
      case 'compare':
        return await evaluateCompare(ctx, check, body);
      default:
        return cannot(null, `'${body.check}' is not a behavioural check`);
    }
  } catch (error) {
    return cannot(null, error instanceof CouldNotRun ? error.message : `failed: ${messageOf(error)}`);
  }
}
