// The three interleaved spirals the spiral-mlp demo learns, shared by the training script and the legacy page
// (which draws the same points the model was trained on).
import { mulberry32, gaussianish } from './prng.js';

/** Class names of the spiral arms, in output order. */
export const SPIRAL_CLASSES = ['spiral A', 'spiral B', 'spiral C'];

/** Colours the pages use for each arm (CSS hex), in class order. */
export const SPIRAL_COLOURS = ['#e07a1f', '#14967f', '#7b4fc9'];

/**
 * `count` noisy points on 3 interleaved spirals in [-1, 1]², classes interleaved (0, 1, 2, 0, ...).
 * @param {number} count
 * @param {number} seed
 * @param {number} [noise] standard deviation of the jitter
 * @returns {{points: Float32Array, labels: Int32Array}} points as x0, y0, x1, y1, ...
 */
export function spiralPoints(count, seed, noise = 0.04) {
  const rand = mulberry32(seed);
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const cls = i % 3;
    const t = rand();
    const radius = 0.08 + 0.85 * t;
    const angle = t * 2.6 * Math.PI + (cls * 2 * Math.PI) / 3;
    points[2 * i] = radius * Math.cos(angle) + gaussianish(rand, noise);
    points[2 * i + 1] = radius * Math.sin(angle) + gaussianish(rand, noise);
    labels[i] = cls;
  }
  return { points, labels };
}
