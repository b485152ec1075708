// Small pure helpers over flat tensor values (row-major): tensor literals, rows along the last axis, top-k.
import type { TensorLiteral } from '../format/types';
import type { NodeValues, ObservedOutput, TopEntry } from './types';
import { VALUES_SAMPLE } from './types';

/** Flattens a (validated, rectangular) tensor literal; returns its values and nested shape. */
export function flattenLiteral(literal: TensorLiteral): { values: number[]; shape: number[] } {
  const shape: number[] = [];
  for (let v: TensorLiteral = literal; Array.isArray(v); v = v[0] ?? 0) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  const values: number[] = [];
  const walk = (v: TensorLiteral): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else values.push(v);
  };
  walk(literal);
  return { values, shape };
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Length of the last axis (the whole tensor for a scalar or an empty shape). */
export function lastAxis(values: NodeValues): number {
  const last = values.shape[values.shape.length - 1];
  return last !== undefined && last > 0 ? last : values.values.length;
}

/** Each row along the last axis, as [start, end) offsets. */
export function* rows(values: NodeValues): Generator<[number, number]> {
  const width = lastAxis(values);
  for (let start = 0; start + width <= values.values.length && width > 0; start += width)
    yield [start, start + width];
}

/** The k largest values of the first row (batch item 0, last axis), best first, with labels when known. */
export function topK(values: NodeValues, k: number, labels?: readonly string[]): TopEntry[] {
  const width = Math.min(lastAxis(values), values.values.length);
  const order = Array.from({ length: width }, (_, i) => i).sort(
    (a, b) => (values.values[b] ?? -Infinity) - (values.values[a] ?? -Infinity) || a - b,
  );
  return order.slice(0, k).map((index) => {
    const entry: TopEntry = { index, score: values.values[index] ?? NaN };
    const label = labels?.[index];
    if (label !== undefined) entry.label = label;
    return entry;
  });
}

/** A short, JSON-safe record of a run's output for results and reports. */
export function observe(
  values: NodeValues,
  nodeId: string | null,
  labels?: readonly string[],
): ObservedOutput {
  return {
    nodeId,
    shape: values.shape.slice(),
    values: Array.from(values.values.subarray(0, VALUES_SAMPLE)),
    top: topK(values, 5, labels),
  };
}

/** Compact number for messages: 0.93, 1.2e-5, 26661. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return n.toExponential(2);
  return String(Number(n.toPrecision(3)));
}

/** "'daisy' (0.93)" or "class 3 (0.93)". */
export function describeTop(entry: TopEntry | undefined): string {
  if (!entry) return 'nothing';
  return `${entry.label !== undefined ? `'${entry.label}'` : `class ${entry.index}`} (${fmt(entry.score)})`;
}
