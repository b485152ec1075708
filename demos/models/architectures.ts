// Builds the demo models' layer graphs with seeded initializers and meaningful layer names, so training is
// reproducible and explanations can point at `conv1`, `pool1`, `probs` and so on.
import * as tf from '@tensorflow/tfjs';

/** Seeded initializers: each call hands out the next seed, so no two layers start alike. */
class SeededInit {
  private next: number;
  constructor(seed: number) {
    this.next = seed;
  }
  glorot() {
    return tf.initializers.glorotUniform({ seed: this.next++ });
  }
  he() {
    return tf.initializers.heNormal({ seed: this.next++ });
  }
  small() {
    return tf.initializers.randomNormal({ mean: 0, stddev: 0.02, seed: this.next++ });
  }
}

/** shapes-cnn: 28×28×1 drawings → 5 shape classes. Conv → pool → conv → pool → flatten → dense → softmax. */
export function buildShapesCnn(classes: number, seed: number): tf.Sequential {
  const init = new SeededInit(seed);
  const model = tf.sequential({ name: 'shapes_cnn' });
  model.add(
    tf.layers.conv2d({
      name: 'conv1',
      inputShape: [28, 28, 1],
      filters: 8,
      kernelSize: 5,
      padding: 'same',
      activation: 'relu',
      // A small start and weight decay leave mostly the structure the data teaches: edge and line detectors.
      kernelInitializer: init.small(),
      kernelRegularizer: tf.regularizers.l2({ l2: 3e-3 }),
    }),
  );
  model.add(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }));
  model.add(
    tf.layers.conv2d({
      name: 'conv2',
      filters: 16,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init.he(),
    }),
  );
  model.add(tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }));
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ name: 'dense1', units: 32, activation: 'relu', kernelInitializer: init.he() }));
  model.add(
    tf.layers.dense({
      name: 'probs',
      units: classes,
      activation: 'softmax',
      kernelInitializer: init.glorot(),
    }),
  );
  return model;
}

/**
 * tiny-mobilenet: 32×32×3 → classes. A stride-2 stem conv, then depthwise-separable blocks (depthwise 3×3 →
 * BatchNorm → ReLU6 → pointwise 1×1 → BatchNorm → ReLU6), global average pooling and a softmax head.
 */
export function buildTinyMobilenet(
  classes: number,
  seed: number,
  stemFilters = 16,
  blocks: [filters: number, stride: number][] = [
    [32, 2],
    [64, 2],
    [64, 1],
  ],
): tf.LayersModel {
  const init = new SeededInit(seed);
  const input = tf.input({ name: 'image', shape: [32, 32, 3] });
  const bnRelu6 = (x: tf.SymbolicTensor, name: string) => {
    const normalized = tf.layers.batchNormalization({ name: `${name}_bn`, momentum: 0.9 }).apply(x);
    return tf.layers.reLU({ name: `${name}_relu`, maxValue: 6 }).apply(normalized) as tf.SymbolicTensor;
  };
  const stem = tf.layers
    .conv2d({
      name: 'conv1',
      filters: stemFilters,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      useBias: false,
      kernelInitializer: init.he(),
    })
    .apply(input) as tf.SymbolicTensor;
  let x = bnRelu6(stem, 'conv1');
  blocks.forEach(([filters, stride], index) => {
    const block = `block${index + 1}`;
    const depthwise = tf.layers
      .depthwiseConv2d({
        name: `${block}_depthwise`,
        kernelSize: 3,
        strides: stride,
        padding: 'same',
        useBias: false,
        depthwiseInitializer: init.he(),
      })
      .apply(x) as tf.SymbolicTensor;
    x = bnRelu6(depthwise, `${block}_depthwise`);
    const pointwise = tf.layers
      .conv2d({
        name: `${block}_pointwise`,
        filters,
        kernelSize: 1,
        padding: 'same',
        useBias: false,
        kernelInitializer: init.he(),
      })
      .apply(x) as tf.SymbolicTensor;
    x = bnRelu6(pointwise, `${block}_pointwise`);
  });
  const pooled = tf.layers.globalAveragePooling2d({ name: 'global_pool' }).apply(x);
  const probs = tf.layers
    .dense({ name: 'probs', units: classes, activation: 'softmax', kernelInitializer: init.glorot() })
    .apply(pooled) as tf.SymbolicTensor;
  return tf.model({ name: 'tiny_mobilenet', inputs: input, outputs: probs });
}

/** spiral-mlp: 2-D point → Dense(tanh) → Dense(tanh) → Dense softmax over the 3 spiral arms. */
export function buildSpiralMlp(classes: number, seed: number): tf.Sequential {
  const init = new SeededInit(seed);
  const model = tf.sequential({ name: 'spiral_mlp' });
  model.add(
    tf.layers.dense({
      name: 'hidden1',
      inputShape: [2],
      units: 24,
      activation: 'tanh',
      kernelInitializer: init.glorot(),
    }),
  );
  model.add(
    tf.layers.dense({ name: 'hidden2', units: 24, activation: 'tanh', kernelInitializer: init.glorot() }),
  );
  model.add(
    tf.layers.dense({
      name: 'probs',
      units: classes,
      activation: 'softmax',
      kernelInitializer: init.glorot(),
    }),
  );
  return model;
}

/** point-regions: 2-D point → Dense(relu) → Dense(relu) → Dense softmax over the swirl regions. */
export function buildPointRegions(classes: number, seed: number): tf.Sequential {
  const init = new SeededInit(seed);
  const model = tf.sequential({ name: 'point_regions' });
  model.add(
    tf.layers.dense({
      name: 'hidden1',
      inputShape: [2],
      units: 32,
      activation: 'relu',
      kernelInitializer: init.he(),
    }),
  );
  model.add(
    tf.layers.dense({ name: 'hidden2', units: 32, activation: 'relu', kernelInitializer: init.he() }),
  );
  model.add(
    tf.layers.dense({
      name: 'probs',
      units: classes,
      activation: 'softmax',
      kernelInitializer: init.glorot(),
    }),
  );
  return model;
}
