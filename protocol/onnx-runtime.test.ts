// The runtime boundary in the protocol: ONNX summaries and model sources cross the bridge validated, and the badge
// title and popup name ONNX Runtime Web with its version and execution providers.
import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../model/model-graph';
import { parseModelSummary, parseOnnxSource } from './bridge-validate';
import { badgeText, badgeTitle, runtimeLabels, type TabState } from './runtime';

const onnx: ModelSummary = {
  id: 'o1',
  kind: 'graph',
  name: 'tiny-cnn.onnx',
  sourceUrl: 'http://127.0.0.1/tiny-cnn.onnx',
  nodes: 0,
  params: 0,
  backend: 'wasm',
  runtime: 'onnx',
  runtimeVersion: '1.31.1',
};
const tab = (models: ModelSummary[], engines: TabState['frames'][number]['engines'] = []): TabState => ({
  tabId: 1,
  frames: [{ frameId: 0, session: 's', frameUrl: 'http://127.0.0.1/', engines, models }],
});

describe('ONNX across the bridge', () => {
  it('keeps a summary’s runtime and refuses an unknown one', () => {
    expect(parseModelSummary(onnx)).toEqual(onnx);
    expect(parseModelSummary({ ...onnx, runtime: 'torch' })).toBeNull();
    expect(parseModelSummary({ ...onnx, runtimeVersion: 7 })).toBeNull();
  });

  it('takes a model source with its bytes, refuses a malformed one', () => {
    const source = {
      bytes: new ArrayBuffer(8),
      url: null,
      origin: 'memory',
      executionProvider: 'webgpu',
      runtimeVersion: null,
      liveShapes: [{ name: 'logits', shape: [1, 3] }],
    };
    expect(parseOnnxSource(source)).toEqual(source);
    expect(parseOnnxSource({ ...source, bytes: 'abc' })).toBeNull();
    expect(parseOnnxSource({ ...source, origin: 'indexeddb' })).toBeNull();
    expect(parseOnnxSource({ ...source, liveShapes: [{ name: 'x', shape: [-5] }] })).toBeNull();
  });
});

describe('runtime labels', () => {
  it('name ONNX Runtime Web with version and execution providers, beside tf.js', () => {
    const state = tab([onnx, { ...onnx, id: 'o2', backend: 'webgpu' }]);
    expect(runtimeLabels(state)).toEqual(['ONNX Runtime Web 1.31.1, wasm, webgpu']);
    expect(badgeText(state)).toBe('2');
    expect(badgeTitle(state)).toBe('Literate: 2 models found (ONNX Runtime Web 1.31.1, wasm, webgpu)');
    const both = tab(
      [{ ...onnx, runtimeVersion: null }],
      [{ id: 'e1', backend: 'webgl', tfjsVersion: '4.22.0', versionClass: '3.x+', late: false }],
    );
    expect(runtimeLabels(both)).toEqual(['4.22.0', 'ONNX Runtime Web, wasm']);
    expect(runtimeLabels(tab([]))).toEqual([]);
    expect(badgeTitle(tab([]))).toBe('Literate: no TensorFlow.js on this page');
  });
});
