// Types for pixels.js (plain JS so the page loads it without a build step).
export function rgbaToChannelsFirst(rgba: ArrayLike<number>, side: number, inputSide: number): Float32Array;
export function rgbToRgbaBytes(rgb: Float32Array): Uint8ClampedArray;
