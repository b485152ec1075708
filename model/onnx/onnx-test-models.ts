// ONNX model bytes written field by field for tests: initializers in any storage (raw_data, typed fields packed or
// not, external data, strings), so decoding and the weights digest can be checked without a Python exporter.
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

export interface TensorFields {
  name: string;
  dims: number[];
  dataType: number;
  raw?: Uint8Array;
  floats?: number[];
  int32s?: number[];
  int64s?: bigint[];
  uint64s?: bigint[];
  doubles?: number[];
  strings?: string[];
  external?: string;
  /** Typed fields one value per tag (proto2 style) instead of packed. */
  unpacked?: boolean;
}

export function tensorProto(t: TensorFields): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, WireType.LengthDelimited).fork();
  for (const d of t.dims) w.int64(d);
  w.join();
  w.tag(2, WireType.Varint).int32(t.dataType);
  w.tag(8, WireType.LengthDelimited).string(t.name);
  if (t.raw) w.tag(9, WireType.LengthDelimited).bytes(t.raw);
  const repeated = <V>(no: number, wt: WireType, values: V[] | undefined, put: (v: V) => void): void => {
    if (!values) return;
    if (t.unpacked)
      for (const v of values) {
        w.tag(no, wt);
        put(v);
      }
    else {
      w.tag(no, WireType.LengthDelimited).fork();
      for (const v of values) put(v);
      w.join();
    }
  };
  repeated(4, WireType.Bit32, t.floats, (v) => w.float(v));
  repeated(5, WireType.Varint, t.int32s, (v) => w.int32(v));
  repeated(7, WireType.Varint, t.int64s, (v) => w.int64(v));
  repeated(10, WireType.Bit64, t.doubles, (v) => w.double(v));
  repeated(11, WireType.Varint, t.uint64s, (v) => w.uint64(v));
  for (const s of t.strings ?? []) w.tag(6, WireType.LengthDelimited).bytes(new TextEncoder().encode(s));
  if (t.external !== undefined) {
    w.tag(13, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).string('location');
    w.tag(2, WireType.LengthDelimited).string(t.external);
    w.join();
    w.tag(14, WireType.Varint).int32(1);
  }
  return w.finish();
}

/** A ModelProto whose graph holds these initializers (and one Identity node reading the first). */
export function modelWith(tensors: TensorFields[]): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, WireType.Varint).int64(8);
  w.tag(7, WireType.LengthDelimited).fork();
  w.tag(2, WireType.LengthDelimited).string('g');
  for (const t of tensors) w.tag(5, WireType.LengthDelimited).bytes(tensorProto(t));
  w.join();
  w.tag(8, WireType.LengthDelimited).fork().tag(2, WireType.Varint).int64(17).join();
  return w.finish();
}
