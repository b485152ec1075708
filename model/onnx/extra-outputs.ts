// Makes a copy of an ONNX model whose graph also outputs some inner tensors, for a second, reader-only session that
// computes intermediate values (the page's own session is never changed). Protobuf merges a message field that
// occurs twice, so the copy is the original bytes plus one more `graph` field holding only the extra outputs:
// nothing is parsed or re-encoded. A ValueInfo without a type is accepted by ONNX Runtime for a graph output.

import { BinaryWriter } from '@bufbuild/protobuf/wire';

/** ModelProto.graph and GraphProto.output, ValueInfoProto.name (onnx/onnx.proto). */
const MODEL_GRAPH = 7;
const GRAPH_OUTPUT = 12;
const VALUE_INFO_NAME = 1;

/** Most extra outputs one copy may ask for. */
export const MAX_EXTRA_OUTPUTS = 64;

/** The model's bytes followed by a `graph` field listing `names` as extra graph outputs. */
export function withExtraOutputs(model: Uint8Array, names: readonly string[]): Uint8Array {
  const unique = [...new Set(names)].filter((n) => n.length > 0 && n.length <= 1024);
  if (unique.length === 0) throw new Error('no extra outputs asked for');
  if (unique.length > MAX_EXTRA_OUTPUTS) throw new Error(`at most ${MAX_EXTRA_OUTPUTS} extra outputs`);
  const graph = new BinaryWriter();
  for (const name of unique)
    graph.uint32((GRAPH_OUTPUT << 3) | 2).bytes(
      new BinaryWriter()
        .uint32((VALUE_INFO_NAME << 3) | 2)
        .string(name)
        .finish(),
    );
  const tail = new BinaryWriter()
    .uint32((MODEL_GRAPH << 3) | 2)
    .bytes(graph.finish())
    .finish();
  const out = new Uint8Array(model.length + tail.length);
  out.set(model, 0);
  out.set(tail, model.length);
  return out;
}
