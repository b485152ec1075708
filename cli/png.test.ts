import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, isPng, pngDataUrl } from './png';

const pixels = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 37) % 256);
const rgbaOf = (values: Uint8Array, channels: 1 | 3 | 4): number[] =>
  Array.from({ length: values.length / channels }, (_, i) => {
    const p = Array.from(values.subarray(i * channels, (i + 1) * channels));
    return channels === 1 ? [p[0], p[0], p[0], 255] : channels === 3 ? [...p, 255] : p;
  }).flat() as number[];

describe('the PNG codec', () => {
  it.each([1, 3, 4] as const)('reads back what it writes (%i channels)', (channels) => {
    const values = pixels(5 * 3 * channels);
    const image = decodePng(encodePng(values, 5, 3, channels));
    expect([image.width, image.height]).toEqual([5, 3]);
    expect(Array.from(image.rgba)).toEqual(rgbaOf(values, channels));
  });

  it('writes the same bytes every time, uncompressed unless told (stored deflate blocks, several for large images)', () => {
    const values = pixels(200 * 200 * 3);
    const a = encodePng(values, 200, 200, 3);
    expect(Buffer.from(a).equals(Buffer.from(encodePng(values, 200, 200, 3)))).toBe(true);
    expect(isPng(a)).toBe(true);
    expect(a.length).toBeGreaterThan(values.length);
    const small = encodePng(new Uint8Array(64 * 64 * 4), 64, 64, 4, { compress: true });
    expect(small.length).toBeLessThan(1000);
    expect(decodePng(small).rgba.every((v) => v === 0)).toBe(true);
    expect(pngDataUrl(new Uint8Array(4), 2, 2, 1)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('writes the very bytes the hand-written codec wrote before fast-png (pack data URLs do not change)', () => {
    expect(pngDataUrl(new Uint8Array([0, 64, 128, 255]), 2, 2, 1)).toBe(
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAAEUlEQVR4AQEGAPn/AABAAID/AwUBwLQWlpMAAAAASUVORK5CYII=',
    );
    const url = pngDataUrl(pixels(28 * 28 * 3), 28, 28, 3);
    expect(createHash('sha256').update(url).digest('hex')).toBe(
      'c193baf1df29f7291f0430f90f30a4c7aa9f4e0e43d3cbe0cc13bfeff3b2d868',
    );
  });

  it('reads palette, 16-bit and grey-with-alpha files as RGBA', () => {
    const palette = encode({
      width: 2,
      height: 1,
      data: new Uint8Array([0, 1]),
      depth: 8,
      channels: 1,
      palette: [
        [255, 0, 0],
        [0, 0, 255],
      ],
    });
    expect(Array.from(decodePng(palette).rgba)).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    const deep = encode({
      width: 1,
      height: 1,
      data: new Uint16Array([0x1234, 0xabcd, 0xff00]),
      depth: 16,
      channels: 3,
    });
    expect(Array.from(decodePng(deep).rgba)).toEqual([0x12, 0xab, 0xff, 255]);
    const greyAlpha = encode({ width: 1, height: 1, data: new Uint8Array([90, 30]), depth: 8, channels: 2 });
    expect(Array.from(decodePng(greyAlpha).rgba)).toEqual([90, 90, 90, 30]);
  });

  it('refuses a deflate bomb before decoding it', () => {
    const honest = encodePng(new Uint8Array(1), 1, 1, 1);
    const bomb = encode({ width: 1, height: 1, data: new Uint8Array(1), depth: 8, channels: 1 });
    const view = new DataView(bomb.buffer, bomb.byteOffset);
    expect(view.getUint32(16)).toBe(1);
    // Replace the image data by 20 MB of zeros, deflated (about 20 kB).
    const idat = deflateSync(Buffer.alloc(20_000_000));
    const chunk = Buffer.alloc(12 + idat.length);
    chunk.writeUInt32BE(idat.length, 0);
    chunk.write('IDAT', 4, 'latin1');
    idat.copy(chunk, 8);
    chunk.writeUInt32BE(0, 8 + idat.length);
    const iend = honest.subarray(honest.length - 12);
    const evil = Buffer.concat([honest.subarray(0, 33), chunk, iend]);
    expect(() => decodePng(evil)).toThrow(/corrupt PNG image data/);
  });

  it('refuses a wrong number of pixel values, and files that are not PNG', () => {
    expect(() => encodePng(new Uint8Array(5), 2, 2, 1)).toThrow(/wrong number/);
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG/);
  });
});
