// Draw-a-shape demo: a script-tag tf.js page (global `tf`, tf.js 4.x UMD) that runs a LayersModel's predict
// on the user's sketch after every stroke, like the classic MNIST drawing demos.
/* global tf */
import { mulberry32 } from '/demos/shared/prng.js';
import { randomDrawing, renderDrawing } from '/demos/shared/shapes.js';
import { showProbabilities } from '/demos/shared/probability-bars.js';
import {
  OutputDigest,
  chooseBackend,
  publishTestError,
  publishTestResult,
  readDemoOptions,
} from '/demos/shared/test-mode.js';

const MODEL_URL = '/demos/models/shapes-cnn/model.json';
const LABELS_URL = '/demos/models/shapes-cnn/labels.json';
const SIDE = 280;
const SHRINK = 10; // 280 px → 28 px input
const INK = [12, 20, 38];
// Seeds whose sketches sit well inside the canvas, one per class (circle, square, triangle, cross, line).
const EXAMPLE_SEEDS = [11, 83, 122, 95, 113];

const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('sketch'));
const context = /** @type {CanvasRenderingContext2D} */ (
  canvas.getContext('2d', { willReadFrequently: true })
);
const verdict = /** @type {HTMLElement} */ (document.getElementById('verdict'));
const bars = /** @type {HTMLElement} */ (document.getElementById('bars'));

/** @type {any} */
let model;
/** @type {string[]} */
let labels = [];

function clearCanvas() {
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, SIDE, SIDE);
}

/** Paints a synthetic sketch (the same renderer the model was trained on) onto the canvas. */
function paintSketch(params) {
  const ink = renderDrawing(params, SIDE);
  const image = context.createImageData(SIDE, SIDE);
  for (let i = 0; i < ink.length; i++) {
    const a = ink[i];
    image.data[4 * i] = Math.round(255 + (INK[0] - 255) * a);
    image.data[4 * i + 1] = Math.round(255 + (INK[1] - 255) * a);
    image.data[4 * i + 2] = Math.round(255 + (INK[2] - 255) * a);
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** A tidy example sketch of class `classIndex`: a seeded hand-drawn look, centred and fully on the canvas. */
function exampleSketch(classIndex) {
  const params = randomDrawing(mulberry32(EXAMPLE_SEEDS[classIndex] ?? 1), labels[classIndex]);
  return { ...params, cx: 0.5, cy: 0.5, size: 0.28 };
}

/** Canvas pixels → [1, 28, 28, 1] ink in [0, 1] → class probabilities. */
function predict() {
  return tf.tidy(() => {
    const pixels = tf.browser.fromPixels(canvas, 1).toFloat();
    const ink = tf.scalar(1).sub(pixels.div(255)).expandDims(0);
    const small = tf.avgPool(ink, SHRINK, SHRINK, 'valid');
    return model.predict(small);
  });
}

async function classify() {
  const output = predict();
  const probs = await output.data();
  output.dispose();
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  verdict.textContent = `Looks like a ${labels[best]} (${(100 * probs[best]).toFixed(0)}%)`;
  showProbabilities(bars, labels, probs);
  return probs;
}

function enableDrawing() {
  let drawing = false;
  let pending = false;
  let last = { x: 0, y: 0 };
  const pointOf = (event) => {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * SIDE) / box.width,
      y: ((event.clientY - box.top) * SIDE) / box.height,
    };
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      void classify();
    });
  };
  canvas.addEventListener('pointerdown', (event) => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    last = pointOf(event);
    context.beginPath();
    context.fillStyle = `rgb(${INK.join(',')})`;
    context.arc(last.x, last.y, 8, 0, 2 * Math.PI);
    context.fill();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    const next = pointOf(event);
    context.strokeStyle = `rgb(${INK.join(',')})`;
    context.lineWidth = 16;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(next.x, next.y);
    context.stroke();
    last = next;
    schedule();
  });
  const finish = () => {
    if (!drawing) return;
    drawing = false;
    void classify();
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);
  document.getElementById('clear')?.addEventListener('click', () => {
    clearCanvas();
    verdict.textContent = 'Draw a shape';
    showProbabilities(bars, labels, new Array(labels.length).fill(0));
  });
  let exampleIndex = 0;
  document.getElementById('example')?.addEventListener('click', () => {
    const classIndex = exampleIndex % labels.length;
    exampleIndex++;
    paintSketch(exampleSketch(classIndex));
    void classify();
  });
}

/** Test mode: N predictions on synthetic sketches from a fixed seed, then the digest in the DOM. */
async function runFrames(frames) {
  const rand = mulberry32(20240601);
  const digest = new OutputDigest();
  for (let i = 0; i < frames; i++) {
    paintSketch(randomDrawing(rand, labels[i % labels.length]));
    digest.add(await classify());
  }
  publishTestResult({ digest: digest.hex(), numTensors: tf.memory().numTensors, frames });
}

async function main() {
  const options = readDemoOptions(location.search);
  await chooseBackend(tf, options.backend);
  clearCanvas();
  [model, labels] = await Promise.all([
    tf.loadLayersModel(MODEL_URL),
    fetch(LABELS_URL).then((response) => response.json()),
  ]);
  document.getElementById('runtime').textContent =
    `TensorFlow.js ${tf.version.tfjs} · backend ${tf.getBackend()} · model ${MODEL_URL}`;
  if (options.frames !== null) {
    await runFrames(options.frames);
    return;
  }
  enableDrawing();
  paintSketch(exampleSketch(labels.indexOf('triangle')));
  await classify();
}

main().catch((error) => {
  verdict.textContent = `Something went wrong: ${error.message}`;
  publishTestError(error);
});
