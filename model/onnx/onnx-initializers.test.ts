// Initializer values from ONNX bytes written here field by field: every storage (raw_data, float_data, int32_data,
// int64_data, double_data, uint64_data; packed or not) decodes to the same canonical bytes, each data type to the
// right float32 for views; external data and strings are reported, broken sizes refused with the initializer's name.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listInitializers,
  OnnxWeightsError,
  readInitializer,
  toFloat32,
  type InitializerBytes,
} from './onnx-initializers';
import { digestOnnxBytes } from './onnx-weights-digest';
import { leadingRows, weightBlock } from './onnx-weight-values';
import { hasherOf } from '../weights-digest';
import { modelWith, type TensorFields } from './onnx-test-models';

function only(t: TensorFields): InitializerBytes {
  const file = modelWith([t]);
  const [ref] = listInitializers(file);
  return readInitializer(file, ref!, 1 << 20);
}

function bytesOf(init: InitializerBytes): number[] {
  if ('unread' in init) throw new Error(`unread: ${init.unread}`);
  return [...init.bytes];
}

function floatsOf(init: InitializerBytes): number[] {
  if ('unread' in init) throw new Error(`unread: ${init.unread}`);
  return [...toFloat32(init.dataType, init.bytes, init.count)!];
}

const le = (typed: ArrayBufferView): number[] => [
  ...new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength),
];

describe('ONNX initializer values', () => {
  it('reads float32 from raw_data, packed float_data and unpacked float_data to the same bytes', () => {
    const values = [0.5, -1.25, 3e-8, 1e30, 0];
    const raw = only({
      name: 'w',
      dims: [5],
      dataType: 1,
      raw: new Uint8Array(new Float32Array(values).buffer),
    });
    const packed = only({ name: 'w', dims: [5], dataType: 1, floats: values });
    const loose = only({ name: 'w', dims: [5], dataType: 1, floats: values, unpacked: true });
    expect(bytesOf(packed)).toEqual(bytesOf(raw));
    expect(bytesOf(loose)).toEqual(bytesOf(raw));
    expect(floatsOf(raw)).toEqual([...new Float32Array(values)]);
  });

  it('packs int32_data into each narrow type’s own width (int8, uint8, int16, uint16, bool, int32)', () => {
    const cases: [number, number[], ArrayBufferView][] = [
      [3, [-128, -1, 0, 127], new Int8Array([-128, -1, 0, 127])],
      [2, [0, 1, 200, 255], new Uint8Array([0, 1, 200, 255])],
      [5, [-32768, -2, 7, 32767], new Int16Array([-32768, -2, 7, 32767])],
      [4, [0, 1, 40000, 65535], new Uint16Array([0, 1, 40000, 65535])],
      [9, [1, 0, 1, 1], new Uint8Array([1, 0, 1, 1])],
      [6, [-2147483648, -5, 6, 2147483647], new Int32Array([-2147483648, -5, 6, 2147483647])],
    ];
    for (const [dataType, values, typed] of cases) {
      const fromTyped = only({ name: 'x', dims: [2, 2], dataType, int32s: values });
      const fromRaw = only({ name: 'x', dims: [2, 2], dataType, raw: new Uint8Array(le(typed)) });
      expect(bytesOf(fromTyped), `type ${dataType}`).toEqual(le(typed));
      expect(bytesOf(fromRaw), `type ${dataType}`).toEqual(le(typed));
      expect(floatsOf(fromTyped), `type ${dataType}`).toEqual(values.map(Math.fround));
    }
  });

  it('reads int64_data (negative and beyond 2^53), double_data and uint64_data for uint32 and uint64', () => {
    const big = [-3n, 0n, 2n ** 60n + 1n];
    const i64 = only({ name: 'a', dims: [3], dataType: 7, int64s: big });
    expect(bytesOf(i64)).toEqual(le(new BigInt64Array(big)));
    expect(floatsOf(i64)).toEqual([-3, 0, Math.fround(2 ** 60)]);
    const f64 = only({ name: 'd', dims: [2], dataType: 11, doubles: [0.1, -2.5] });
    expect(bytesOf(f64)).toEqual(le(new Float64Array([0.1, -2.5])));
    expect(floatsOf(f64)).toEqual([Math.fround(0.1), -2.5]);
    const u32 = only({ name: 'u', dims: [2], dataType: 12, uint64s: [4000000000n, 1n] });
    expect(bytesOf(u32)).toEqual(le(new Uint32Array([4000000000, 1])));
    const u64 = only({ name: 'u', dims: [1], dataType: 13, uint64s: [2n ** 64n - 1n] });
    expect(bytesOf(u64)).toEqual(le(new BigUint64Array([2n ** 64n - 1n])));
  });

  it('widens float16 and bfloat16 bit patterns (from int32_data or raw_data) to float32', () => {
    // float16: 1, -2, 65504 (largest), a subnormal, -0; bfloat16: 1, -3, 0.5.
    const half = [0x3c00, 0xc000, 0x7bff, 0x0001, 0x8000];
    const f16 = only({ name: 'h', dims: [5], dataType: 10, int32s: half });
    expect(bytesOf(f16)).toEqual(le(new Uint16Array(half)));
    expect(floatsOf(f16)).toEqual([1, -2, 65504, Math.fround(2 ** -24), -0]);
    const raw16 = only({
      name: 'h',
      dims: [5],
      dataType: 10,
      raw: new Uint8Array(le(new Uint16Array(half))),
    });
    expect(bytesOf(raw16)).toEqual(bytesOf(f16));
    const bf16 = only({ name: 'b', dims: [3], dataType: 16, int32s: [0x3f80, 0xc040, 0x3f00] });
    expect(floatsOf(bf16)).toEqual([1, -3, 0.5]);
  });

  it('unpacks 4-bit values (two per byte, low nibble first; int4 signed)', () => {
    const raw = new Uint8Array([0x21, 0x0f]);
    expect(floatsOf(only({ name: 'q', dims: [3], dataType: 21, raw }))).toEqual([1, 2, 15]);
    expect(floatsOf(only({ name: 'q', dims: [3], dataType: 22, raw }))).toEqual([1, 2, -1]);
    const typed = only({ name: 'q', dims: [3], dataType: 22, int32s: [0x21, 0x0f] });
    expect(bytesOf(typed)).toEqual([0x21, 0x0f]);
  });

  it('reports external data and strings instead of reading them', () => {
    const ext = only({ name: 'big', dims: [1000, 1000], dataType: 1, external: 'weights.bin' });
    expect(ext).toMatchObject({
      name: 'big',
      unread: 'external',
      location: 'weights.bin',
      dims: [1000, 1000],
    });
    expect(only({ name: 's', dims: [2], dataType: 8, strings: ['a', 'b'] })).toMatchObject({
      unread: 'string',
    });
  });

  it('refuses values that do not fill the shape, naming the initializer and the sizes', async () => {
    expect(() => only({ name: 'conv.w', dims: [2, 3], dataType: 1, floats: [1, 2] })).toThrow(
      /initializer "conv.w" holds 8 bytes of values; its shape \[2, 3\] of float32 needs 24/,
    );
    expect(() => only({ name: 'b', dims: [4], dataType: 1, raw: new Uint8Array(15) })).toThrow(
      OnnxWeightsError,
    );
    const file = modelWith([{ name: 'huge', dims: [1 << 20], dataType: 1, raw: new Uint8Array(4) }]);
    expect(() => readInitializer(file, listInitializers(file)[0]!, 1024)).toThrow(
      /more than the 1024 read here/,
    );
    // A shape claiming 2 GiB with one value held is refused before anything that size is allocated.
    const claim = modelWith([{ name: 'claim', dims: [2 ** 29], dataType: 1, floats: [1] }]);
    await expect(digestOnnxBytes(claim, hasherOf(null))).rejects.toThrow(/holds 4 bytes of values/);
  });
});

const hash = hasherOf(globalThis.crypto.subtle);
const tensors: TensorFields[] = [
  { name: 'conv.weight', dims: [2, 1, 2, 2], dataType: 1, floats: [1, -1, 0.5, 2, 3, 0, -4, 0.25] },
  { name: 'conv.bias', dims: [2], dataType: 1, floats: [0.1, -0.1] },
  { name: 'axes', dims: [1], dataType: 7, int64s: [-1n] },
];

describe('the ONNX weights digest', () => {
  it('is the same whatever field holds the values and whatever order the file lists them in', async () => {
    const typed = await digestOnnxBytes(modelWith(tensors), hash);
    const raw = await digestOnnxBytes(
      modelWith([
        { ...tensors[2]!, int64s: undefined, raw: new Uint8Array(le(new BigInt64Array([-1n]))) },
        {
          ...tensors[0]!,
          floats: undefined,
          raw: new Uint8Array(le(new Float32Array(tensors[0]!.floats!))),
        },
        { ...tensors[1]!, unpacked: true },
      ]),
      hash,
    );
    expect(raw.digest).toBe(typed.digest);
    expect(typed.weights).toBe(3);
    expect(typed.bytes).toBe(32 + 8 + 8);
    expect(typed.entries.map((e) => [e.name, e.dtype, e.shape])).toEqual([
      ['conv.weight', 'float32', [2, 1, 2, 2]],
      ['conv.bias', 'float32', [2]],
      ['axes', 'int64', [1]],
    ]);
  });

  it('changes with one value, one name, one dtype or one shape', async () => {
    const base = (await digestOnnxBytes(modelWith(tensors), hash)).digest;
    const variants: TensorFields[][] = [
      [{ ...tensors[0]!, floats: [1, -1, 0.5, 2, 3, 0, -4, 0.5] }, tensors[1]!, tensors[2]!],
      [{ ...tensors[0]!, name: 'conv.kernel' }, tensors[1]!, tensors[2]!],
      [
        tensors[0]!,
        tensors[1]!,
        { ...tensors[2]!, dataType: 13, int64s: undefined, uint64s: [2n ** 64n - 1n] },
      ],
      [{ ...tensors[0]!, dims: [2, 2, 1, 2] }, tensors[1]!, tensors[2]!],
    ];
    for (const v of variants) expect((await digestOnnxBytes(modelWith(v), hash)).digest).not.toBe(base);
  });

  it('leaves external data and strings out, counted as skipped, and names the external ones', async () => {
    const withExternal = await digestOnnxBytes(
      modelWith([
        ...tensors,
        { name: 'emb', dims: [10, 4], dataType: 1, external: 'model.onnx_data' },
        { name: 'vocab', dims: [1], dataType: 8, strings: ['x'] },
      ]),
      hash,
    );
    expect(withExternal.skipped).toBe(2);
    expect(withExternal.external).toEqual(['emb']);
    expect(withExternal.digest).toBe((await digestOnnxBytes(modelWith(tensors), hash)).digest);
  });

  it('refuses broken bytes with OnnxWeightsError (mutations of a real model)', async () => {
    const real = new Uint8Array(
      readFileSync(new URL('../../demos/onnx-models/shapes-cnn-onnx/model.onnx', import.meta.url)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: real.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        async (at, v) => {
          const bytes = real.slice();
          bytes[at] = v;
          try {
            await digestOnnxBytes(bytes, hash);
          } catch (e) {
            expect(e).toBeInstanceOf(OnnxWeightsError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ONNX weight blocks for views', () => {
  it('trims the first axis first, so the block is a prefix of whole filters', () => {
    expect(leadingRows([32, 16, 3, 3], 1000)).toEqual([6, 16, 3, 3]);
    expect(leadingRows([6, 48], 65_536)).toEqual([6, 48]);
    expect(leadingRows([4, 10, 10], 35)).toEqual([1, 3, 10]);
    const file = modelWith([
      { name: 'w', dims: [4, 3], dataType: 1, floats: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    ]);
    const block = weightBlock(file, listInitializers(file)[0]!, 6);
    if ('unread' in block) throw new Error('unread');
    expect(block.shape).toEqual([2, 3]);
    expect([...block.values]).toEqual([1, 2, 3, 4, 5, 6]);
    // Statistics over all twelve values, not the block.
    expect(block.stats.max).toBe(12);
    expect(block.stats.mean).toBe(6.5);
  });
});
