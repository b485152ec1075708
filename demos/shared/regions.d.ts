// Types for regions.js (plain JS so pages can load it without a build step).
export const REGION_CLASSES: readonly string[];
export const REGION_COLOURS: readonly string[];
export function regionOf(x: number, y: number): number;
export function regionPoints(count: number, seed: number): { points: Float32Array; labels: Int32Array };
