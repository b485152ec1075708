// Generates the seeded synthetic training and test sets of the demo models, so that every rerun of the model
// scripts sees the same examples in the same order (no shuffling needed: classes are interleaved).
import { mulberry32, gaussianish, uniform } from '../shared/prng.js';
import {
  DRAWING_CLASSES,
  SOLID_CLASSES,
  randomDrawing,
  renderDrawing,
  randomSolidScene,
  renderSolidScene,
} from '../shared/shapes.js';
import { SPIRAL_CLASSES, spiralPoints } from '../shared/spiral.js';
import { REGION_CLASSES, regionPoints } from '../shared/regions.js';

/** A batch of examples in one flat array, with integer labels. */
export interface Dataset {
  /** Examples, row-major: count × exampleShape. */
  xs: Float32Array;
  labels: Int32Array;
  count: number;
  exampleShape: number[];
  classes: readonly string[];
}

/** Side of the grayscale drawings of shapes-cnn. */
export const DRAWING_SIZE = 28;
/** Side of the colour images of tiny-mobilenet. */
export const SOLID_SIZE = 32;

/** Hand-drawn outline shapes, 28×28×1, ink = 1 on background 0, with a little pixel noise. */
export function drawingDataset(count: number, seed: number): Dataset {
  const rand = mulberry32(seed);
  const pixels = DRAWING_SIZE * DRAWING_SIZE;
  const xs = new Float32Array(count * pixels);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const cls = i % DRAWING_CLASSES.length;
    const ink = renderDrawing(randomDrawing(rand, DRAWING_CLASSES[cls]!), DRAWING_SIZE);
    const noise = uniform(rand, 0, 0.08);
    for (let p = 0; p < pixels; p++) {
      xs[i * pixels + p] = Math.min(1, Math.max(0, ink[p]! + gaussianish(rand, noise)));
    }
    labels[i] = cls;
  }
  return { xs, labels, count, exampleShape: [DRAWING_SIZE, DRAWING_SIZE, 1], classes: DRAWING_CLASSES };
}

/** Filled coloured shapes on noisy gradients, 32×32×3, values in [0, 1]. */
export function solidDataset(count: number, seed: number): Dataset {
  const rand = mulberry32(seed);
  const values = SOLID_SIZE * SOLID_SIZE * 3;
  const xs = new Float32Array(count * values);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const cls = i % SOLID_CLASSES.length;
    xs.set(renderSolidScene(randomSolidScene(rand, SOLID_CLASSES[cls]!), SOLID_SIZE), i * values);
    labels[i] = cls;
  }
  return { xs, labels, count, exampleShape: [SOLID_SIZE, SOLID_SIZE, 3], classes: SOLID_CLASSES };
}

/** Points on three interleaved spirals. */
export function spiralDataset(count: number, seed: number): Dataset {
  const { points, labels } = spiralPoints(count, seed);
  return { xs: points, labels, count, exampleShape: [2], classes: SPIRAL_CLASSES };
}

/** Uniform points labelled by the swirl regions. */
export function regionsDataset(count: number, seed: number): Dataset {
  const { points, labels } = regionPoints(count, seed);
  return { xs: points, labels, count, exampleShape: [2], classes: REGION_CLASSES };
}
