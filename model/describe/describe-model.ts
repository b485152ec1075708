// The describe entry point: recognizes a live tf.js model by duck type and describes it, never throwing.
import { describeGraphModel } from './describe-graph';
import { describeLayersModel } from './describe-layers';
import { get } from './safe-read';
import type { DescribeContext, DescribedGraph } from './types';

export { describeGraphModel } from './describe-graph';
export { describeLayersModel } from './describe-layers';
export { fingerprint, canonicalForm } from './fingerprint';
export type { DescribeContext, DescribedGraph } from './types';

/** A tfjs-converter GraphModel: it executes, and holds an executor (set by load()) or its artifacts. */
export function isGraphModel(o: unknown): boolean {
  try {
    return (
      typeof get(o, 'execute') === 'function' && ('executor' in (o as object) || get(o, 'artifacts') != null)
    );
  } catch {
    return false;
  }
}

/** A tfjs-layers Container: LayersModel, Sequential or a functional tf.model. */
export function isLayersModel(o: unknown): boolean {
  return Array.isArray(get(o, 'layers'));
}

/** The ModelGraph of a GraphModel or LayersModel; null for anything else or when describing fails outright. */
export function describeModel(model: unknown, ctx: DescribeContext): DescribedGraph | null {
  try {
    if (isGraphModel(model)) return describeGraphModel(model, ctx);
    if (isLayersModel(model)) return describeLayersModel(model, ctx);
  } catch {}
  return null;
}
