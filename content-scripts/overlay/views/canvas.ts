// The few canvas operations the views need: put painted pixels on a canvas, and draw bars crisply at the device's
// pixel ratio in the theme's colours (read from CSS custom properties, so dark mode follows).

import { barGeometry } from './vector';

/** Firefox's content scripts only: copies an object into the page's realm. */
declare const cloneInto: (<T>(value: T, target: object) => T) | undefined;

/**
 * In Firefox an ImageData made here belongs to the page's realm, and its array cannot read ours ("Permission
 * denied to access object"): hand it a copy in the page's realm. Elsewhere the pixels go as they are.
 */
const forPage: (pixels: Uint8ClampedArray) => Uint8ClampedArray =
  typeof cloneInto === 'function' ? (pixels) => cloneInto(pixels, window) : (pixels) => pixels;

export function putPixels(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  pixels: Uint8ClampedArray,
): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx || width === 0 || height === 0) return;
  const image = ctx.createImageData(width, height);
  image.data.set(forPage(pixels));
  ctx.putImageData(image, 0, 0);
}

function cssColor(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/**
 * Bars for `values` across the canvas's CSS width and `cssHeight`; negative bars in the warning colour. `zeroAt`
 * (0–1 across) draws a vertical line there: where zero falls on a histogram's value axis.
 */
export function drawBars(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  cssHeight: number,
  maxBars = 256,
  zeroAt?: number,
): void {
  const ratio = Math.min(3, window.devicePixelRatio || 1);
  const cssWidth = Math.max(40, canvas.clientWidth || canvas.parentElement?.clientWidth || 300);
  const w = Math.round(cssWidth * ratio);
  const h = Math.round(cssHeight * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, w, h);
  const { bars, zeroY } = barGeometry(values, w, h, maxBars);
  const positive = cssColor(canvas, '--accent', '#3b5bdb');
  const negative = cssColor(canvas, '--warn', '#8a5300');
  for (const bar of bars) {
    ctx.fillStyle = bar.negative ? negative : positive;
    ctx.fillRect(bar.x, bar.y, bar.width, Math.max(bar.height, bar.height > 0 ? ratio * 0.5 : 0));
  }
  ctx.fillStyle = cssColor(canvas, '--line-strong', '#cfd4dd');
  ctx.fillRect(0, Math.min(h - ratio, zeroY), w, ratio);
  if (zeroAt !== undefined && zeroAt >= 0 && zeroAt <= 1) {
    ctx.fillStyle = cssColor(canvas, '--fg', '#1a1d24');
    ctx.fillRect(Math.min(w - ratio, Math.round(zeroAt * w)), 0, ratio, h);
  }
}
