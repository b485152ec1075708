// Running one example annotation and comparing what the model makes of it with what the pack claims.
import type { ExampleAnnotation } from '../format/types';
import { exampleById, labelsOf, modelFor, readPoint, runOn, type RunContext } from './context';
import { CouldNotRun, messageOf } from './prober';
import { describeTop, fmt, observe, topK } from './tensors';
import type { ExampleResult, NodeValues, TopEntry } from './types';

/** A verdict on one claim: ok true/false, or null when it cannot be judged. */
export interface Verdict {
  ok: boolean | null;
  message: string;
}

/** Compares the observed top-1 entry with a claimed class (label or index). */
export function compareTop1(
  expected: string | number,
  top: TopEntry | undefined,
  labels?: readonly string[],
): Verdict {
  const seen = `top-1 ${describeTop(top)}`;
  if (!top) return { ok: null, message: 'the output is empty' };
  if (typeof expected === 'number') {
    const claimed = `class ${expected}${labels?.[expected] !== undefined ? ` ('${labels[expected]}')` : ''}`;
    return top.index === expected
      ? { ok: true, message: `${seen}, as claimed` }
      : { ok: false, message: `${seen} vs claimed ${claimed}` };
  }
  if (!labels)
    return { ok: null, message: `the model target has no labels to look up '${expected}' (${seen})` };
  if (!labels.includes(expected))
    return { ok: false, message: `'${expected}' is not one of the model's labels (${seen})` };
  return top.label === expected
    ? { ok: true, message: `${seen}, as claimed` }
    : { ok: false, message: `${seen} vs claimed '${expected}'` };
}

/** Compares output values element-wise within an absolute tolerance. */
export function compareValues(expected: readonly number[], values: NodeValues, tolerance: number): Verdict {
  if (expected.length !== values.values.length)
    return {
      ok: false,
      message: `the output has ${values.values.length} values, the claim lists ${expected.length}`,
    };
  const ok = expected.every((e, i) => Math.abs((values.values[i] ?? NaN) - e) <= tolerance);
  if (ok) return { ok: true, message: `${expected.length} values within ${fmt(tolerance)}, as claimed` };
  const i = expected.findIndex((e, j) => !(Math.abs((values.values[j] ?? NaN) - e) <= tolerance));
  return {
    ok: false,
    message: `value ${i} is ${fmt(values.values[i] ?? NaN)}, claimed ${fmt(expected[i] ?? NaN)} (tolerance ${fmt(tolerance)})`,
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function evaluateExample(ctx: RunContext, example: ExampleAnnotation): Promise<ExampleResult> {
  const start = now();
  const expected = example.body.expected ?? null;
  let alias: string | null = null;
  const result = (
    status: ExampleResult['status'],
    message: string,
    observed: ExampleResult['observed'] = null,
  ) => ({
    id: example.id,
    model: alias,
    status,
    observed,
    expected,
    message,
    ms: Math.round((now() - start) * 10) / 10,
  });
  try {
    const model = modelFor(ctx, example.target?.model);
    alias = model.alias;
    const point = readPoint(example.target?.model, model.graph);
    const values = await runOn(ctx, example, model.alias, model.graph, point);
    const labels = labelsOf(ctx.pack, model.alias);
    const observed = observe(values, point.nodeId, labels);
    if (!expected)
      return result(
        'ran',
        `ran: top-1 ${describeTop(topK(values, 1, labels)[0])} (no expectation stated)`,
        observed,
      );
    const verdicts: Verdict[] = [];
    if (expected.top1 !== undefined) verdicts.push(compareTop1(expected.top1, observed.top?.[0], labels));
    if (expected.values !== undefined)
      verdicts.push(compareValues(expected.values, values, expected.tolerance ?? 1e-3));
    const failed = verdicts.filter((v) => v.ok === false);
    const unknown = verdicts.filter((v) => v.ok === null);
    if (failed.length > 0) return result('fail', failed.map((v) => v.message).join('; '), observed);
    if (unknown.length > 0)
      return result('could-not-run', unknown.map((v) => v.message).join('; '), observed);
    return result('pass', verdicts.map((v) => v.message).join('; '), observed);
  } catch (error) {
    return result(
      'could-not-run',
      error instanceof CouldNotRun ? error.message : `failed: ${messageOf(error)}`,
    );
  }
}

export { exampleById, now };
