import { deflateSync } from 'node:zlib';
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
    const small = encodePng(new Uint8Array(64 * 64 * 4), 64, 64, 4, (raw) => deflateSync(raw));
    expect(small.length).toBeLessThan(1000);
    expect(decodePng(small).rgba.every((v) => v === 0)).toBe(true);
    expect(pngDataUrl(new Uint8Array(4), 2, 2, 1)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('refuses a wrong number of pixel values, and files that are not PNG', () => {
    expect(() => encodePng(new Uint8Array(5), 2, 2, 1)).toThrow(/wrong number/);
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG/);
  });
});
