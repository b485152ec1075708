// The example inputs of the shipped packs, computed from the demos' own renderers exactly as each page prepares
// its model input, so an example shows the reader what the network really receives.
import { mulberry32 } from '../../demos/shared/prng.js';
import {
  DRAWING_CLASSES,
  randomDrawing,
  renderDrawing,
  renderSolidScene,
} from '../../demos/shared/shapes.js';
import { sceneAt } from '../../demos/moving-shapes/scene';
import { pngDataUrl } from '../png';

// ---------------------------------------------------------------- draw-shapes

/** demos/draw-shapes/app.js: the canvas side, the shrink factor and the ink colour. */
const SKETCH_SIDE = 280;
const SHRINK = 10;
const INK_RED = 12;
/** demos/draw-shapes/app.js EXAMPLE_SEEDS: one tidy sketch per class (circle, square, triangle, cross, line). */
export const SKETCH_SEEDS = [11, 83, 122, 95, 113] as const;

/**
 * The 28×28 ink grid (1 = ink) the page feeds to the model for its "Show an example" sketch of `label`: the
 * sketch is painted on the 280×280 canvas in 8-bit colour, read back as the red channel (tf.browser.fromPixels
 * with one channel), turned into ink = 1 − red / 255 and averaged over 10×10 blocks.
 */
export function sketchInk(label: string): Float64Array {
  const index = DRAWING_CLASSES.indexOf(label);
  if (index < 0) throw new Error(`no sketch class ${label}`);
  const params = {
    ...randomDrawing(mulberry32(SKETCH_SEEDS[index] ?? 1), label),
    cx: 0.5,
    cy: 0.5,
    size: 0.28,
  };
  const coverage = renderDrawing(params, SKETCH_SIDE);
  const side = SKETCH_SIDE / SHRINK;
  const ink = new Float64Array(side * side);
  for (let row = 0; row < SKETCH_SIDE; row++) {
    for (let col = 0; col < SKETCH_SIDE; col++) {
      const red = Math.round(255 + (INK_RED - 255) * (coverage[row * SKETCH_SIDE + col] ?? 0));
      ink[Math.floor(row / SHRINK) * side + Math.floor(col / SHRINK)]! += (1 - red / 255) / (SHRINK * SHRINK);
    }
  }
  return ink;
}

/** The sketch's ink grid as a grey 28×28 PNG, ink white on black: the picture the network sees. */
export function sketchImage(label: string): string {
  const ink = sketchInk(label);
  return pngDataUrl(
    Uint8Array.from(ink, (v) => Math.round(255 * v)),
    28,
    28,
    1,
  );
}

// ---------------------------------------------------------------- moving-shapes

/** demos/moving-shapes: the camera canvas side and the model input side. */
const CAMERA_SIDE = 128;
const INPUT_SIDE = 32;

/**
 * Frame `frame` of the moving-shapes animation as the model receives it: the scene painted on the 128×128
 * canvas in 8-bit colour, then tf.image.resizeBilinear to 32×32 (align-corners off, no half-pixel centres: with
 * a 4× reduction that samples pixel (4y, 4x) exactly), divided by 255 — as RGB bytes.
 */
export function cameraFrameBytes(frame: number): Uint8Array {
  const rgb = renderSolidScene(sceneAt(frame), CAMERA_SIDE);
  const step = CAMERA_SIDE / INPUT_SIDE;
  const out = new Uint8Array(INPUT_SIDE * INPUT_SIDE * 3);
  for (let y = 0; y < INPUT_SIDE; y++)
    for (let x = 0; x < INPUT_SIDE; x++)
      for (let c = 0; c < 3; c++)
        out[(y * INPUT_SIDE + x) * 3 + c] = Math.round(
          (rgb[(y * step * CAMERA_SIDE + x * step) * 3 + c] ?? 0) * 255,
        );
  return out;
}

/** The frame as a 32×32 RGB PNG; the probe's default [0, 1] scaling gives exactly the page's input. */
export function cameraFrameImage(frame: number): string {
  return pngDataUrl(cameraFrameBytes(frame), INPUT_SIDE, INPUT_SIDE, 3);
}
