// The 2-D "swirl" regions the point-regions classifier learns, shared by the training script and the
// decision-regions page (which can show the true regions beside the model's).
import { mulberry32 } from './prng.js';

/** Class names of the regions, in output order. */
export const REGION_CLASSES = ['core', 'arm 1', 'arm 2', 'arm 3'];

/** Colours the pages use for each region (CSS hex), in class order. */
export const REGION_COLOURS = ['#3d5a80', '#ee6c4d', '#2a9d8f', '#e9c46a'];

/**
 * The true class of a point in [-1, 1]²: a central disc, and three swirling arms around it.
 * @param {number} x
 * @param {number} y
 * @returns {number}
 */
export function regionOf(x, y) {
  const radius = Math.hypot(x, y);
  if (radius < 0.3) return 0;
  const twisted = Math.atan2(y, x) + 2.2 * radius;
  const turn = (((twisted / (2 * Math.PI)) % 1) + 1) % 1;
  return 1 + Math.min(2, Math.floor(turn * 3));
}

/**
 * `count` uniformly random points in [-1, 1]² with their true regions.
 * @param {number} count
 * @param {number} seed
 * @returns {{points: Float32Array, labels: Int32Array}}
 */
export function regionPoints(count, seed) {
  const rand = mulberry32(seed);
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const x = rand() * 2 - 1;
    const y = rand() * 2 - 1;
    points[2 * i] = x;
    points[2 * i + 1] = y;
    labels[i] = regionOf(x, y);
  }
  return { points, labels };
}
