import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { pngDataUrl } from './test-support';
import { decodePicture, ELEMENT_NEEDS_PAGE, nodeInputSource } from './image-source';
import { decodePng } from '../png';

const signal = new AbortController().signal;
const bytesOf = (dataUrl: string): Uint8Array =>
  new Uint8Array(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));

describe('pictures in Node', () => {
  it('decodes a greyscale PNG to RGBA', () => {
    const image = decodePng(bytesOf(pngDataUrl(3, 2, (x, y) => x * 10 + y)));
    expect([image.width, image.height]).toEqual([3, 2]);
    expect(Array.from(image.rgba.subarray(0, 8))).toEqual([0, 0, 0, 255, 10, 10, 10, 255]);
    expect(image.rgba[(1 * 3 + 2) * 4]).toBe(21);
  });

  it('decodes the shipped packs’ PNG examples (filtered greyscale and RGB)', () => {
    for (const [file, size] of [
      ['draw-shapes', 28],
      ['moving-shapes', 32],
    ] as const) {
      const pack = JSON.parse(
        readFileSync(new URL(`../../annotations/packs/${file}.json`, import.meta.url), 'utf8'),
      );
      const url = pack.items.find(
        (i: { kind: string; body: { input?: { image?: string } } }) => i.body.input?.image,
      ).body.input.image as string;
      const image = decodePicture(bytesOf(url));
      expect([image.width, image.height]).toEqual([size, size]);
      const values = new Set(image.rgba);
      expect(values.size).toBeGreaterThan(2);
    }
  });

  it('decodes JPEG with jpeg-js', async () => {
    const data = Buffer.alloc(8 * 8 * 4, 200);
    const encoded = jpeg.encode({ data, width: 8, height: 8 }, 95).data;
    const url = `data:image/jpeg;base64,${Buffer.from(encoded).toString('base64')}`;
    const image = await nodeInputSource.image(url, signal);
    expect([image.width, image.height]).toEqual([8, 8]);
    expect(Math.abs((image.rgba[0] ?? 0) - 200)).toBeLessThanOrEqual(3);
  });

  it('refuses other formats, broken files and page elements with reasons', async () => {
    expect(() => decodePicture(new Uint8Array([0x47, 0x49, 0x46]))).toThrow(/only PNG and JPEG/);
    const png = bytesOf(pngDataUrl(4, 4, () => 0));
    expect(() => decodePng(png.subarray(0, 40))).toThrow(/truncated PNG/);
    const corrupt = png.slice();
    corrupt[45] = (corrupt[45] ?? 0) ^ 0xff;
    expect(() => decodePng(corrupt)).toThrow(/PNG/);
    await expect(nodeInputSource.image('ftp://x.example/a.png', signal)).rejects.toThrow(
      /not a data: or http/,
    );
    await expect(nodeInputSource.element('#canvas', signal)).rejects.toThrow(ELEMENT_NEEDS_PAGE);
  });
});
