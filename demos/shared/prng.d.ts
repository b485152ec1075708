// Types for prng.js (plain JS so pages can load it without a build step).
export function mulberry32(seed: number): () => number;
export function uniform(rand: () => number, lo: number, hi: number): number;
export function gaussianish(rand: () => number, sigma: number): number;
