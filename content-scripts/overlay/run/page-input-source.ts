// The browser's InputSource for the checks engine, in the content script's isolated world: example pictures from
// https:/data: URLs (fetched and decoded here, never by the page) and pixels of a canvas, image or video on the
// page (drawn into our own canvas; a cross-origin, "tainted" one is refused with a reason).

import { t } from '../../../extension/ui/i18n';
import type { InputSource, RgbaImage } from '../../../annotations/checks/types';
import {
  elementKind,
  elementProblem,
  imageSizeProblem,
  imageUrlProblem,
  matchCountProblem,
  MAX_IMAGE_BYTES,
  taintedReason,
} from './input-rules';

type Drawable = CanvasImageSource & { width?: number; height?: number };

/** Draws a source into a fresh canvas and reads its pixels (throws the browser's SecurityError when tainted). */
function pixels(source: Drawable, width: number, height: number): RgbaImage {
  let ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (typeof OffscreenCanvas === 'function') ctx = new OffscreenCanvas(width, height).getContext('2d');
  else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    ctx = canvas.getContext('2d');
  }
  if (!ctx) throw new Error('this browser gave no 2-D canvas to read the picture with');
  ctx.drawImage(source, 0, 0, width, height);
  const data = ctx.getImageData(0, 0, width, height);
  return { width, height, rgba: new Uint8ClampedArray(data.data) };
}

function isSecurityError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'SecurityError';
}

export class PageInputSource implements InputSource {
  constructor(private readonly root: () => ParentNode = () => document) {}

  async image(url: string, signal: AbortSignal): Promise<RgbaImage> {
    const problem = imageUrlProblem(url);
    if (problem) throw new Error(problem);
    let response: Response;
    let blob: Blob;
    try {
      response = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
      blob = await response.blob();
    } catch {
      if (signal.aborted) throw new Error(t('inputCancelled'));
      throw new Error(t('inputFetchNetwork'));
    }
    if (!response.ok) throw new Error(t('inputFetchHttp', String(response.status)));
    if (blob.size > MAX_IMAGE_BYTES) throw new Error(t('inputTooManyBytes', Math.round(blob.size / 1024)));
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(blob);
    } catch {
      throw new Error('the picture could not be decoded (not a PNG, JPEG, GIF or WebP image?)');
    }
    try {
      const size = imageSizeProblem(bitmap.width, bitmap.height);
      if (size) throw new Error(size);
      return pixels(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  }

  element(selector: string, signal: AbortSignal): Promise<RgbaImage> {
    if (signal.aborted) return Promise.reject(new Error('Cancelled.'));
    let found: Element[];
    try {
      found = [...this.root().querySelectorAll(selector)];
    } catch {
      return Promise.reject(new Error(`${selector} is not a valid CSS selector`));
    }
    const count = matchCountProblem(selector, found.length);
    if (count) return Promise.reject(new Error(count));
    const el = found[0]!;
    const kind = elementKind(el.tagName);
    let width = 0;
    let height = 0;
    let ready = true;
    if (el instanceof HTMLCanvasElement) [width, height] = [el.width, el.height];
    else if (el instanceof HTMLImageElement) {
      [width, height] = [el.naturalWidth, el.naturalHeight];
      ready = el.complete && width > 0;
    } else if (el instanceof HTMLVideoElement) {
      [width, height] = [el.videoWidth, el.videoHeight];
      ready = el.readyState >= 2;
    }
    const problem = elementProblem(selector, { kind, tagName: el.tagName, ready, width, height });
    if (problem) return Promise.reject(new Error(problem));
    try {
      return Promise.resolve(pixels(el as unknown as Drawable, width, height));
    } catch (e) {
      return Promise.reject(
        new Error(isSecurityError(e) ? taintedReason(selector) : t('inputUnreadable', selector)),
      );
    }
  }
}
