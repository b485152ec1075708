// Small helpers the bundled official-demo stand-ins share (webpack inlines them into each page's bundle): finding
// elements, waiting for a photo, and the test switches every stand-in reads (?backend=) and writes (data-* on <html>).
import * as tf from '@tensorflow/tfjs-core';

export function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load ${src}`));
    image.src = src;
  });
}

export function imageLoaded(img: HTMLImageElement): Promise<void> {
  if (img.complete && img.naturalWidth > 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    img.addEventListener('load', () => resolve(), { once: true });
    img.addEventListener('error', () => reject(new Error('the photo did not load')), { once: true });
  });
}

/** ?backend=cpu|webgl (the browser checks' switch); the real demos take tf.js's default. */
export async function chooseBackend(): Promise<void> {
  const backend = new URLSearchParams(location.search).get('backend');
  if (backend) await tf.setBackend(backend);
  await tf.ready();
}

/** What the driver of the browser check reads (the real pages show it on screen or in the console). */
export function publish(values: Record<string, string>): void {
  Object.assign(document.documentElement.dataset, values);
}

export function publishError(e: unknown): void {
  publish({ error: String(e instanceof Error ? e.message : e) });
}

/** A still photo drawn into the page's "camera" canvas, fitted and centred, as a webcam frame would fill it. */
export function drawPhoto(canvas: HTMLCanvasElement, image: HTMLImageElement, mirror = false): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.save();
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (mirror) {
    ctx.translate(canvas.width, 0);
    ctx.scale(-1, 1);
  }
  const k = Math.min(canvas.width / image.naturalWidth, canvas.height / image.naturalHeight);
  const w = image.naturalWidth * k;
  const h = image.naturalHeight * k;
  ctx.drawImage(image, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
  ctx.restore();
}
