// AutoML Edge image classification stand-in: a small loadImageClassification (tf.loadGraphModel on the model URL and
// dict.txt beside it, in parallel) and classify (centre crop with tf.image.cropAndResize to 224 x 224, scale to
// [-1, 1], GraphModel.predict, one probability per label) — what @tensorflow/tfjs-automl does — run on the
// page's daisy photo, as the demo does (and again on request). Written for this project; not the library's code.
/* global tf */
(() => {
  'use strict';

  const MODEL_URL = 'https://storage.googleapis.com/tfjs-testing/tfjs-automl/img_classification/model.json';
  const SIZE = [224, 224];

  async function loadDictionary(modelUrl) {
    const url = `${modelUrl.slice(0, modelUrl.lastIndexOf('/'))}/dict.txt`;
    const text = await (await fetch(url)).text();
    return text.trim().split('\n');
  }

  async function loadImageClassification(modelUrl) {
    const [graphModel, dictionary] = await Promise.all([
      tf.loadGraphModel(modelUrl),
      loadDictionary(modelUrl),
    ]);
    return {
      graphModel,
      dictionary,
      async classify(image) {
        const scores = tf.tidy(() => {
          const pixels = tf.browser.fromPixels(image);
          const [height, width] = pixels.shape;
          const size = Math.min(height, width);
          const top = (height - size) / 2;
          const left = (width - size) / 2;
          const box = [top / height, left / width, (top + size) / height, (left + size) / width];
          const cropped = tf.image.cropAndResize(pixels.toFloat().expandDims(), [box], [0], SIZE);
          return graphModel.predict(cropped.div(127.5).sub(1));
        });
        const probabilities = await scores.data();
        scores.dispose();
        return Array.from(probabilities, (prob, i) => ({ label: dictionary[i], prob }));
      },
    };
  }

  function imageLoaded(img) {
    if (img.complete && img.naturalWidth > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      img.addEventListener('load', () => resolve(), { once: true });
      img.addEventListener('error', () => reject(new Error('the photo did not load')), { once: true });
    });
  }

  async function run() {
    const backend = new URLSearchParams(location.search).get('backend');
    if (backend) await tf.setBackend(backend);
    const model = await loadImageClassification(MODEL_URL);
    const image = /** @type {HTMLImageElement} */ (document.getElementById('daisy'));
    await imageLoaded(image);
    const show = async () => {
      const predictions = await model.classify(image);
      const list = /** @type {HTMLElement} */ (document.getElementById('predictions'));
      list.replaceChildren();
      for (const p of [...predictions].sort((a, b) => b.prob - a.prob)) {
        const item = document.createElement('li');
        item.textContent = `${p.label}: ${(p.prob * 100).toFixed(1)} %`;
        list.append(item);
      }
      const top = predictions.reduce((a, b) => (b.prob > a.prob ? b : a));
      document.documentElement.dataset.top = top.label;
      document.documentElement.dataset.probs = predictions.map((p) => p.prob.toFixed(6)).join(' ');
    };
    await show();
    // The demo classifies once and then drops its model (the hook, holding models weakly, loses it at the next
    // garbage collection); this button keeps the model in use, as an interactive page would.
    document.getElementById('again').addEventListener('click', () => void show());
    document.documentElement.dataset.ready = '1';
  }

  run().catch((e) => {
    document.documentElement.dataset.error = String(e && e.message ? e.message : e);
  });
})();
