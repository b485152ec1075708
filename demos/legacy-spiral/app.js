// Legacy spiral demo: a tf.js 1.7.4 script-tag page, as written in 2019–2020, that loads a LayersModel and
// calls model.predict on the points the user places, over the spiral data it was trained on.
/* global tf */
import { mulberry32 } from '/demos/shared/prng.js';
import { drawPoint, gridPoints, listenForPoints, paintRegions, showLegend } from '/demos/shared/plane.js';
import { SPIRAL_COLOURS, spiralPoints } from '/demos/shared/spiral.js';
import {
  OutputDigest,
  chooseBackend,
  publishTestError,
  publishTestResult,
  readDemoOptions,
} from '/demos/shared/test-mode.js';

const MODEL_URL = '/demos/models/spiral-mlp/model.json';
const LABELS_URL = '/demos/models/spiral-mlp/labels.json';
const GRID = 64;
// The first 450 points of the training set (same generator, same seed as demos/models/recipes.ts).
const TRAINING = spiralPoints(450, 301);

const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('spiral'));
const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
const verdict = /** @type {HTMLElement} */ (document.getElementById('verdict'));
const log = /** @type {HTMLElement} */ (document.getElementById('point-log'));
const showRegions = /** @type {HTMLInputElement} */ (document.getElementById('show-regions'));

/** @type {any} */
let model;
/** @type {string[]} */
let labels = [];
/** @type {Float32Array | null} */
let regionProbs = null;
/** @type {{x: number, y: number, cls: number}[]} */
const placed = [];

/** model.predict on a batch of points: [n, 2] → [n, classes]. */
async function predictPoints(points) {
  const output = tf.tidy(() => model.predict(tf.tensor2d(points, [points.length / 2, 2])));
  const probs = await output.data();
  output.dispose();
  return probs;
}

function redraw() {
  if (regionProbs && showRegions.checked) paintRegions(context, regionProbs, GRID, SPIRAL_COLOURS, 0.35);
  else {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  for (let i = 0; i < TRAINING.labels.length; i++) {
    drawPoint(
      context,
      TRAINING.points[2 * i],
      TRAINING.points[2 * i + 1],
      SPIRAL_COLOURS[TRAINING.labels[i]],
    );
  }
  for (const p of placed) drawPoint(context, p.x, p.y, SPIRAL_COLOURS[p.cls], { radius: 7, ring: true });
}

async function place(x, y) {
  const probs = await predictPoints(new Float32Array([x, y]));
  let cls = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[cls]) cls = c;
  placed.push({ x, y, cls });
  verdict.textContent = `${labels[cls]} (${(100 * probs[cls]).toFixed(0)}%)`;
  const item = document.createElement('li');
  item.textContent = `(${x.toFixed(2)}, ${y.toFixed(2)}) → ${labels[cls]}, ${(100 * probs[cls]).toFixed(1)}%`;
  log.prepend(item);
  redraw();
  return probs;
}

function enableInput() {
  listenForPoints(canvas, document.getElementById('point-form'), (x, y) => void place(x, y));
  showRegions.addEventListener('change', redraw);
}

/** Test mode: frame 1 predicts the region grid, frames 2…N place points from a fixed seed. */
async function runFrames(frames) {
  const digest = new OutputDigest();
  const rand = mulberry32(77);
  for (let i = 0; i < frames; i++) {
    if (i === 0) {
      regionProbs = await predictPoints(gridPoints(GRID));
      redraw();
      digest.add(regionProbs);
    } else {
      digest.add(await place(rand() * 2 - 1, rand() * 2 - 1));
    }
  }
  publishTestResult({ digest: digest.hex(), numTensors: tf.memory().numTensors, frames });
}

async function main() {
  const options = readDemoOptions(location.search);
  await chooseBackend(tf, options.backend);
  [model, labels] = await Promise.all([
    tf.loadLayersModel(MODEL_URL),
    fetch(LABELS_URL).then((response) => response.json()),
  ]);
  document.getElementById('runtime').textContent =
    `TensorFlow.js ${tf.version.tfjs} · backend ${tf.getBackend()} · model ${MODEL_URL}`;
  showLegend(document.getElementById('legend'), labels, SPIRAL_COLOURS);
  if (options.frames !== null) {
    await runFrames(options.frames);
    return;
  }
  regionProbs = await predictPoints(gridPoints(GRID));
  redraw();
  verdict.textContent = 'Click to place a point';
  enableInput();
}

main().catch((error) => {
  verdict.textContent = `Something went wrong: ${error.message}`;
  publishTestError(error);
});
