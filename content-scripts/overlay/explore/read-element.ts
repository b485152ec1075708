// The page's own pictures the reader may start from: visible img, canvas and video elements (never the overlay's),
// read into our own canvas in the isolated world; a cross-origin ("tainted") one is refused with a reason.

import { t } from '../../../extension/ui/i18n';
import type { RgbaImage } from '../../../annotations/checks/types';
import { imageSizeProblem } from '../run/input-rules';

export interface PagePicture {
  element: HTMLImageElement | HTMLCanvasElement | HTMLVideoElement;
  /** For the reader: "image 'daisy.jpg', 224 × 224". */
  label: string;
}

/** Most page pictures offered. */
const MAX_PICTURES = 12;

function sizeOf(el: PagePicture['element']): [number, number] {
  if (el instanceof HTMLImageElement) return [el.naturalWidth, el.naturalHeight];
  if (el instanceof HTMLVideoElement) return [el.videoWidth, el.videoHeight];
  return [el.width, el.height];
}

function nameOf(el: PagePicture['element']): string {
  if (el instanceof HTMLImageElement) {
    const file = (el.currentSrc || el.src).split(/[?#]/)[0]!.split('/').pop() ?? '';
    const name = el.alt
      ? `“${el.alt.slice(0, 40)}”`
      : el.id
        ? `#${el.id}`
        : file.startsWith('data:')
          ? ''
          : file.slice(0, 40);
    return name ? t('picImage', name) : t('picImagePlain');
  }
  const kind = el instanceof HTMLVideoElement ? t('picVideo') : t('picCanvas');
  return el.id ? `${kind} #${el.id}` : kind;
}

/** The page's pictures worth offering (loaded, at least 8 px a side), in document order. */
export function pagePictures(doc: Document = document, host: Element | null = null): PagePicture[] {
  const out: PagePicture[] = [];
  for (const el of doc.querySelectorAll('img, canvas, video')) {
    if (host && host.contains(el)) continue;
    const e = el as PagePicture['element'];
    const [w, h] = sizeOf(e);
    if (w < 8 || h < 8) continue;
    if (e instanceof HTMLImageElement && !e.complete) continue;
    if (e instanceof HTMLVideoElement && e.readyState < 2) continue;
    out.push({ element: e, label: `${nameOf(e)}, ${w} × ${h}` });
    if (out.length >= MAX_PICTURES) break;
  }
  return out;
}

/** Draws a drawable into a fresh canvas of its size and reads the pixels (throws SecurityError when tainted). */
export function drawPixels(source: CanvasImageSource, width: number, height: number): RgbaImage {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error(t('picNoCanvas'));
  ctx.drawImage(source, 0, 0, width, height);
  return { width, height, rgba: new Uint8ClampedArray(ctx.getImageData(0, 0, width, height).data) };
}

/** One page picture's pixels, or a reason the reader can act on. */
export function readPicture(picture: PagePicture): RgbaImage {
  const [w, h] = sizeOf(picture.element);
  const size = imageSizeProblem(w, h);
  if (size) throw new Error(`${picture.label}: ${size}`);
  try {
    return drawPixels(picture.element, w, h);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'SecurityError')
      throw new Error(t('picOtherSite', picture.label));
    throw new Error(t('picUnreadable', picture.label));
  }
}

/** Decodes an uploaded picture file (bounded by the caller's checks). */
export async function decodeFile(file: Blob): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(file);
  try {
    return drawPixels(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
