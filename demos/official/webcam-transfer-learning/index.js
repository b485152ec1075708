// Webcam transfer learning stand-in: loads MobileNet v1 0.25 with tf.loadLayersModel, truncates it at conv_pw_13_relu
// with tf.model({inputs, outputs}), collects activations of webcam frames per control, trains a small dense head
// (flatten → dense relu → dense softmax, 4 controls) in the page with Adam, then classifies frames in a loop — the
// demo's flow. A canvas showing a chosen photo, slightly shifted on each capture, replaces the webcam.
// Written for this project; not the demo's code.
/* global tf */
(() => {
  'use strict';

  const MOBILENET_URL = 'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json';
  const CONTROLS = ['up', 'down', 'left', 'right'];
  const NUM_CLASSES = CONTROLS.length;

  const webcam = /** @type {HTMLCanvasElement} */ (document.getElementById('webcam'));
  const scene = /** @type {HTMLSelectElement} */ (document.getElementById('scene'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const trainStatus = /** @type {HTMLElement} */ (document.getElementById('train-status'));
  const prediction = /** @type {HTMLElement} */ (document.getElementById('prediction'));
  const value = (id) => Number(/** @type {HTMLSelectElement} */ (document.getElementById(id)).value);

  /** @type {any} */ let truncated;
  /** @type {any} */ let head;
  /** @type {any} */ let xs = null;
  /** @type {any} */ let ys = null;
  let captures = 0;
  let predicting = false;
  /** @type {HTMLImageElement} */ let photo;
  const totals = [0, 0, 0, 0];

  function loadImage(src) {
    return new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = () => reject(new Error(`could not load ${src}`));
      image.src = src;
    });
  }

  /** The "camera": the photo, centre-cropped, moved a few pixels each capture as a hand-held camera would. */
  function drawCamera() {
    const ctx = /** @type {CanvasRenderingContext2D} */ (webcam.getContext('2d'));
    const side = Math.min(photo.naturalWidth, photo.naturalHeight) * 0.9;
    const dx = ((captures * 7) % 11) - 5;
    const dy = ((captures * 5) % 9) - 4;
    const sx = (photo.naturalWidth - side) / 2 + dx * (side / 224);
    const sy = (photo.naturalHeight - side) / 2 + dy * (side / 224);
    ctx.drawImage(photo, sx, sy, side, side, 0, 0, webcam.width, webcam.height);
    captures += 1;
  }

  /** A frame as the demo prepares it: [1, 224, 224, 3], pixels scaled to [-1, 1]. */
  function getImage() {
    drawCamera();
    return tf.tidy(() => tf.browser.fromPixels(webcam).expandDims(0).toFloat().div(127).sub(1));
  }

  async function loadTruncatedMobileNet() {
    // Like the demo, the loaded model is only a local: once truncated nothing holds it, and the browser may collect it
    // (what Literate must survive).
    const mobilenet = await tf.loadLayersModel(MOBILENET_URL);
    const layer = mobilenet.getLayer('conv_pw_13_relu');
    return tf.model({ inputs: mobilenet.inputs, outputs: layer.output });
  }

  function addExample(activation, label) {
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([label], 'int32'), NUM_CLASSES));
    if (xs === null) {
      xs = tf.keep(activation);
      ys = tf.keep(y);
      return;
    }
    const [oldX, oldY] = [xs, ys];
    xs = tf.keep(oldX.concat(activation, 0));
    ys = tf.keep(oldY.concat(y, 0));
    tf.dispose([oldX, oldY, y, activation]);
  }

  function drawThumb(label) {
    const thumb = /** @type {HTMLCanvasElement} */ (document.getElementById(`${CONTROLS[label]}-thumb`));
    const ctx = /** @type {CanvasRenderingContext2D} */ (thumb.getContext('2d'));
    ctx.drawImage(webcam, 0, 0, thumb.width, thumb.height);
  }

  async function train() {
    if (xs === null) throw new Error('Add some examples before training!');
    head = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: truncated.outputs[0].shape.slice(1) }),
        tf.layers.dense({
          units: value('dense-units'),
          activation: 'relu',
          kernelInitializer: 'varianceScaling',
          useBias: true,
        }),
        tf.layers.dense({
          units: NUM_CLASSES,
          kernelInitializer: 'varianceScaling',
          useBias: false,
          activation: 'softmax',
        }),
      ],
    });
    head.compile({ optimizer: tf.train.adam(value('learningRate')), loss: 'categoricalCrossentropy' });
    const batchSize = Math.floor(xs.shape[0] * value('batchSizeFraction'));
    if (!(batchSize > 0)) throw new Error('Batch size is 0 or NaN. Please choose a non-zero fraction.');
    let loss = NaN;
    await head.fit(xs, ys, {
      batchSize,
      epochs: value('epochs'),
      callbacks: {
        onBatchEnd: async (_batch, logs) => {
          loss = logs.loss;
          trainStatus.textContent = `Loss: ${loss.toFixed(5)}`;
        },
      },
    });
    document.documentElement.dataset.trained = loss.toFixed(5);
  }

  async function predictLoop() {
    while (predicting) {
      const img = getImage();
      const classId = tf.tidy(() => head.predict(truncated.predict(img)).as1D().argMax());
      const [id] = await classId.data();
      tf.dispose([img, classId]);
      prediction.textContent = CONTROLS[id];
      document.body.setAttribute('data-active', CONTROLS[id]);
      document.documentElement.dataset.prediction = CONTROLS[id];
      await tf.nextFrame();
    }
  }

  CONTROLS.forEach((name, label) => {
    document.getElementById(name).addEventListener('click', async () => {
      const img = getImage();
      addExample(truncated.predict(img), label);
      drawThumb(label);
      img.dispose();
      totals[label] += 1;
      document.getElementById(`${name}-total`).textContent = String(totals[label]);
    });
  });

  document.getElementById('train').addEventListener('click', async () => {
    trainStatus.textContent = 'Training...';
    predicting = false;
    await tf.nextFrame();
    try {
      await train();
    } catch (e) {
      trainStatus.textContent = String(e && e.message ? e.message : e);
    }
  });

  document.getElementById('predict').addEventListener('click', () => {
    if (!head || predicting) return;
    predicting = true;
    predictLoop();
  });

  scene.addEventListener('change', async () => {
    photo = await loadImage(scene.value);
    drawCamera();
    document.documentElement.dataset.scene = scene.value;
  });

  async function init() {
    const backend = new URLSearchParams(location.search).get('backend');
    if (backend) await tf.setBackend(backend);
    photo = await loadImage(scene.value);
    drawCamera();
    document.documentElement.dataset.scene = scene.value;
    truncated = await loadTruncatedMobileNet();
    // Warm up, as the demo does with a first capture.
    const first = getImage();
    tf.dispose([truncated.predict(first), first]);
    status.textContent = 'Ready: add examples for two or more controls, then train.';
    document.documentElement.dataset.ready = '1';
  }

  init().catch((e) => {
    status.textContent = `Error: ${e && e.message ? e.message : e}`;
    document.documentElement.dataset.error = String(e && e.message ? e.message : e);
  });
})();
