// The reader's edits of a picture before it goes to the model (pure, on 8-bit RGBA): flip, shift, brightness,
// contrast and an occluding patch, always applied in that order to a copy, so the same edits give the same pixels.

import type { RgbaImage } from '../../../annotations/checks/types';
import { chwToHwc, imageDims } from '../../../model/data-layout';
import type { DataLayout } from '../../../model/model-graph';

export interface Patch {
  /** Top-left corner and side, in the picture's pixels. */
  x: number;
  y: number;
  size: number;
  /** 0…255 grey the patch is filled with (128: mid grey, the usual occluder). */
  fill: number;
}

export interface ImageEdits {
  flipH: boolean;
  flipV: boolean;
  /** Shift in pixels (right, down); what moves in from the edge is black. */
  dx: number;
  dy: number;
  /** −1…1, added as a fraction of full white. */
  brightness: number;
  /** 0…3, a factor around mid grey (1: unchanged). */
  contrast: number;
  patch: Patch | null;
}

export const NO_EDITS: ImageEdits = {
  flipH: false,
  flipV: false,
  dx: 0,
  dy: 0,
  brightness: 0,
  contrast: 1,
  patch: null,
};

export function hasEdits(e: ImageEdits): boolean {
  return (
    e.flipH ||
    e.flipV ||
    e.dx !== 0 ||
    e.dy !== 0 ||
    e.brightness !== 0 ||
    e.contrast !== 1 ||
    e.patch !== null
  );
}

const clampByte = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** A new picture with the edits applied (alpha is kept as it was, moved with its pixel). */
export function applyEdits(image: RgbaImage, edits: ImageEdits): RgbaImage {
  const { width: w, height: h, rgba } = image;
  const out = new Uint8ClampedArray(w * h * 4);
  const dx = Math.round(edits.dx);
  const dy = Math.round(edits.dy);
  const gain = Math.max(0, edits.contrast);
  const add = edits.brightness * 255;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      // Where this pixel comes from: undo the shift, then the flips.
      let sx = x - dx;
      let sy = y - dy;
      if (sx < 0 || sx >= w || sy < 0 || sy >= h) {
        out[o + 3] = 255;
        continue;
      }
      if (edits.flipH) sx = w - 1 - sx;
      if (edits.flipV) sy = h - 1 - sy;
      const s = (sy * w + sx) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = clampByte((rgba[s + c]! - 128) * gain + 128 + add);
      out[o + 3] = rgba[s + 3]!;
    }
  }
  if (edits.patch) fillPatch(out, w, h, edits.patch);
  return { width: w, height: h, rgba: out };
}

/** Paints a patch into RGBA pixels in place (clipped to the picture). */
export function fillPatch(rgba: Uint8ClampedArray, w: number, h: number, patch: Patch): void {
  const x0 = Math.max(0, Math.round(patch.x));
  const y0 = Math.max(0, Math.round(patch.y));
  const x1 = Math.min(w, Math.round(patch.x + patch.size));
  const y1 = Math.min(h, Math.round(patch.y + patch.size));
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const o = (y * w + x) * 4;
      rgba[o] = rgba[o + 1] = rgba[o + 2] = patch.fill;
      rgba[o + 3] = 255;
    }
}

/** The patch moved by (dx, dy) and kept inside the picture. */
export function movePatch(patch: Patch, dx: number, dy: number, w: number, h: number): Patch {
  const max = (side: number) => Math.max(0, side - patch.size);
  return {
    ...patch,
    x: Math.min(max(w), Math.max(0, patch.x + dx)),
    y: Math.min(max(h), Math.max(0, patch.y + dy)),
  };
}

/** A patch of about a quarter of the picture's shorter side, centred. */
export function defaultPatch(w: number, h: number): Patch {
  const size = Math.max(1, Math.round(Math.min(w, h) / 4));
  return { x: Math.round((w - size) / 2), y: Math.round((h - size) / 2), size, fill: 128 };
}

/** A picture of one colour (the drawing pad's blank page). */
export function blankImage(w: number, h: number, grey: number): RgbaImage {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = rgba[i + 1] = rgba[i + 2] = grey;
    rgba[i + 3] = 255;
  }
  return { width: w, height: h, rgba };
}

/**
 * The model input values of a picture back as RGBA, for showing the page's own input (inverse of normalize); a
 * channels-first model's [N, C, H, W] values are read as such.
 */
export function valuesToImage(
  values: Float32Array | Int32Array,
  shape: readonly number[],
  normalize: { mean: number[]; std: number[] },
  int32: boolean,
  layout: DataLayout = 'channels-last',
): RgbaImage | null {
  if (shape.length !== 4) return null;
  if (layout === 'channels-first') {
    const d = imageDims(shape, layout)!;
    if (values.length < d.channels * d.height * d.width) return null;
    const hwc = chwToHwc(values, d.channels, d.height, d.width);
    return valuesToImage(
      int32 ? Int32Array.from(hwc) : hwc,
      [shape[0]!, d.height, d.width, d.channels],
      normalize,
      int32,
    );
  }
  const [, h, w, c] = shape as [number, number, number, number];
  if (!(c === 1 || c === 3 || c === 4) || h < 1 || w < 1 || values.length < h * w * c) return null;
  const rgba = new Uint8ClampedArray(w * h * 4);
  const at = (list: number[], ch: number, dflt: number) =>
    list.length === 1 ? list[0]! : (list[ch] ?? dflt);
  const pixel = (v: number, ch: number) =>
    int32 ? v : (v * at(normalize.std, ch, 1) + at(normalize.mean, ch, 0)) * 255;
  for (let i = 0; i < w * h; i++) {
    if (c === 1) {
      const g = clampByte(pixel(values[i]!, 0));
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = g;
    } else for (let ch = 0; ch < 3; ch++) rgba[i * 4 + ch] = clampByte(pixel(values[i * c + ch]!, ch));
    rgba[i * 4 + 3] = 255;
  }
  return { width: w, height: h, rgba };
}
