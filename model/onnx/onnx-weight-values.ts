// One ONNX initializer's values for a weights view: float32, cut to a leading block of whole filters (ONNX keeps
// output channels first, so the block trims the first axis first and stays a prefix of the values), with statistics
// over every value. Pure: the caller hands the file's bytes.

import { listInitializers, readInitializer, toFloat32, type InitializerRef } from './onnx-initializers';
import { valueStats } from '../value-stats';

export interface OnnxWeightBlock {
  name: string;
  /** Shape of `values`: the initializer's dims, or a leading block of them. */
  shape: number[];
  sourceShape: number[];
  values: Float32Array;
  stats: { min: number; max: number; mean: number; std: number };
}

/** Why an initializer's values are not shown. */
export interface OnnxWeightUnread {
  name: string;
  unread: 'external' | 'string' | 'unknown-type' | 'not-drawn';
  dtype: string;
}

/** Most bytes of one initializer decoded for a view (a file may hold a bigger one: its view says so). */
export const MAX_VIEW_BYTES = 256 * 1024 * 1024;

/** The leading block of `dims` with at most `max` values, trimming the first axis first (a prefix of the values). */
export function leadingRows(dims: readonly number[], max: number): number[] {
  const block = [...dims];
  const size = (from: number): number => block.slice(from).reduce((a, b) => a * b, 1);
  for (let a = 0; a < block.length && size(0) > max; a++)
    block[a] = Math.max(1, Math.min(block[a]!, Math.floor(max / Math.max(1, size(a + 1)))));
  return block;
}

/** Initializers by name (the first of a name wins, as ONNX Runtime takes it). */
export function initializerIndex(file: Uint8Array): Map<string, InitializerRef> {
  const index = new Map<string, InitializerRef>();
  for (const ref of listInitializers(file)) if (!index.has(ref.name)) index.set(ref.name, ref);
  return index;
}

/** The view's values of initializer `ref`, or why they are not shown. */
export function weightBlock(
  file: Uint8Array,
  ref: InitializerRef,
  maxValues: number,
): OnnxWeightBlock | OnnxWeightUnread {
  const init = readInitializer(file, ref, MAX_VIEW_BYTES);
  if ('unread' in init) return { name: init.name, unread: init.unread, dtype: init.dtype };
  const all = toFloat32(init.dataType, init.bytes, init.count);
  if (!all) return { name: init.name, unread: 'not-drawn', dtype: init.dtype };
  const shape = leadingRows(init.dims, maxValues);
  const kept = shape.reduce((a, b) => a * b, 1);
  return {
    name: init.name,
    shape,
    sourceShape: init.dims.slice(),
    values: kept < all.length ? all.slice(0, kept) : all,
    stats: valueStats(all),
  };
}
