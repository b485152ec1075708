// The describe module's own types: what the caller hands in (context) and the ModelGraph it gets back.
import type { ModelGraph, Shape } from '../model-graph';

/** Everything describe needs that is not in the model object; the hook fills it in, describe only reads it. */
export interface DescribeContext {
  id: string;
  sourceUrl: string | null;
  origin: ModelGraph['origin'];
  format: string | null;
  backend: string | null;
  tfjsVersion: string | null;
  tfjsVersionClass: ModelGraph['tfjsVersionClass'];
  /** Output shapes seen in live runs, by node id (graph models only; never part of the fingerprint). */
  liveShapes?: Record<string, Shape>;
}

/** A ModelGraph plus notes on what could not be read (absent when the description is complete). */
export type DescribedGraph = ModelGraph & { notes?: string[] };

export type NodeAttrs = ModelGraph['nodes'][number]['attrs'];
export type AttrValue = NodeAttrs[string];
