// Guarded, bounded reads of page objects: any getter may throw, any array may be huge, so all access goes here.
import type { Shape } from '../model-graph';

/** Upper bounds on everything we walk, so a hostile or enormous model cannot hang the page. */
export const LIMITS = { nodes: 20000, edges: 512, weights: 1024, dims: 32, depth: 8, items: 64, text: 1024 };

/** `o[key]`, or undefined when `o` is not an object or the read throws. */
export function get(o: unknown, key: string): unknown {
  try {
    return o !== null && (typeof o === 'object' || typeof o === 'function') ? (o as any)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** Calls the zero-argument method `o[key]()` (only for getters known to be pure), or undefined. */
export function invoke(o: unknown, key: string): unknown {
  try {
    const method = get(o, key);
    return typeof method === 'function' ? method.call(o) : undefined;
  } catch {
    return undefined;
  }
}

/** A copy of at most `max` items of an array; [] for anything that is not one. */
export function list(v: unknown, max: number): unknown[] {
  const out: unknown[] = [];
  try {
    if (Array.isArray(v)) for (let i = 0; i < v.length && i < max; i++) out.push(v[i]);
  } catch {}
  return out;
}

/** Own enumerable keys of a plain object, at most `max`; [] when unreadable. */
export function keys(o: unknown, max: number): string[] {
  try {
    return o !== null && typeof o === 'object' ? Object.keys(o).slice(0, max) : [];
  } catch {
    return [];
  }
}

export function text(v: unknown, max = LIMITS.text): string | null {
  return typeof v === 'string' ? v.slice(0, max) : null;
}

export function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A shape: negative or missing dimensions (free ones) become null; null when `v` is not a shape. */
export function shape(v: unknown): Shape | null {
  if (!Array.isArray(v)) return null;
  return list(v, LIMITS.dims).map((d) => {
    const n = finite(typeof d === 'string' ? Number(d) : d);
    return n === null || n < 0 ? null : n;
  });
}

/** Number of values in a tensor of this shape (1 for a scalar). */
export function sizeOf(dims: readonly (number | null)[]): number {
  let n = 1;
  for (const d of dims) n *= d ?? 0;
  return n;
}

/** Bytes per value in memory (quantized weights are dequantized to their float dtype). */
export function bytesPerValue(dtype: string): number {
  return dtype === 'bool' || dtype === 'int8' || dtype === 'uint8' ? 1 : dtype === 'complex64' ? 8 : 4;
}

export function errorText(e: unknown): string {
  return text(get(e, 'message'), 200) ?? 'unknown error';
}
