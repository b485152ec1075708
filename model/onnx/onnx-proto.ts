// Reads the parts of an ONNX ModelProto that an explanation needs (graph, nodes, attributes, tensor specs, shapes)
// with @bufbuild/protobuf's wire reader: no generated code, no eval (MV3 CSP), and tensor payloads never copied.
// Field numbers are those of onnx/onnx.proto (IR version 3–10).

import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** ONNX TensorProto.DataType, by number. */
export const ONNX_DTYPES: Record<number, { name: string; bytes: number }> = {
  1: { name: 'float32', bytes: 4 },
  2: { name: 'uint8', bytes: 1 },
  3: { name: 'int8', bytes: 1 },
  4: { name: 'uint16', bytes: 2 },
  5: { name: 'int16', bytes: 2 },
  6: { name: 'int32', bytes: 4 },
  7: { name: 'int64', bytes: 8 },
  8: { name: 'string', bytes: 0 },
  9: { name: 'bool', bytes: 1 },
  10: { name: 'float16', bytes: 2 },
  11: { name: 'float64', bytes: 8 },
  12: { name: 'uint32', bytes: 4 },
  13: { name: 'uint64', bytes: 8 },
  16: { name: 'bfloat16', bytes: 2 },
  21: { name: 'uint4', bytes: 0.5 },
  22: { name: 'int4', bytes: 0.5 },
};

export function dtypeName(code: number): string {
  return ONNX_DTYPES[code]?.name ?? `onnx-type-${code}`;
}

/** A dimension: a number, a symbolic name (`batch`), or null when the model says nothing. */
export type OnnxDim = number | string | null;

export interface OnnxValueInfo {
  name: string;
  /** Element type code (TensorProto.DataType), 0 when not a tensor or unknown. */
  elemType: number;
  /** Null when the model gives no shape. */
  shape: OnnxDim[] | null;
}

export interface OnnxTensorSpec {
  name: string;
  dims: number[];
  dataType: number;
  /** Bytes of the tensor's data in the file (raw_data or typed fields); 0 when external. */
  storedBytes: number;
  /** Where its data lives when stored outside the model file (external_data `location`). */
  externalLocation: string | null;
}

export type OnnxAttrValue =
  number | string | number[] | string[] | { tensor: OnnxTensorSpec } | { graph: true };

export interface OnnxNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Record<string, OnnxAttrValue>;
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensorSpec[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  valueInfo: OnnxValueInfo[];
}

export interface OnnxModel {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  opsets: { domain: string; version: number }[];
  graph: OnnxGraph;
}

/** Bounds for a model from the page: a bigger one is refused with a clear error, never half-read silently. */
export const ONNX_LIMITS = { maxNodes: 200_000, maxString: 4096, maxRepeated: 1_000_000 } as const;

export class OnnxParseError extends Error {}

function int(v: bigint | string | number): number {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/** Calls `field` for each field of the message that ends at `end`; skips what `field` does not read. */
function each(r: BinaryReader, end: number, field: (no: number, wt: WireType) => boolean): void {
  while (r.pos < end) {
    const [no, wt] = r.tag();
    const start = r.pos;
    if (!field(no, wt)) {
      r.pos = start;
      r.skip(wt, no);
    }
  }
  if (r.pos !== end) throw new OnnxParseError('a message overran its length');
}

function sub(r: BinaryReader): number {
  const len = r.uint32();
  const end = r.pos + len;
  if (end > r.len) throw new OnnxParseError('a message is longer than the file');
  return end;
}

function str(r: BinaryReader): string {
  const s = r.string();
  return s.length > ONNX_LIMITS.maxString ? s.slice(0, ONNX_LIMITS.maxString) : s;
}

/** Repeated int64 (packed or not) into `out`. */
function int64s(r: BinaryReader, wt: WireType, out: number[]): void {
  if (wt === WireType.LengthDelimited) {
    const end = sub(r);
    while (r.pos < end && out.length < ONNX_LIMITS.maxRepeated) out.push(int(r.int64()));
    r.pos = end;
  } else out.push(int(r.int64()));
}

function floats(r: BinaryReader, wt: WireType, out: number[]): void {
  if (wt === WireType.LengthDelimited) {
    const end = sub(r);
    while (r.pos < end && out.length < ONNX_LIMITS.maxRepeated) out.push(r.float());
    r.pos = end;
  } else out.push(r.float());
}

/** How many values a packed (or unpacked) repeated field holds, by its byte length, without decoding it. */
function countPacked(r: BinaryReader, wt: WireType, valueBytes: number | 'varint'): number {
  if (wt !== WireType.LengthDelimited) {
    r.skip(wt);
    return 1;
  }
  const end = sub(r);
  if (valueBytes !== 'varint') {
    const n = (end - r.pos) / valueBytes;
    r.pos = end;
    return n;
  }
  let n = 0;
  while (r.pos < end) {
    r.uint64();
    n++;
  }
  return n;
}

function tensor(r: BinaryReader, end: number): OnnxTensorSpec {
  const t: OnnxTensorSpec = { name: '', dims: [], dataType: 0, storedBytes: 0, externalLocation: null };
  let values = 0;
  each(r, end, (no, wt) => {
    if (no === 1) int64s(r, wt, t.dims);
    else if (no === 2) t.dataType = r.int32();
    else if (no === 8) t.name = str(r);
    else if (no === 9) t.storedBytes += r.bytes().byteLength;
    else if (no === 4 || no === 5) values += countPacked(r, wt, no === 4 ? 4 : 'varint');
    else if (no === 7 || no === 11) values += countPacked(r, wt, 'varint');
    else if (no === 10) values += countPacked(r, wt, 8);
    else if (no === 6) t.storedBytes += r.bytes().byteLength;
    else if (no === 13) {
      const e = sub(r);
      let key = '';
      let value = '';
      each(r, e, (k) => {
        if (k === 1) key = str(r);
        else if (k === 2) value = str(r);
        else return false;
        return true;
      });
      if (key === 'location') t.externalLocation = value;
    } else if (no === 14) {
      if (r.int32() === 1 && t.externalLocation === null) t.externalLocation = '';
    } else return false;
    return true;
  });
  if (values > 0) t.storedBytes += values * (ONNX_DTYPES[t.dataType]?.bytes ?? 4);
  // Rank at most 8 (as a ModelGraph carries) and at most 2^40 values: beyond that it is not a real weight.
  const size = t.dims.reduce((a, d) => a * d, 1);
  if (t.dims.length > 8 || t.dims.some((d) => !Number.isSafeInteger(d) || d < 0) || !(size <= 2 ** 40))
    throw new OnnxParseError(`tensor ${JSON.stringify(t.name.slice(0, 64))} has an invalid shape`);
  return t;
}

function shapeOf(r: BinaryReader, end: number): OnnxDim[] {
  const dims: OnnxDim[] = [];
  each(r, end, (no) => {
    if (no !== 1) return false;
    const e = sub(r);
    let dim: OnnxDim = null;
    each(r, e, (k) => {
      if (k === 1) dim = int(r.int64());
      else if (k === 2) dim = str(r);
      else return false;
      return true;
    });
    dims.push(dim);
    return true;
  });
  return dims;
}

function valueInfo(r: BinaryReader, end: number): OnnxValueInfo {
  const v: OnnxValueInfo = { name: '', elemType: 0, shape: null };
  each(r, end, (no) => {
    if (no === 1) v.name = str(r);
    else if (no === 2) {
      const typeEnd = sub(r);
      each(r, typeEnd, (k) => {
        if (k !== 1) return false; // tensor_type only: sequences and maps stay unknown
        const tEnd = sub(r);
        each(r, tEnd, (f) => {
          if (f === 1) v.elemType = r.int32();
          else if (f === 2) v.shape = shapeOf(r, sub(r));
          else return false;
          return true;
        });
        return true;
      });
    } else return false;
    return true;
  });
  return v;
}

function attribute(r: BinaryReader, end: number): [string, OnnxAttrValue | undefined] {
  let name = '';
  let value: OnnxAttrValue | undefined;
  const ints: number[] = [];
  const fl: number[] = [];
  const strings: string[] = [];
  let type = 0;
  each(r, end, (no, wt) => {
    if (no === 1) name = str(r);
    else if (no === 2) value = r.float();
    else if (no === 3) value = int(r.int64());
    else if (no === 4) value = str(r);
    else if (no === 5) value = { tensor: tensor(r, sub(r)) };
    else if (no === 6) {
      r.skip(wt, no);
      value = { graph: true };
    } else if (no === 7) floats(r, wt, fl);
    else if (no === 8) int64s(r, wt, ints);
    else if (no === 9) strings.push(str(r));
    else if (no === 20) type = r.int32();
    else return false;
    return true;
  });
  // AttributeType: FLOATS = 6, INTS = 7, STRINGS = 8 (an empty list has only its type).
  if (value === undefined) {
    if (ints.length > 0 || type === 7) value = ints;
    else if (fl.length > 0 || type === 6) value = fl;
    else if (strings.length > 0 || type === 8) value = strings;
  }
  return [name, value];
}

function node(r: BinaryReader, end: number): OnnxNode {
  const n: OnnxNode = { name: '', opType: '', domain: '', inputs: [], outputs: [], attrs: {} };
  each(r, end, (no) => {
    if (no === 1) n.inputs.push(str(r));
    else if (no === 2) n.outputs.push(str(r));
    else if (no === 3) n.name = str(r);
    else if (no === 4) n.opType = str(r);
    else if (no === 7) n.domain = str(r);
    else if (no === 5) {
      const [name, value] = attribute(r, sub(r));
      if (name && value !== undefined) n.attrs[name] = value;
    } else return false;
    return true;
  });
  return n;
}

function graph(r: BinaryReader, end: number): OnnxGraph {
  const g: OnnxGraph = { name: '', nodes: [], initializers: [], inputs: [], outputs: [], valueInfo: [] };
  each(r, end, (no) => {
    if (no === 1) {
      if (g.nodes.length >= ONNX_LIMITS.maxNodes)
        throw new OnnxParseError(`the graph has more than ${ONNX_LIMITS.maxNodes} nodes`);
      g.nodes.push(node(r, sub(r)));
    } else if (no === 2) g.name = str(r);
    else if (no === 5) g.initializers.push(tensor(r, sub(r)));
    else if (no === 11) g.inputs.push(valueInfo(r, sub(r)));
    else if (no === 12) g.outputs.push(valueInfo(r, sub(r)));
    else if (no === 13) g.valueInfo.push(valueInfo(r, sub(r)));
    else return false;
    return true;
  });
  return g;
}

/** Parses an ONNX model file. Throws OnnxParseError (or the wire reader's RangeError/Error) on a broken file. */
export function parseOnnxModel(bytes: Uint8Array): OnnxModel {
  const r = new BinaryReader(bytes);
  const model: OnnxModel = {
    irVersion: 0,
    producerName: '',
    producerVersion: '',
    opsets: [],
    graph: emptyGraph(),
  };
  let sawGraph = false;
  try {
    each(r, bytes.byteLength, (no) => {
      if (no === 1) model.irVersion = int(r.int64());
      else if (no === 2) model.producerName = str(r);
      else if (no === 3) model.producerVersion = str(r);
      else if (no === 7) {
        model.graph = graph(r, sub(r));
        sawGraph = true;
      } else if (no === 8) {
        const e = sub(r);
        const opset = { domain: '', version: 0 };
        each(r, e, (k) => {
          if (k === 1) opset.domain = str(r);
          else if (k === 2) opset.version = int(r.int64());
          else return false;
          return true;
        });
        model.opsets.push(opset);
      } else return false;
      return true;
    });
  } catch (e) {
    if (e instanceof OnnxParseError) throw e;
    throw new OnnxParseError(`not a readable ONNX file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!sawGraph || model.irVersion <= 0)
    throw new OnnxParseError('not an ONNX model (no graph or IR version)');
  return model;
}

function emptyGraph(): OnnxGraph {
  return { name: '', nodes: [], initializers: [], inputs: [], outputs: [], valueInfo: [] };
}
