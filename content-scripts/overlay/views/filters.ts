// First-layer convolution filters as little images: a kernel [kh, kw, in, out] with 1 or 3 input channels becomes
// one grey or colour tile per filter, each scaled around mid-grey by its own largest weight. Pure.

import { GAP } from './feature-grid';

export interface FilterImage {
  tiles: number;
  columns: number;
  tileWidth: number;
  tileHeight: number;
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}

/** True for kernels that read an image directly (grey or RGB), whose filters are pictures themselves. */
export function isImageKernel(shape: number[]): boolean {
  return shape.length === 4 && (shape[2] === 1 || shape[2] === 3) && shape[0]! > 1 && shape[1]! > 1;
}

export function paintFilters(shape: number[], values: Float32Array, maxTiles = 64): FilterImage | null {
  if (!isImageKernel(shape)) return null;
  const [kh, kw, inC, outC] = shape as [number, number, number, number];
  if (values.length < kh * kw * inC * outC) return null;
  const tiles = Math.min(outC, maxTiles);
  const columns = Math.min(tiles, Math.ceil(Math.sqrt(tiles * 2)));
  const rows = Math.ceil(tiles / columns);
  const width = columns * (kw + GAP) - GAP;
  const height = rows * (kh + GAP) - GAP;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const at = (y: number, x: number, c: number, k: number) => values[((y * kw + x) * inC + c) * outC + k]!;
  for (let k = 0; k < tiles; k++) {
    let maxAbs = 0;
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++)
        for (let c = 0; c < inC; c++) maxAbs = Math.max(maxAbs, Math.abs(at(y, x, c, k)) || 0);
    const scale = maxAbs > 0 ? 127 / maxAbs : 0;
    const ox = (k % columns) * (kw + GAP);
    const oy = Math.floor(k / columns) * (kh + GAP);
    for (let y = 0; y < kh; y++) {
      for (let x = 0; x < kw; x++) {
        const p = ((oy + y) * width + ox + x) * 4;
        for (let ch = 0; ch < 3; ch++) pixels[p + ch] = 128 + (at(y, x, inC === 3 ? ch : 0, k) || 0) * scale;
        pixels[p + 3] = 255;
      }
    }
  }
  return { tiles, columns, tileWidth: kw, tileHeight: kh, width, height, pixels };
}
