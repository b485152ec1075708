import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { describeModel } from '../../../model/describe/describe-model';
import { buildConvNet, buildLstm, buildNested, buildTwoBranch } from '../../../model/describe/test-models';
import { entryLayers, layerIndex } from './layer-index';

const ctx = {
  id: 'm1',
  sourceUrl: null,
  origin: 'code' as const,
  format: null,
  backend: 'cpu',
  tfjsVersion: null,
  tfjsVersionClass: '3.x+' as const,
};

/** Outer and nested models that reuse a layer name: describe gives the inner one a 'parent/name' id. */
function collidingNames(): tf.Sequential {
  const inner = tf.sequential({
    name: 'inner',
    layers: [tf.layers.dense({ name: 'd', units: 3, inputShape: [3] })],
  });
  return tf.sequential({
    name: 'outer',
    layers: [tf.layers.dense({ name: 'd', units: 3, inputShape: [4] }), inner],
  });
}

describe('layerIndex', () => {
  const models = [buildConvNet(tf), buildTwoBranch(tf), buildNested(tf), buildLstm(tf), collidingNames()];
  for (const model of models) {
    it(`resolves every ModelGraph node id of ${model.name} to the layer describe saw`, () => {
      const graph = describeModel(model, ctx)!;
      const index = layerIndex(model);
      expect([...index.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      for (const node of graph.nodes) {
        const layer = index.get(node.id) as { name: string };
        expect(node.id.split('/').pop()!.split('#')[0]).toBe(layer.name);
      }
    });
  }

  it('tells nested layers with a reused name apart', () => {
    const model = collidingNames();
    const index = layerIndex(model);
    expect(index.get('d')).toBe(model.layers[0]);
    expect(index.get('inner/d')).toBe((model.layers[1] as tf.Sequential).layers[0]);
  });

  it('finds the layers that read the model input', () => {
    const model = buildTwoBranch(tf);
    expect(
      entryLayers(model)
        .map((l: any) => l.name)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(entryLayers({})).toEqual([]);
  });

  it('returns an empty index for hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(layerIndex(hostile).size).toBe(0);
  });
});
