// The one PNG codec of the Node programs (no canvas there): a deterministic writer for the packs' example images
// and the toolbar icons, and a reader for `data:image/png` examples (8/16-bit grey, RGB, palette, with alpha;
// every row filter; no interlacing). Dependency-free on purpose: the writer's default stored (uncompressed) deflate
// blocks make the same bytes — so the same pack data URLs — on every machine and Node version.
import { inflateSync } from 'node:zlib';
import type { RgbaImage } from '../annotations/checks/types';
import { concatBytes } from '../base/bytes';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Colour type → samples a pixel. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const COLOUR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;
/** Largest picture we decode (pixels). */
export const MAX_PIXELS = 4096 * 4096;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const v of bytes) {
    a = (a + v) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) typed[i] = type.charCodeAt(i);
  typed.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length), 0);
  out.set(typed, 4);
  out.set(u32(crc32(typed)), 8 + data.length);
  return out;
}

/** zlib stream of stored deflate blocks (no compression): the same bytes everywhere. */
export function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  for (let offset = 0; offset < raw.length || offset === 0; offset += 65535) {
    const block = raw.subarray(offset, offset + 65535);
    const last = offset + 65535 >= raw.length;
    out.push(
      last ? 1 : 0,
      block.length & 255,
      block.length >>> 8,
      ~block.length & 255,
      (~block.length >>> 8) & 255,
    );
    for (const b of block) out.push(b);
    if (last) break;
  }
  out.push(...u32(adler32(raw)));
  return Uint8Array.from(out);
}

/**
 * 8-bit grey (channels 1), RGB (3) or RGBA (4) pixels, row-major, as a PNG file. `compress` makes the zlib stream of
 * the filtered rows: stored blocks unless given (the icons pass zlib's deflateSync).
 */
export function encodePng(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  compress: (raw: Uint8Array) => Uint8Array = zlibStored,
): Uint8Array {
  if (pixels.length !== width * height * channels) throw new Error('encodePng: wrong number of pixel values');
  const stride = width * channels;
  const raw = new Uint8Array(height * (1 + stride));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + stride)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (1 + stride) + 1);
  }
  const header = Uint8Array.from([...u32(width), ...u32(height), 8, COLOUR_TYPE[channels], 0, 0, 0]);
  return concatBytes([
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', compress(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The PNG as a `data:image/png;base64,…` URL. */
export function pngDataUrl(pixels: Uint8Array, width: number, height: number, channels: 1 | 3 | 4): string {
  return `data:image/png;base64,${Buffer.from(encodePng(pixels, width, height, channels)).toString('base64')}`;
}

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** RGBA pixels of a PNG file, as a browser's getImageData gives them; throws saying what is wrong with the file. */
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
