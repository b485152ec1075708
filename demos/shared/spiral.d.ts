// Types for spiral.js (plain JS so pages can load it without a build step).
export const SPIRAL_CLASSES: readonly string[];
export const SPIRAL_COLOURS: readonly string[];
export function spiralPoints(
  count: number,
  seed: number,
  noise?: number,
): { points: Float32Array; labels: Int32Array };
