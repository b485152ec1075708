// Where example pictures come from when a pack is checked in Node: data: and https: URLs decoded as PNG or JPEG.
// Page elements need the page, so they are refused with a reason (the example is could-not-run, not failed).
import jpeg from 'jpeg-js';
import type { InputSource, RgbaImage } from '../../annotations/checks/types';
import { decodePng, isPng, MAX_PIXELS } from '../png';

/** Largest picture download. */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
export const ELEMENT_NEEDS_PAGE =
  'an element input needs the page: run this example in the browser (the overlay)';

export function decodePicture(bytes: Uint8Array): RgbaImage {
  if (isPng(bytes)) return decodePng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PIXELS / 1e6,
      maxMemoryUsageInMB: 512,
    });
    return {
      width: image.width,
      height: image.height,
      rgba: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    };
  }
  throw new Error('only PNG and JPEG pictures can be read here');
}

async function bytesOf(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const data = /^data:image\/[a-z+.-]+;base64,(.*)$/is.exec(url);
  if (data) return new Uint8Array(Buffer.from(data[1] ?? '', 'base64'));
  if (!/^https?:\/\//i.test(url))
    throw new Error(`cannot read ${url.slice(0, 60)}: not a data: or http(s): URL`);
  const response = await fetch(url, { signal, redirect: 'follow' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES)
    throw new Error(`${url}: too large`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw new Error(`${url}: too large`);
  return bytes;
}

export const nodeInputSource: InputSource = {
  async image(url, signal) {
    return decodePicture(await bytesOf(url, signal));
  },
  element() {
    return Promise.reject(new Error(ELEMENT_NEEDS_PAGE));
  },
};
