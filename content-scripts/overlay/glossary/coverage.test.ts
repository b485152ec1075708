// The glossary covers every name used by the gallery's models and by the real models we test against.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupActivation, lookupOp } from './lookup';
import { COMMON_NAMES, REAL_MODEL_NAMES } from './real-model-ops';
import { scanModelJson, type UsedNames } from './scan-ops';

const ROOT = resolve(import.meta.dirname, '../../..');

/** What the gallery's architectures and graph export produce (demos/models/architectures.ts, graph-export.ts). */
const GALLERY_NAMES = {
  layers: [
    'InputLayer',
    'Conv2D',
    'MaxPooling2D',
    'Flatten',
    'Dense',
    'BatchNormalization',
    'ReLU',
    'DepthwiseConv2D',
    'GlobalAveragePooling2D',
    'Sequential',
    'Model',
  ],
  ops: [
    'Placeholder',
    'Const',
    'Conv2D',
    'DepthwiseConv2dNative',
    'BiasAdd',
    'FusedBatchNormV3',
    'Relu',
    'Relu6',
    'Tanh',
    'Sigmoid',
    'Softmax',
    'MatMul',
    'MaxPool',
    'AvgPool',
    'Mean',
    'Max',
    'Reshape',
    'Identity',
  ],
  activations: ['relu', 'tanh', 'softmax', 'linear'],
};

function galleryModelFiles(dir = join(ROOT, 'demos')): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'vendor') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...galleryModelFiles(path));
    else if (/^model.*\.json$/.test(name)) out.push(path);
  }
  return out;
}

function missing(names: {
  layers: readonly string[];
  ops: readonly string[];
  activations: readonly string[];
}) {
  return [
    ...names.layers.filter((n) => !lookupOp(n, 'layers')).map((n) => `layer ${n}`),
    ...names.ops.filter((n) => !lookupOp(n, 'graph')).map((n) => `op ${n}`),
    ...names.activations.filter((n) => !lookupActivation(n)).map((n) => `activation ${n}`),
  ];
}

describe('glossary coverage', () => {
  it('covers every name in the real models', () => {
    expect(missing(REAL_MODEL_NAMES)).toEqual([]);
  });

  it('covers the names converters and tf.js commonly produce', () => {
    expect(missing(COMMON_NAMES)).toEqual([]);
  });

  it('covers what the gallery architectures build', () => {
    expect(missing(GALLERY_NAMES)).toEqual([]);
  });

  it('covers every name in the committed gallery model files', () => {
    const used: UsedNames = { layers: new Set(), ops: new Set(), activations: new Set() };
    for (const file of galleryModelFiles()) scanModelJson(JSON.parse(readFileSync(file, 'utf8')), used);
    expect(
      missing({ layers: [...used.layers], ops: [...used.ops], activations: [...used.activations] }),
    ).toEqual([]);
  });

  it('would notice a name it does not know', () => {
    expect(
      missing({ layers: ['Conv2D', 'Frobnicate'], ops: ['Zorp'], activations: ['relu', 'wiggle'] }),
    ).toEqual(['layer Frobnicate', 'op Zorp', 'activation wiggle']);
  });
});
