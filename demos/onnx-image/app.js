// ONNX shapes demo: a plain ONNX Runtime Web page (global `ort` from a script tag, 1.31, 1.26 or 1.22) that
// creates an InferenceSession from the model's URL and classifies its own animated canvas on every animation frame.
/* global ort */
import { renderSolidScene } from '../shared/shapes.js';
import { showProbabilities } from '../shared/probability-bars.js';
import { OutputDigest, publishTestError, publishTestResult, readDemoOptions } from '../shared/test-mode.js';
import { rgbToRgbaBytes, rgbaToChannelsFirst } from './pixels.js';
import { sceneAt } from './scene.js';

const MODEL_URL = '/demos/onnx-models/shapes-cnn-onnx/model.onnx';
const LABELS_URL = '/demos/onnx-models/shapes-cnn-onnx/labels.json';
/** The model's input side; the 128-pixel canvas is averaged down to it. */
const INPUT_SIDE = 32;

/** @param {string} id */
function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found;
}

const camera = /** @type {HTMLCanvasElement} */ (element('camera'));
const context = /** @type {CanvasRenderingContext2D} */ (
  camera.getContext('2d', { willReadFrequently: true })
);
const verdict = element('verdict');
const bars = element('bars');

/** Draws frame `frame` of the animation onto the camera canvas. */
function drawFrame(frame) {
  const side = camera.width;
  const image = new ImageData(rgbToRgbaBytes(renderSolidScene(sceneAt(frame), side)), side, side);
  context.putImageData(image, 0, 0);
}

/** Reads the canvas back and averages it down to a [1, 3, 32, 32] float tensor in [0, 1] (channels first). */
function canvasToTensor() {
  const side = camera.width;
  const { data } = context.getImageData(0, 0, side, side);
  return new ort.Tensor('float32', rgbaToChannelsFirst(data, side, INPUT_SIDE), [
    1,
    3,
    INPUT_SIDE,
    INPUT_SIDE,
  ]);
}

/** Which execution provider to ask for: ?ep=webgpu, else wasm. */
function executionProvider() {
  return new URLSearchParams(location.search).get('ep') === 'webgpu' ? 'webgpu' : 'wasm';
}

/** Runs the classifier on animation frames; with `frames` set, stops after that many and reports. */
function runLoop(session, labels, frames) {
  const digest = new OutputDigest();
  const fps = element('fps');
  const pause = element('pause');
  let paused = false;
  let frame = 0;
  let lastTick = performance.now();
  let ticks = 0;
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
  });
  const step = async () => {
    if (paused && frames === null) {
      requestAnimationFrame(step);
      return;
    }
    drawFrame(frame);
    const feeds = { [session.inputNames[0]]: canvasToTensor() };
    const results = await session.run(feeds);
    const probs = /** @type {Float32Array} */ (results[session.outputNames[0]].data);
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
    verdict.textContent = `I see a ${labels[best]}`;
    showProbabilities(bars, labels, probs);
    frame++;
    if (frames !== null) {
      digest.add(probs);
      if (frame >= frames) {
        publishTestResult({ digest: digest.hex(), numTensors: 0, frames });
        return;
      }
    } else {
      ticks++;
      const now = performance.now();
      if (now - lastTick > 1000) {
        fps.textContent = `${Math.round((ticks * 1000) / (now - lastTick))} frames per second`;
        lastTick = now;
        ticks = 0;
      }
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

async function main() {
  if (typeof ort === 'undefined') throw new Error('ONNX Runtime Web did not load');
  const options = readDemoOptions(location.search);
  const provider = executionProvider();
  const [session, labels] = await Promise.all([
    ort.InferenceSession.create(MODEL_URL, { executionProviders: [provider] }),
    fetch(LABELS_URL).then((response) => response.json()),
  ]);
  element('runtime').textContent =
    `ONNX Runtime Web ${ort.env.versions?.web ?? '(version unknown)'} (script tag) · ` +
    `execution provider ${provider} · model ${MODEL_URL}`;
  runLoop(session, labels, options.frames);
}

main().catch((error) => {
  verdict.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  publishTestError(error);
});
