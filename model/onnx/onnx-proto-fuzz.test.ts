// The ONNX parser on hostile bytes (a page chooses what a session is created from): random bytes and mutations of a
// real model either parse or fail with OnnxParseError — never another exception, never a hang — and whatever
// parses describes into a graph the validator accepts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModelGraph } from '../model-graph-validate';
import { describeOnnxModel } from './describe-onnx';
import { OnnxParseError, parseOnnxModel } from './onnx-proto';

const real = new Uint8Array(readFileSync(new URL('../../test/fixtures/onnx/tiny-cnn.onnx', import.meta.url)));
const ctx = {
  id: 'o1',
  sourceUrl: null,
  origin: 'memory',
  executionProvider: 'wasm',
  runtimeVersion: null,
} as const;

function parsesOrRefuses(bytes: Uint8Array): void {
  let model;
  try {
    model = parseOnnxModel(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(OnnxParseError);
    return;
  }
  const graph = describeOnnxModel(model, ctx);
  expect(parseModelGraph(JSON.parse(JSON.stringify(graph)))).not.toBeNull();
}

describe('parseOnnxModel on hostile bytes', () => {
  it('a payload read as a shape of rank 9 (a found case) is refused, not described out of bounds', () => {
    const bytes = real.slice();
    bytes[741] = 10;
    parsesOrRefuses(bytes);
    expect(() => parseOnnxModel(bytes)).toThrow(/invalid shape/);
  });

  it('refuses an initializer with a negative dimension, naming it', () => {
    // graph { initializer { dims: -1, data_type: 1, name: "w" } } with IR version 8
    const tensor = [
      0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x10, 0x01, 0x42, 0x01, 0x77,
    ];
    const graph = [0x2a, tensor.length, ...tensor];
    const bytes = new Uint8Array([0x08, 0x08, 0x3a, graph.length, ...graph]);
    expect(() => parseOnnxModel(bytes)).toThrow(/tensor "w" has an invalid shape/);
  });

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), parsesOrRefuses), { numRuns: 5000 });
  });

  it('a real model with bytes flipped, cut or inserted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(real.length),
        (edits, cut) => {
          const bytes = real.slice();
          for (const [at, value] of edits) bytes[at] = value;
          parsesOrRefuses(bytes);
          parsesOrRefuses(bytes.subarray(0, cut));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('describeOnnxModel within the ModelGraph bounds', () => {
  it('cuts long tensor, node and attribute names so the graph stays valid', () => {
    const model = parseOnnxModel(real);
    const long = 'x'.repeat(3000);
    model.graph.nodes[0]!.outputs[0] = long;
    model.graph.nodes[1]!.inputs[0] = long;
    model.graph.nodes[2]!.attrs[long] = 1;
    model.graph.inputs[0]!.name = long + 'in';
    model.graph.nodes[0]!.inputs[0] = long + 'in';
    model.graph.initializers[0]!.name = long + 'w';
    const graph = describeOnnxModel(model, ctx);
    expect(parseModelGraph(JSON.parse(JSON.stringify(graph)))).not.toBeNull();
  });
});
