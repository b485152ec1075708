// What the outputs panel lists for a model output (pure): the top k classes when the output is a row of scores, the
// largest units by size when it is a state (a recurrent layer's h or c: no classes), the values themselves when there
// are few; probabilities as percentages, other scores as numbers.

import { firstExample, topK } from '../views/vector';

export interface OutputRow {
  index: number;
  value: number;
  /** 0…1, the bar's length. */
  bar: number;
  /** As shown: "81.2%" or "−3.41". */
  text: string;
}

export interface OutputSummary {
  rows: OutputRow[];
  /** Values in the first row of the output. */
  count: number;
  probabilities: boolean;
  /** Sorted by value (top k; by size for units) or in index order (few values). */
  ranked: boolean;
  /** Units of a state, ranked by absolute value, rather than classes. */
  units: boolean;
}

/** Layers whose outputs are states (hidden and cell vectors), not scores over classes. */
const RECURRENT = new Set([
  'LSTM',
  'GRU',
  'SimpleRNN',
  'RNN',
  'Bidirectional',
  'ConvLSTM2D',
  'LSTMCell',
  'GRUCell',
]);

/** True when a node with this op gives a state rather than class scores. */
export function isStateOp(op: string | undefined): boolean {
  return op !== undefined && RECURRENT.has(op);
}

function looksLikeProbabilities(values: Float32Array): boolean {
  let sum = 0;
  for (const v of values) {
    if (v < -1e-6 || v > 1 + 1e-6) return false;
    sum += v;
  }
  return values.length > 1 && Math.abs(sum - 1) < 1e-3;
}

export function summarizeOutput(
  shape: number[],
  values: Float32Array | Int32Array,
  k = 5,
  units = false,
): OutputSummary {
  const row = firstExample(shape, values instanceof Float32Array ? values : Float32Array.from(values));
  const probabilities = looksLikeProbabilities(row);
  let peak = 0;
  for (const v of row) peak = Math.max(peak, Math.abs(v));
  const fmt = (v: number) =>
    probabilities ? `${(v * 100).toFixed(1)}%` : `${v < 0 ? '−' : ''}${Math.abs(v).toPrecision(3)}`;
  const make = (index: number, value: number): OutputRow => ({
    index,
    value,
    bar: probabilities ? Math.max(0, Math.min(1, value)) : peak > 0 ? Math.abs(value) / peak : 0,
    text: fmt(value),
  });
  if (row.length <= 3)
    return {
      rows: [...row].map((v, i) => make(i, v)),
      count: row.length,
      probabilities,
      ranked: false,
      units,
    };
  if (units) {
    const bySize = topK(row.map(Math.abs), Math.min(k, row.length));
    return {
      rows: bySize.map((r) => make(r.index, row[r.index]!)),
      count: row.length,
      probabilities,
      ranked: true,
      units,
    };
  }
  const top = topK(row, Math.min(k, row.length));
  return {
    rows: top.map((r) => make(r.index, r.value)),
    count: row.length,
    probabilities,
    ranked: true,
    units,
  };
}
