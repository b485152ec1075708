// Decision-regions demo: a script-tag tf.js page (2.x, 3.x or 4.x) that paints a 2-D classifier's regions
// and classifies clicked points with GraphModel.executeAsync, the call detection models such as coco-ssd use.
/* global tf */
import { mulberry32 } from '/demos/shared/prng.js';
import { drawPoint, gridPoints, listenForPoints, paintRegions, showLegend } from '/demos/shared/plane.js';
import { REGION_COLOURS } from '/demos/shared/regions.js';
import {
  OutputDigest,
  chooseBackend,
  publishTestError,
  publishTestResult,
  readDemoOptions,
} from '/demos/shared/test-mode.js';

const MODEL_URL = '/demos/models/point-regions/model.json';
const LABELS_URL = '/demos/models/point-regions/labels.json';
const GRID = 64;

const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('plane'));
const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
const verdict = /** @type {HTMLElement} */ (document.getElementById('verdict'));
const log = /** @type {HTMLElement} */ (document.getElementById('point-log'));

/** @type {any} */
let model;
/** @type {string[]} */
let labels = [];
/** @type {Float32Array | null} */
let regionProbs = null;
/** @type {{x: number, y: number, cls: number}[]} */
const userPoints = [];

/** Runs the graph model on a batch of points: [n, 2] → [n, classes]. */
async function classifyPoints(points) {
  const input = tf.tensor2d(points, [points.length / 2, 2]);
  const output = await model.executeAsync(input);
  input.dispose();
  const probs = await output.data();
  output.dispose();
  return probs;
}

function redraw() {
  if (regionProbs) paintRegions(context, regionProbs, GRID, REGION_COLOURS);
  for (const p of userPoints) drawPoint(context, p.x, p.y, REGION_COLOURS[p.cls], { radius: 7, ring: true });
}

async function classifyOne(x, y) {
  const probs = await classifyPoints(new Float32Array([x, y]));
  let cls = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[cls]) cls = c;
  userPoints.push({ x, y, cls });
  const text = `(${x.toFixed(2)}, ${y.toFixed(2)}) → ${labels[cls]}, ${(100 * probs[cls]).toFixed(1)}%`;
  verdict.textContent = `${labels[cls]} (${(100 * probs[cls]).toFixed(0)}% sure)`;
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
  redraw();
  return probs;
}

function enableInput() {
  listenForPoints(canvas, document.getElementById('point-form'), (x, y) => void classifyOne(x, y));
}

/** Test mode: frame 1 paints the regions, frames 2…N classify points from a fixed seed. */
async function runFrames(frames) {
  const digest = new OutputDigest();
  const rand = mulberry32(99);
  for (let i = 0; i < frames; i++) {
    if (i === 0) {
      regionProbs = await classifyPoints(gridPoints(GRID));
      redraw();
      digest.add(regionProbs);
    } else {
      digest.add(await classifyOne(rand() * 2 - 1, rand() * 2 - 1));
    }
  }
  publishTestResult({ digest: digest.hex(), numTensors: tf.memory().numTensors, frames });
}

async function main() {
  const options = readDemoOptions(location.search);
  await chooseBackend(tf, options.backend);
  [model, labels] = await Promise.all([
    tf.loadGraphModel(MODEL_URL),
    fetch(LABELS_URL).then((response) => response.json()),
  ]);
  document.getElementById('runtime').textContent =
    `TensorFlow.js ${tf.version.tfjs} · backend ${tf.getBackend()} · model ${MODEL_URL} · executeAsync`;
  showLegend(document.getElementById('legend'), labels, REGION_COLOURS);
  if (options.frames !== null) {
    await runFrames(options.frames);
    return;
  }
  regionProbs = await classifyPoints(gridPoints(GRID));
  redraw();
  verdict.textContent = 'Click the plane or enter a point';
  enableInput();
}

main().catch((error) => {
  verdict.textContent = `Something went wrong: ${error.message}`;
  publishTestError(error);
});
