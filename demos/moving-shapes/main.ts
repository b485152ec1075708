// Moving-shapes demo: a webpack-bundled page (tfjs-core + backends + converter imported as modules, no global
// `tf`) that runs a GraphModel's predict inside tf.tidy in a requestAnimationFrame loop, like the official
// posenet and mobilenet camera demos.
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { renderSolidScene } from '../shared/shapes.js';
import { showProbabilities } from '../shared/probability-bars.js';
import {
  OutputDigest,
  chooseBackend,
  publishTestError,
  publishTestResult,
  readDemoOptions,
} from '../shared/test-mode.js';
import { sceneAt } from './scene.js';

const MODEL_URL = '/demos/models/tiny-mobilenet-graph/model.json';
const LABELS_URL = '/demos/models/tiny-mobilenet-graph/labels.json';
const INPUT_SIDE = 32;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

const camera = element<HTMLCanvasElement>('camera');
const context = camera.getContext('2d', { willReadFrequently: true })!;
const verdict = element<HTMLElement>('verdict');
const top3 = element<HTMLElement>('top3');

/** Draws frame `frame` of the animation onto the camera canvas. */
function drawFrame(frame: number): void {
  const side = camera.width;
  const rgb = renderSolidScene(sceneAt(frame), side);
  const image = context.createImageData(side, side);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    image.data[j] = Math.round(rgb[i]! * 255);
    image.data[j + 1] = Math.round(rgb[i + 1]! * 255);
    image.data[j + 2] = Math.round(rgb[i + 2]! * 255);
    image.data[j + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** Camera canvas → [1, 32, 32, 3] in [0, 1] → probabilities, all intermediate tensors freed by tidy. */
function predict(model: GraphModel): tfc.Tensor {
  return tfc.tidy(() => {
    const pixels = tfc.browser.fromPixels(camera);
    const resized = tfc.image.resizeBilinear(pixels, [INPUT_SIDE, INPUT_SIDE]);
    const input = tfc.expandDims(tfc.div(resized, 255), 0);
    return model.predict(input) as tfc.Tensor;
  });
}

function showTop3(labels: string[], probs: Float32Array): void {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[best]!) best = i;
  verdict.textContent = `I see a ${labels[best]}`;
  showProbabilities(top3, labels, probs, { limit: 3 });
}

/** Runs the predict loop on animation frames; with `frames` set, stops after that many and reports. */
function runLoop(model: GraphModel, labels: string[], frames: number | null): void {
  const digest = new OutputDigest();
  const fps = element<HTMLElement>('fps');
  const pause = element<HTMLButtonElement>('pause');
  let paused = false;
  let frame = 0;
  let lastTick = performance.now();
  let fpsFrames = 0;
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
    const output = predict(model);
    const probs = (await output.data()) as Float32Array;
    output.dispose();
    showTop3(labels, probs);
    frame++;
    if (frames !== null) {
      digest.add(probs);
      if (frame >= frames) {
        publishTestResult({ digest: digest.hex(), numTensors: tfc.memory().numTensors, frames });
        return;
      }
    } else {
      fpsFrames++;
      const now = performance.now();
      if (now - lastTick > 1000) {
        fps.textContent = `${Math.round((fpsFrames * 1000) / (now - lastTick))} frames per second`;
        lastTick = now;
        fpsFrames = 0;
      }
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

async function main(): Promise<void> {
  const options = readDemoOptions(location.search);
  await chooseBackend(tfc, options.backend);
  const [model, labels] = await Promise.all([
    loadGraphModel(MODEL_URL),
    fetch(LABELS_URL).then((response) => response.json() as Promise<string[]>),
  ]);
  element<HTMLElement>('runtime').textContent =
    `TensorFlow.js core ${tfc.version_core} (bundled) · backend ${tfc.getBackend()} · model ${MODEL_URL}`;
  runLoop(model, labels, options.frames);
}

main().catch((error: unknown) => {
  verdict.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  publishTestError(error);
});
