// Values that crossed the bridge as raw bytes (tap frames, weights, probe results) as numbers to draw and summarize.

/** The buffer's values as float32: int32 values converted, float32 values viewed in place (not copied). */
export function floatValues(values: { dtype: string; buffer: ArrayBuffer }): Float32Array {
  return values.dtype === 'int32'
    ? Float32Array.from(new Int32Array(values.buffer))
    : new Float32Array(values.buffer);
}
