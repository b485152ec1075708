// Trains and evaluates a classifier on a synthetic Dataset with fixed settings and no shuffling, so the model
// scripts give byte-identical weights on every run.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './datasets.js';

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Called after each epoch with the mean training loss and accuracy. */
  onEpoch?: (epoch: number, loss: number, accuracy: number) => void;
}

/** The examples of a dataset as a tensor of shape [count, ...exampleShape]. */
export function examplesTensor(data: Dataset): tf.Tensor {
  return tf.tensor(data.xs, [data.count, ...data.exampleShape]);
}

/** Compiles `model` with Adam + categorical cross-entropy and fits it on `data` in order. */
export async function trainClassifier(
  model: tf.LayersModel,
  data: Dataset,
  settings: TrainSettings,
): Promise<void> {
  model.compile({
    optimizer: tf.train.adam(settings.learningRate),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const xs = examplesTensor(data);
  const ys = tf.oneHot(tf.tensor1d(data.labels, 'int32'), data.classes.length);
  try {
    await model.fit(xs, ys, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onEpochEnd: async (epoch, logs) => {
          settings.onEpoch?.(epoch, Number(logs?.['loss']), Number(logs?.['acc'] ?? logs?.['accuracy']));
        },
      },
    });
  } finally {
    xs.dispose();
    ys.dispose();
  }
}

/** Fraction of `data` whose arg-max prediction equals its label. */
export function accuracy(model: tf.LayersModel, data: Dataset): number {
  const predicted = tf.tidy(() => {
    const probs = model.predict(examplesTensor(data), { batchSize: 256 }) as tf.Tensor;
    return probs.argMax(-1).dataSync();
  });
  let correct = 0;
  for (let i = 0; i < data.count; i++) if (predicted[i] === data.labels[i]) correct++;
  return correct / data.count;
}
