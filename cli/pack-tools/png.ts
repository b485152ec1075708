// A tiny, dependency-free PNG writer and reader for the example images of the shipped packs. The writer uses
// stored (uncompressed) deflate blocks, so the bytes — and therefore the packs' data URLs — are the same on
// every machine and Node version; the images are small (28×28 grey, 32×32 RGB), so size does not matter.

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

function chunk(type: string, data: Uint8Array): number[] {
  const typed = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) typed[i] = type.charCodeAt(i);
  typed.set(data, 4);
  return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

/** zlib stream of stored deflate blocks (no compression). */
function zlibStored(raw: Uint8Array): Uint8Array {
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
    out.push(...block);
    if (last) break;
  }
  out.push(...u32(adler32(raw)));
  return Uint8Array.from(out);
}

/** 8-bit grey (channels 1) or RGB (channels 3) pixels, row-major, as a PNG file. */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): Uint8Array {
  if (pixels.length !== width * height * channels) throw new Error('encodePng: wrong number of pixel values');
  const raw = new Uint8Array(height * (1 + width * channels));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * channels)] = 0; // filter: none
    raw.set(
      pixels.subarray(y * width * channels, (y + 1) * width * channels),
      y * (1 + width * channels) + 1,
    );
  }
  const header = Uint8Array.from([...u32(width), ...u32(height), 8, channels === 1 ? 0 : 2, 0, 0, 0]);
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', header),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The PNG as a `data:image/png;base64,…` URL. */
export function pngDataUrl(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): string {
  return `data:image/png;base64,${Buffer.from(encodePng(pixels, width, height, channels)).toString('base64')}`;
}

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, as a browser's getImageData gives it. */
  rgba: Uint8Array;
}

/**
 * Reads back what encodePng writes (8-bit grey or RGB, no interlace, filter 0 on every row) — enough to check
 * the packs' example images in Node; `inflate` is zlib's inflateSync.
 */
export function decodePng(file: Uint8Array, inflate: (data: Uint8Array) => Uint8Array): DecodedImage {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (offset < file.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...file.subarray(offset + 4, offset + 8));
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || interlace !== 0 || (colour !== 0 && colour !== 2))
        throw new Error('decodePng: only 8-bit grey or RGB, not interlaced');
      channels = colour === 0 ? 1 : 3;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflate(Uint8Array.from(idat.flatMap((d) => [...d])));
  const rgba = new Uint8Array(width * height * 4);
  const stride = 1 + width * channels;
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error('decodePng: only filter 0');
    for (let x = 0; x < width; x++) {
      const p = y * stride + 1 + x * channels;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) rgba[o + c] = raw[p + (channels === 1 ? 0 : c)] as number;
      rgba[o + 3] = 255;
    }
  }
  return { width, height, rgba };
}
