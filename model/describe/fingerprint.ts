// The fingerprint names "this model" across pages, URLs, reloads and tf.js versions, so packs can match models.
//
// Canonical form, version 'lfp1': the canonical JSON (object keys sorted by UTF-16 code units, no spaces,
// non-finite numbers and undefined as null) of the array
//   ['lfp1', kind,
//    inputs:  [[name, shape], …]             model inputs, in order
//    outputs: [[name, shape], …]             model outputs, in order
//    nodes:   [[id, op, category, inputs, configShape, attrs, weights], …]   in topological order
//   ]
// where configShape is the node's output shape when it came from the model config (null for live or unknown
// shapes), attrs is the node's attrs object, and weights is [[shape, dtype, quantization | null], …] in order.
// Left out on purpose: the URL, page-local id, model name, backend, tf.js version, weight *variable* names (tf.js
// suffixes them with _1, _2 … when a model is loaded twice), roles (derived from names), live shapes, dtypes of
// nodes. The fingerprint is the lower-case hex SHA-256 of the canonical form's UTF-8 bytes.
import type { ModelGraph } from '../model-graph';
import { sha256Hex } from './sha256';

/** What the fingerprint covers. */
export type FingerprintInput = Pick<ModelGraph, 'kind' | 'inputs' | 'outputs' | 'nodes'>;

function quote(s: string): string {
  return (
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    '"' + s.replace(/[\\"\u0000-\u001f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"'
  );
}

/** Deterministic JSON: sorted object keys, nothing that depends on insertion order or on the page's JSON. */
export function canonicalJson(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const record = v as Record<string, unknown>;
    return (
      '{' +
      Object.keys(record)
        .sort()
        .map((k) => quote(k) + ':' + canonicalJson(record[k]))
        .join(',') +
      '}'
    );
  }
  return 'null';
}

export function canonicalForm(g: FingerprintInput): string {
  return canonicalJson([
    'lfp1',
    g.kind,
    g.inputs.map((r) => [r.name, r.shape]),
    g.outputs.map((r) => [r.name, r.shape]),
    g.nodes.map((n) => [
      n.id,
      n.op,
      n.category,
      n.inputs,
      n.shapeSource === 'config' ? n.outputShape : null,
      n.attrs,
      n.weights.map((w) => [w.shape, w.dtype, w.quantization ?? null]),
    ]),
  ]);
}

/** Hex SHA-256 of the canonical form of topology + weight specs. */
export function fingerprint(g: FingerprintInput): string {
  return sha256Hex(canonicalForm(g));
}
