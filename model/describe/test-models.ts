// Test models built in code with a given tf.js module (any version), plus save/reload through tf.io.fromMemory.

export type Tf = any;

/** conv → pool → depthwise → batchnorm → flatten → dropout → dense, with explicit names. */
export function buildConvNet(tf: Tf): any {
  return tf.sequential({
    name: 'code_conv',
    layers: [
      tf.layers.conv2d({
        name: 'c1',
        inputShape: [8, 8, 1],
        filters: 3,
        kernelSize: 3,
        activation: 'relu',
        padding: 'same',
      }),
      tf.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
      tf.layers.depthwiseConv2d({ name: 'dw1', kernelSize: 3, depthMultiplier: 2, padding: 'valid' }),
      tf.layers.batchNormalization({ name: 'bn1' }),
      tf.layers.flatten({ name: 'fl' }),
      tf.layers.dropout({ name: 'drop', rate: 0.25 }),
      tf.layers.dense({ name: 'd1', units: 5, activation: 'softmax' }),
    ],
  });
}

/** x → (a: dense 3, b: dense 5) → concatenate → out: dense 2. */
export function buildTwoBranch(tf: Tf): any {
  const x = tf.input({ shape: [8], name: 'x' });
  const a = tf.layers.dense({ units: 3, name: 'a', activation: 'relu' }).apply(x);
  const b = tf.layers.dense({ units: 5, name: 'b', activation: 'tanh' }).apply(x);
  const cat = tf.layers.concatenate({ name: 'cat' }).apply([a, b]);
  const out = tf.layers.dense({ units: 2, name: 'out' }).apply(cat);
  return tf.model({ inputs: x, outputs: out, name: 'code_branches' });
}

/** Teachable-Machine shape: outer Sequential [base Sequential, head Sequential]. */
export function buildNested(tf: Tf): any {
  const base = tf.sequential({
    name: 'base',
    layers: [
      tf.layers.dense({ name: 'base_dense', inputShape: [3], units: 4, activation: 'relu' }),
      tf.layers.batchNormalization({ name: 'base_bn' }),
    ],
  });
  const head = tf.sequential({
    name: 'head',
    layers: [tf.layers.dense({ name: 'head_dense', inputShape: [4], units: 2, activation: 'softmax' })],
  });
  return tf.sequential({ name: 'code_nested', layers: [base, head] });
}

/** Sequence model: LSTM (return sequences) → dense per step. */
export function buildLstm(tf: Tf): any {
  return tf.sequential({
    name: 'code_lstm',
    layers: [
      tf.layers.lstm({ name: 'lstm', units: 4, returnSequences: true, inputShape: [5, 3] }),
      tf.layers.dense({ name: 'step', units: 2 }),
    ],
  });
}

/** Saves a LayersModel to memory and loads it back, as a page loading the same model.json would. */
export async function reload(tf: Tf, model: any): Promise<any> {
  let saved: any;
  await model.save(
    tf.io.withSaveHandler(async (artifacts: any) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}
