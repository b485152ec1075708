// The ONNX shapes page's frames, preprocessed exactly as the page does, are classified correctly by the committed
// model (so the demo really classifies), and its scene is a pure function of the frame number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { SOLID_CLASSES, renderSolidScene } from '../shared/shapes.js';
import { rgbToRgbaBytes, rgbaToChannelsFirst } from './pixels.js';
import { FRAMES_PER_SHAPE, sceneAt } from './scene.js';

const MODEL = join(import.meta.dirname, '..', 'onnx-models', 'shapes-cnn-onnx', 'model.onnx');
const CANVAS = 128;
const INPUT = 32;

describe('onnx-image scene and preprocessing', () => {
  it('renders the same pixels for the same frame', () => {
    expect(rgbToRgbaBytes(renderSolidScene(sceneAt(77), 32))).toEqual(
      rgbToRgbaBytes(renderSolidScene(sceneAt(77), 32)),
    );
  });

  it('shows every shape class within one cycle', () => {
    const kinds = new Set(SOLID_CLASSES.map((_, i) => sceneAt(i * FRAMES_PER_SHAPE).kind));
    expect([...kinds].sort()).toEqual([...SOLID_CLASSES].sort());
  });

  it('averages blocks of the canvas into channels-first values in [0, 1]', () => {
    const rgba = new Uint8ClampedArray(4 * 4 * 4);
    for (let p = 0; p < 16; p++) rgba.set([p < 8 ? 255 : 0, 51, 0, 255], p * 4);
    const values = rgbaToChannelsFirst(rgba, 4, 2);
    expect(Array.from(values.subarray(0, 4))).toEqual([1, 1, 0, 0]);
    expect(Array.from(values.subarray(4, 8)).map((v) => v.toFixed(3))).toEqual([
      '0.200',
      '0.200',
      '0.200',
      '0.200',
    ]);
    expect(() => rgbaToChannelsFirst(rgba, 4, 3)).toThrow(/not a multiple/);
  });

  it('the committed model names the shape on ≥ 90% of the page’s frames', async () => {
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(readFileSync(MODEL));
    const frames = Array.from({ length: 60 }, (_, i) => i * 15 + 3);
    const batch = new Float32Array(frames.length * 3 * INPUT * INPUT);
    frames.forEach((frame, n) => {
      const rgba = rgbToRgbaBytes(renderSolidScene(sceneAt(frame), CANVAS));
      batch.set(rgbaToChannelsFirst(rgba, CANVAS, INPUT), n * 3 * INPUT * INPUT);
    });
    const output = await session.run({
      image: new ort.Tensor('float32', batch, [frames.length, 3, INPUT, INPUT]),
    });
    const probs = output.probabilities!.data as Float32Array;
    const classes = SOLID_CLASSES.length;
    let correct = 0;
    frames.forEach((frame, n) => {
      const row = Array.from(probs.subarray(n * classes, (n + 1) * classes));
      if (SOLID_CLASSES[row.indexOf(Math.max(...row))] === sceneAt(frame).kind) correct++;
    });
    expect(correct / frames.length).toBeGreaterThanOrEqual(0.9);
    await session.release();
  });
});
