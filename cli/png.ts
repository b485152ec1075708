// The one PNG codec of the Node programs (no canvas there), a thin wrapper over fast-png: a deterministic writer for
// the packs' example images and the toolbar icons, and a bounded reader for `data:image/png` examples. The writer's
// default is stored (uncompressed) deflate blocks, the same bytes — so the same pack data URLs — everywhere.
import { convertIndexedToRgb, decode, encode } from 'fast-png';
import { inflateSync } from 'node:zlib';
import type { RgbaImage } from '../annotations/checks/types';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Largest picture we decode (pixels). */
export const MAX_PIXELS = 4096 * 4096;

/**
 * 8-bit grey (channels 1), RGB (3) or RGBA (4) pixels, row-major, as a PNG file: stored deflate blocks unless
 * `compress` (the icons), which deflates at the highest level.
 */
export function encodePng(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  options: { compress?: boolean } = {},
): Uint8Array {
  if (pixels.length !== width * height * channels) throw new Error('encodePng: wrong number of pixel values');
  return encode(
    { width, height, data: pixels, depth: 8, channels },
    { zlib: { level: options.compress ? 9 : 0 } },
  );
}

/** The PNG as a `data:image/png;base64,…` URL. */
export function pngDataUrl(pixels: Uint8Array, width: number, height: number, channels: 1 | 3 | 4): string {
  return `data:image/png;base64,${Buffer.from(encodePng(pixels, width, height, channels)).toString('base64')}`;
}

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Refuses what would make the decoder allocate without bound, before it runs: a size beyond MAX_PIXELS, or image
 * data that inflates past what the header's size needs (a deflate bomb).
 */
function checkBounds(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR')
    throw new Error('truncated PNG');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || height < 1 || width * height > MAX_PIXELS)
    throw new Error(`PNG size ${width}×${height} out of range`);
  const data: Uint8Array[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.length) throw new Error('truncated PNG');
    if (type === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (data.length === 0) throw new Error('truncated PNG: no image data');
  // 16-bit RGBA is the widest row: 8 bytes a pixel, plus a filter byte a row (and Adam7's extra rows).
  const limit = (width * 8 + 1) * height * 2 + 1024;
  try {
    inflateSync(Buffer.concat(data), { maxOutputLength: limit });
  } catch (error) {
    throw new Error(`corrupt PNG image data (${(error as Error).message})`);
  }
}

/** RGBA pixels of a PNG file, as a browser's getImageData gives them; throws saying what is wrong with the file. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  if (!isPng(bytes)) throw new Error('not a PNG file');
  checkBounds(bytes);
  let image: ReturnType<typeof decode>;
  try {
    image = decode(bytes, { checkCrc: true });
  } catch (error) {
    throw new Error(`corrupt PNG (${(error as Error).message})`);
  }
  const { width, height } = image;
  const indexed = image.palette !== undefined;
  const samples = indexed ? convertIndexedToRgb(image) : image.data;
  const channels = indexed ? samples.length / (width * height) : image.channels;
  const shift = !indexed && image.depth === 16 ? 8 : 0;
  if (!indexed && image.depth !== 8 && image.depth !== 16)
    throw new Error(`unsupported PNG bit depth ${image.depth}`);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const sample = (i: number, ch: number): number => (samples[i * channels + ch] ?? 0) >> shift;
  for (let i = 0; i < width * height; i++) {
    if (channels <= 2) {
      const grey = sample(i, 0);
      rgba.set([grey, grey, grey, channels === 2 ? sample(i, 1) : 255], i * 4);
    } else rgba.set([sample(i, 0), sample(i, 1), sample(i, 2), channels === 4 ? sample(i, 3) : 255], i * 4);
  }
  return { width, height, rgba };
}
