// A small PNG decoder (8- and 16-bit gray, RGB, palette, gray+alpha, RGBA; no interlacing) for example pictures in
// Node, where there is no canvas: the pack check CLI reads `data:image/png` examples with it.
import { inflateSync } from 'node:zlib';
import type { RgbaImage } from '../../annotations/checks/types';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Largest picture we decode (pixels). */
export const MAX_PIXELS = 4096 * 4096;

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

export function decodePng(bytes: Uint8Array): RgbaImage {
  if (!isPng(bytes)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = -1;
  let palette: Uint8Array | null = null;
  let alpha: Uint8Array | null = null;
  const data: Uint8Array[] = [];
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new Error('truncated PNG');
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      depth = body[8] ?? 0;
      colorType = body[9] ?? -1;
      if (body[12] !== 0) throw new Error('interlaced PNGs are not supported');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alpha = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  if (depth !== 8 && depth !== 16) throw new Error(`unsupported PNG bit depth ${depth}`);
  if (width < 1 || height < 1 || width * height > MAX_PIXELS)
    throw new Error(`PNG size ${width}×${height} out of range`);
  if (colorType === 3 && !palette) throw new Error('palette PNG without a palette');
  const bpp = (channels * depth) / 8;
  const stride = width * bpp;
  if (data.length === 0) throw new Error('truncated PNG: no image data');
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: (stride + 1) * height + 1 });
  } catch (error) {
    throw new Error(`corrupt PNG image data (${(error as Error).message})`);
  }
  if (raw.length < (stride + 1) * height) throw new Error('truncated PNG image data');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[x - bpp] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= bpp ? (prev[x - bpp] ?? 0) : 0;
      const v = line[x] ?? 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      out[x] = (v + predicted) & 0xff;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  const step = depth / 8;
  const sample = (i: number, ch: number): number => pixels[(i * channels + ch) * step] ?? 0;
  for (let i = 0; i < width * height; i++) {
    let r: number, g: number, b: number, a: number;
    if (colorType === 3) {
      const index = pixels[i] ?? 0;
      [r, g, b] = [palette![index * 3] ?? 0, palette![index * 3 + 1] ?? 0, palette![index * 3 + 2] ?? 0];
      a = alpha?.[index] ?? 255;
    } else if (channels <= 2) {
      r = g = b = sample(i, 0);
      a = channels === 2 ? sample(i, 1) : 255;
    } else {
      [r, g, b] = [sample(i, 0), sample(i, 1), sample(i, 2)];
      a = channels === 4 ? sample(i, 3) : 255;
    }
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}
