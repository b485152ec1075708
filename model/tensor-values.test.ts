import { describe, expect, it } from 'vitest';
import { floatValues } from './tensor-values';

describe('floatValues', () => {
  it('converts int32 values to float32 numbers', () => {
    const buffer = Int32Array.from([-3, 0, 7, 2 ** 24 + 1]).buffer;
    const out = floatValues({ dtype: 'int32', buffer });
    expect(out).toBeInstanceOf(Float32Array);
    expect([...out]).toEqual([-3, 0, 7, 2 ** 24]);
    expect(out.buffer).not.toBe(buffer);
  });

  it('views float32 values in place', () => {
    const buffer = Float32Array.from([0.5, -1.25]).buffer;
    const out = floatValues({ dtype: 'float32', buffer });
    expect([...out]).toEqual([0.5, -1.25]);
    expect(out.buffer).toBe(buffer);
  });
});
