// Seeded pseudo-random numbers, so training data, page animations and test-mode inputs are reproducible.

/**
 * Mulberry32: a tiny, fast 32-bit PRNG. Same seed, same sequence, on every machine.
 * @param {number} seed
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform float in [lo, hi).
 * @param {() => number} rand
 * @param {number} lo
 * @param {number} hi
 */
export function uniform(rand, lo, hi) {
  return lo + (hi - lo) * rand();
}

/**
 * An approximately normal sample (sum of four uniforms), cheap and deterministic.
 * @param {() => number} rand
 * @param {number} sigma
 */
export function gaussianish(rand, sigma) {
  return (rand() + rand() + rand() + rand() - 2) * sigma * Math.sqrt(3);
}
