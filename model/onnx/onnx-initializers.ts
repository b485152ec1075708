// Reads the values of an ONNX model's initializers (its weights) from the file's bytes: each one to its canonical
// little-endian bytes (raw_data as stored; typed fields such as float_data, int32_data, int64_data packed into the
// element type's own bytes) and, for views, to float32. External data is never read (no fetch): it is reported.

import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { dtypeName } from './onnx-proto';

/** Bytes per element by TensorProto.DataType; 0.5 for the 4-bit types (two per byte, low nibble first). */
const ELEMENT_BYTES: Record<number, number> = {
  1: 4, // float
  2: 1, // uint8
  3: 1, // int8
  4: 2, // uint16
  5: 2, // int16
  6: 4, // int32
  7: 8, // int64
  9: 1, // bool
  10: 2, // float16
  11: 8, // double
  12: 4, // uint32
  13: 8, // uint64
  14: 8, // complex64
  15: 16, // complex128
  16: 2, // bfloat16
  17: 1, // float8e4m3fn
  18: 1, // float8e4m3fnuz
  19: 1, // float8e5m2
  20: 1, // float8e5m2fnuz
  21: 0.5, // uint4
  22: 0.5, // int4
  23: 0.5, // float4e2m1
};

/** Where one initializer's TensorProto lies in the file, and its name (read without decoding its values). */
export interface InitializerRef {
  name: string;
  start: number;
  end: number;
}

/** One initializer's values in canonical form, or why they were not read. */
export type InitializerBytes =
  | { name: string; dims: number[]; dataType: number; dtype: string; bytes: Uint8Array; count: number }
  | {
      name: string;
      dims: number[];
      dataType: number;
      dtype: string;
      /** 'external': stored outside the model file; 'string': no numeric byte form; 'unknown-type'. */
      unread: 'external' | 'string' | 'unknown-type';
      location?: string;
    };

export class OnnxWeightsError extends Error {}

/**
 * Most values one initializer may keep in varint fields (int32_data, int64_data, uint64_data), each decoded one by
 * one: exporters put big tensors in raw_data; a file that does otherwise is refused rather than read slowly.
 */
export const MAX_VARINT_VALUES = 4 * 1024 * 1024;

/** Most initializers one model may list for us to read (a bound against hostile files). */
export const MAX_INITIALIZERS = 100_000;

function sub(r: BinaryReader): number {
  const len = r.uint32();
  const end = r.pos + len;
  if (end > r.len) throw new OnnxWeightsError('a message is longer than the file');
  return end;
}

function fields(r: BinaryReader, end: number, field: (no: number, wt: WireType) => boolean): void {
  while (r.pos < end) {
    const [no, wt] = r.tag();
    const at = r.pos;
    if (!field(no, wt)) {
      r.pos = at;
      r.skip(wt, no);
    }
  }
  if (r.pos !== end) throw new OnnxWeightsError('a message overran its length');
}

/** The initializers of the model's main graph, in file order, each located and named. */
export function listInitializers(file: Uint8Array): InitializerRef[] {
  const r = new BinaryReader(file);
  const out: InitializerRef[] = [];
  try {
    fields(r, file.byteLength, (no) => {
      if (no !== 7) return false;
      const graphEnd = sub(r);
      fields(r, graphEnd, (g) => {
        if (g !== 5) return false;
        const end = sub(r);
        const start = r.pos;
        let name = '';
        fields(r, end, (t) => {
          if (t !== 8) return false;
          name = r.string();
          return true;
        });
        if (out.length >= MAX_INITIALIZERS)
          throw new OnnxWeightsError(`the model has more than ${MAX_INITIALIZERS} initializers`);
        out.push({ name, start, end });
        return true;
      });
      return true;
    });
  } catch (e) {
    if (e instanceof OnnxWeightsError) throw e;
    throw new OnnxWeightsError(`not a readable ONNX file (${e instanceof Error ? e.message : String(e)})`);
  }
  return out;
}

/** Little-endian writers into a DataView, one element at a time, for the typed fields' values. */
function writer(dataType: number, view: DataView): ((i: number, v: number | bigint) => void) | null {
  switch (dataType) {
    case 2:
    case 9:
    case 17:
    case 18:
    case 19:
    case 20:
      return (i, v) => view.setUint8(i, Number(v) & 0xff);
    case 3:
      return (i, v) => view.setInt8(i, Number(v));
    case 4:
    case 10:
    case 16:
      return (i, v) => view.setUint16(i * 2, Number(v) & 0xffff, true);
    case 5:
      return (i, v) => view.setInt16(i * 2, Number(v), true);
    case 6:
      return (i, v) => view.setInt32(i * 4, Number(v), true);
    case 7:
      return (i, v) => view.setBigInt64(i * 8, BigInt(v), true);
    case 12:
      return (i, v) => view.setUint32(i * 4, Number(BigInt.asUintN(32, BigInt(v))), true);
    case 13:
      return (i, v) => view.setBigUint64(i * 8, BigInt.asUintN(64, BigInt(v)), true);
    default:
      return null;
  }
}

/** The bytes `count` elements of `dataType` take (4-bit types: two per byte, rounded up). */
export function byteLengthOf(dataType: number, count: number): number {
  const per = ELEMENT_BYTES[dataType];
  if (per === undefined) return Number.NaN;
  return per < 1 ? Math.ceil(count / 2) : count * per;
}

/**
 * Decodes one initializer to its canonical bytes: raw_data as stored (ONNX stores it little-endian); float_data and
 * double_data as their fixed-width bytes; int32_data, int64_data and uint64_data packed into the element type's own
 * width (float16/bfloat16 bit patterns to 2 bytes, int8 to 1, 4-bit pairs to 1 byte each). The value count must
 * equal the product of the dims.
 */
export function readInitializer(file: Uint8Array, ref: InitializerRef, maxBytes: number): InitializerBytes {
  const own = file.subarray(ref.start, ref.end);
  const r = new BinaryReader(own);
  const dims: number[] = [];
  let dataType = 0;
  let raw: Uint8Array | null = null;
  let external = false;
  let location = '';
  const fixed: Uint8Array[] = []; // float_data (4) and double_data (10), packed: already little-endian bytes
  const varints: (number | bigint)[] = [];
  let strings = 0;
  const tooMany = (): never => {
    throw new OnnxWeightsError(
      `initializer "${ref.name.slice(0, 64)}" keeps more than ${MAX_VARINT_VALUES} values in varint fields (not read here)`,
    );
  };
  try {
    fields(r, r.len, (no, wt) => {
      if (no === 1) {
        if (wt === WireType.LengthDelimited) {
          const end = sub(r);
          while (r.pos < end && dims.length <= 8) dims.push(Number(r.int64()));
          r.pos = end;
        } else dims.push(Number(r.int64()));
      } else if (no === 2) dataType = r.int32();
      else if (no === 9) raw = r.bytes();
      else if (no === 6) {
        r.bytes();
        strings++;
      } else if (no === 4 || no === 10) {
        const width = no === 4 ? 4 : 8;
        if (wt === WireType.LengthDelimited) fixed.push(r.bytes());
        else {
          const at = r.pos;
          r.skip(wt, no);
          fixed.push(own.subarray(at, at + width));
        }
      } else if (no === 5 || no === 7 || no === 11) {
        const one = (): void => {
          if (varints.length >= MAX_VARINT_VALUES || varints.length * 8 > maxBytes) tooMany();
          varints.push(no === 5 ? r.int32() : no === 7 ? BigInt(r.int64()) : BigInt(r.uint64()));
        };
        if (wt === WireType.LengthDelimited) {
          const end = sub(r);
          while (r.pos < end) one();
          r.pos = end;
        } else one();
      } else if (no === 13) {
        const end = sub(r);
        let key = '';
        let value = '';
        fields(r, end, (k) => {
          if (k === 1) key = r.string();
          else if (k === 2) value = r.string();
          else return false;
          return true;
        });
        if (key === 'location') location = value;
      } else if (no === 14) external = r.int32() === 1;
      else return false;
      return true;
    });
  } catch (e) {
    if (e instanceof OnnxWeightsError) throw e;
    throw new OnnxWeightsError(
      `initializer "${ref.name.slice(0, 64)}" cannot be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const base = { name: ref.name, dims, dataType, dtype: dtypeName(dataType) };
  if (dims.length > 8 || dims.some((d) => !Number.isSafeInteger(d) || d < 0))
    throw new OnnxWeightsError(`initializer "${ref.name.slice(0, 64)}" has an invalid shape`);
  if (external) return { ...base, unread: 'external', location };
  if (dataType === 8 || strings > 0) return { ...base, unread: 'string' };
  if (ELEMENT_BYTES[dataType] === undefined) return { ...base, unread: 'unknown-type' };
  const count = dims.reduce((a, d) => a * d, 1);
  const length = byteLengthOf(dataType, count);
  if (!(length <= maxBytes))
    throw new OnnxWeightsError(
      `initializer "${ref.name.slice(0, 64)}" has ${length} bytes of values, more than the ${maxBytes} read here`,
    );
  const mismatch = (held: number): never => {
    throw new OnnxWeightsError(
      `initializer "${ref.name.slice(0, 64)}" holds ${held} bytes of values; its shape [${dims.join(', ')}] ` +
        `of ${dtypeName(dataType)} needs ${length}`,
    );
  };
  const rawBytes = raw as Uint8Array | null;
  if (rawBytes) {
    if (rawBytes.byteLength !== length) mismatch(rawBytes.byteLength);
    return { ...base, bytes: rawBytes, count };
  }
  // The values held are counted before anything is allocated: a hostile shape must not cost its claimed size.
  if (fixed.length > 0) {
    const held = fixed.reduce((a, chunk) => a + chunk.byteLength, 0);
    if (held !== length) mismatch(held);
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of fixed) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return { ...base, bytes, count };
  }
  const per = ELEMENT_BYTES[dataType]!;
  // 4-bit types keep one packed byte (two values) per int32_data entry.
  const entries = per < 1 ? length : count;
  if (varints.length !== entries) mismatch(per < 1 ? varints.length : Math.round(varints.length * per));
  const bytes = new Uint8Array(length);
  const write =
    per < 1 ? writer(2, new DataView(bytes.buffer)) : writer(dataType, new DataView(bytes.buffer));
  if (!write) {
    // complex types and anything else live only in float_data/double_data; an empty tensor has no values at all.
    if (count === 0) return { ...base, bytes, count };
    throw new OnnxWeightsError(
      `initializer "${ref.name.slice(0, 64)}" stores its values in no field we read`,
    );
  }
  for (let i = 0; i < varints.length; i++) write(i, varints[i]!);
  return { ...base, bytes, count };
}

/** float16 bits → number. */
function half(h: number): number {
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? Number.NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/**
 * A canonical initializer's values as float32 for views (int64/uint64 through Number, float16/bfloat16 widened,
 * 4-bit values unpacked); null for types a view does not draw (complex, float8).
 */
export function toFloat32(dataType: number, bytes: Uint8Array, count: number): Float32Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(count);
  const fill = (f: (i: number) => number): Float32Array => {
    for (let i = 0; i < count; i++) out[i] = f(i);
    return out;
  };
  switch (dataType) {
    case 1:
      return fill((i) => view.getFloat32(i * 4, true));
    case 2:
    case 9:
      return fill((i) => view.getUint8(i));
    case 3:
      return fill((i) => view.getInt8(i));
    case 4:
      return fill((i) => view.getUint16(i * 2, true));
    case 5:
      return fill((i) => view.getInt16(i * 2, true));
    case 6:
      return fill((i) => view.getInt32(i * 4, true));
    case 7:
      return fill((i) => Number(view.getBigInt64(i * 8, true)));
    case 10:
      return fill((i) => half(view.getUint16(i * 2, true)));
    case 11:
      return fill((i) => view.getFloat64(i * 8, true));
    case 12:
      return fill((i) => view.getUint32(i * 4, true));
    case 13:
      return fill((i) => Number(view.getBigUint64(i * 8, true)));
    case 16: {
      const f = new DataView(new ArrayBuffer(4));
      return fill((i) => {
        f.setUint32(0, view.getUint16(i * 2, true) << 16);
        return f.getFloat32(0);
      });
    }
    case 21:
    case 22:
      return fill((i) => {
        const nibble = (view.getUint8(i >> 1) >> ((i & 1) * 4)) & 0xf;
        return dataType === 22 && nibble >= 8 ? nibble - 16 : nibble;
      });
    default:
      return null;
  }
}
