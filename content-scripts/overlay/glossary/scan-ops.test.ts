import { describe, expect, it } from 'vitest';
import { scanModelJson } from './scan-ops';

describe('scanModelJson', () => {
  it('lists graph ops, including those inside library functions', () => {
    const used = scanModelJson({
      format: 'graph-model',
      modelTopology: {
        node: [{ op: 'Placeholder' }, { op: 'Conv2D' }, { name: 'no-op' }],
        library: { function: [{ nodeDef: [{ op: 'Relu6' }] }] },
      },
    });
    expect([...used.ops].sort()).toEqual(['Conv2D', 'Placeholder', 'Relu6']);
  });

  it('walks Keras model_config, bare Sequential lists, nested models, wrappers and activations', () => {
    const used = scanModelJson({
      modelTopology: {
        model_config: {
          class_name: 'Sequential',
          config: [
            {
              class_name: 'Conv2D',
              config: {
                activation: 'relu',
                kernel_initializer: { class_name: 'VarianceScaling', config: {} },
              },
            },
            { class_name: 'Model', config: { layers: [{ class_name: 'ZeroPadding2D', config: {} }] } },
            {
              class_name: 'Bidirectional',
              config: { layer: { class_name: 'LSTM', config: { recurrent_activation: 'hard_sigmoid' } } },
            },
          ],
        },
      },
    });
    expect([...used.layers].sort()).toEqual([
      'Bidirectional',
      'Conv2D',
      'LSTM',
      'Model',
      'Sequential',
      'ZeroPadding2D',
    ]);
    expect([...used.activations].sort()).toEqual(['hard_sigmoid', 'relu']);
  });

  it('reads tfjs-layers saves that put the model at the top of modelTopology, and ignores junk', () => {
    const used = scanModelJson({
      modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: {} }] } },
    });
    expect([...used.layers].sort()).toEqual(['Dense', 'Sequential']);
    expect(scanModelJson(null).layers.size).toBe(0);
    expect(scanModelJson({ modelTopology: { node: 'x' } }).ops.size).toBe(0);
  });
});
