// Every op in the ONNX models we test and ship has a built-in explanation with an equation, channels first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOnnxModel } from '../../../model/onnx/onnx-proto';
import { lookupOp } from './lookup';

const tiny = parseOnnxModel(
  new Uint8Array(readFileSync(new URL('../../../test/fixtures/onnx/tiny-cnn.onnx', import.meta.url))),
);

describe('ONNX ops in the glossary', () => {
  it('explains every op of the test model and of the gallery’s ONNX models, with an equation', () => {
    const gallery = ['shapes-cnn-onnx/model.onnx', 'sentiment-tiny/onnx/model.onnx'].flatMap(
      (path) =>
        parseOnnxModel(
          new Uint8Array(readFileSync(new URL(`../../../demos/onnx-models/${path}`, import.meta.url))),
        ).graph.nodes,
    );
    for (const op of new Set([...tiny.graph.nodes, ...gallery].map((n) => n.opType))) {
      const entry = lookupOp(op, 'graph');
      expect(entry, op).not.toBeNull();
      expect(entry!.tex.length, op).toBeGreaterThan(0);
    }
  });

  it('uses ONNX’s own entries where TensorFlow has no op of that name, channels first', () => {
    expect(lookupOp('Conv', 'graph')!.tex).toContain('x_{n,c,');
    expect(lookupOp('Gemm', 'graph')!.family).toBe('dense');
    expect(lookupOp('GlobalAveragePool', 'graph')!.title).toBe('Global average pooling');
    expect(lookupOp('BatchNormalization', 'graph')!.tex).toContain(String.raw`\gamma_c`);
    for (const op of [
      'LayerNormalization',
      'Attention',
      'MultiHeadAttention',
      'Gelu',
      'Erf',
      'Unsqueeze',
      'AveragePool',
    ])
      expect(lookupOp(op, 'graph'), op).not.toBeNull();
    // A tf.js layers model keeps its own entries first.
    expect(lookupOp('BatchNormalization', 'layers')!.tex).not.toContain(String.raw`\gamma_c`);
  });
});
