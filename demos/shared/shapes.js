// Draws the synthetic shapes our demo models learn from, with signed distance functions, so that Node training
// and the browser pages (animations, test-mode inputs) produce the very same pixels without a canvas library.
import { mulberry32, uniform, gaussianish } from './prng.js';

/** Classes of the hand-drawn outline shapes (shapes-cnn), in output order. */
export const DRAWING_CLASSES = ['circle', 'square', 'triangle', 'cross', 'line'];

/** Classes of the filled coloured shapes (tiny-mobilenet), in output order. */
export const SOLID_CLASSES = ['circle', 'square', 'triangle', 'star', 'cross', 'ring'];

const SQRT3 = Math.sqrt(3);

function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

function sdBox(px, py, bx, by, rounding) {
  const dx = Math.abs(px) - bx + rounding;
  const dy = Math.abs(py) - by + rounding;
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
  return outside + Math.min(Math.max(dx, dy), 0) - rounding;
}

// Equilateral triangle with half side r, pointing up in local coordinates (after Inigo Quilez).
function sdTriangle(px, py, r) {
  let x = Math.abs(px) - r;
  let y = -py + r / SQRT3;
  if (x + SQRT3 * y > 0) {
    const nx = (x - SQRT3 * y) / 2;
    const ny = (-SQRT3 * x - y) / 2;
    x = nx;
    y = ny;
  }
  x -= clamp(x, -2 * r, 0);
  return -Math.hypot(x, y) * Math.sign(y);
}

// Five-pointed star with outer radius r and inner ratio rf (after Inigo Quilez).
function sdStar5(px, py, r, rf) {
  const k1x = 0.809016994375;
  const k1y = -0.587785252292;
  const k2x = -k1x;
  const k2y = k1y;
  let x = Math.abs(px);
  let y = -py;
  let d1 = 2 * Math.max(k1x * x + k1y * y, 0);
  x -= d1 * k1x;
  y -= d1 * k1y;
  d1 = 2 * Math.max(k2x * x + k2y * y, 0);
  x -= d1 * k2x;
  y -= d1 * k2y;
  x = Math.abs(x);
  y -= r;
  const bax = rf * -k1y;
  const bay = rf * k1x - 1;
  const h = clamp((x * bax + y * bay) / (bax * bax + bay * bay), 0, r);
  return Math.hypot(x - bax * h, y - bay * h) * Math.sign(y * bax - x * bay);
}

function sdSegment(px, py, ax, ay, bx, by) {
  const pax = px - ax;
  const pay = py - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = clamp((pax * bax + pay * bay) / (bax * bax + bay * bay), 0, 1);
  return Math.hypot(pax - bax * h, pay - bay * h);
}

/**
 * Distance (normalized image units) from local point (x, y) to the pen line of a hand-drawn shape.
 * @param {import('./shapes.js').DrawingParams} s
 */
function drawingDistance(s, x, y) {
  const r = s.size;
  switch (s.kind) {
    case 'circle':
      return Math.abs(Math.hypot(x, y) - r);
    case 'square':
      return Math.abs(sdBox(x, y, r * 0.85, r * 0.85, s.rounding * r));
    case 'triangle':
      return Math.abs(sdTriangle(x, y + r * 0.2, r));
    case 'cross':
      return Math.min(sdSegment(x, y, -r, 0, r, 0), sdSegment(x, y, 0, -r * s.armRatio, 0, r * s.armRatio));
    case 'line':
      return sdSegment(x, y, -r, 0, r, 0);
    default:
      throw new Error(`unknown drawing kind ${s.kind}`);
  }
}

/**
 * Signed distance (negative inside) from local point (x, y) to a filled shape.
 * @param {import('./shapes.js').SolidScene} s
 */
function solidDistance(s, x, y) {
  const r = s.size;
  switch (s.kind) {
    case 'circle':
      return Math.hypot(x, y) - r;
    case 'square':
      return sdBox(x, y, r * 0.82, r * 0.82, r * 0.08);
    case 'triangle':
      return sdTriangle(x, y + r * 0.25, r);
    case 'star':
      return sdStar5(x, y, r * 1.05, 0.45);
    case 'cross':
      return Math.min(sdBox(x, y, r, r * 0.3, 0), sdBox(x, y, r * 0.3, r, 0));
    case 'ring':
      return Math.abs(Math.hypot(x, y) - r * 0.72) - r * 0.28;
    default:
      throw new Error(`unknown solid kind ${s.kind}`);
  }
}

// Maps an image point (normalized) into the shape's local frame: translate, rotate, squash, wobble.
function toLocal(s, u, v) {
  const dx = u - s.cx;
  const dy = v - s.cy;
  const c = Math.cos(s.rotation);
  const n = Math.sin(s.rotation);
  let x = c * dx + n * dy;
  let y = (-n * dx + c * dy) / s.aspect;
  if (s.wobble) {
    const w = s.wobble;
    x += w.amp * Math.sin(y * w.freq + w.phaseX);
    y += w.amp * Math.sin(x * w.freq + w.phaseY);
  }
  return [x, y];
}

/**
 * Random parameters of one hand-drawn outline shape.
 * @param {() => number} rand
 * @param {string} kind one of DRAWING_CLASSES
 * @returns {import('./shapes.js').DrawingParams}
 */
export function randomDrawing(rand, kind) {
  const size = uniform(rand, 0.2, 0.42);
  const margin = size + 0.04;
  return {
    kind,
    size,
    cx: uniform(rand, margin, 1 - margin),
    cy: uniform(rand, margin, 1 - margin),
    rotation: uniform(rand, 0, 2 * Math.PI),
    aspect: kind === 'line' || kind === 'cross' ? 1 : uniform(rand, 0.8, 1.2),
    stroke: uniform(rand, 0.04, 0.1),
    rounding: uniform(rand, 0, 0.3),
    armRatio: uniform(rand, 0.75, 1.25),
    wobble: {
      amp: uniform(rand, 0, 0.025),
      freq: uniform(rand, 6, 14),
      phaseX: uniform(rand, 0, 2 * Math.PI),
      phaseY: uniform(rand, 0, 2 * Math.PI),
    },
  };
}

/**
 * Renders a hand-drawn shape as ink coverage in [0, 1] (1 = ink), row-major, size × size.
 * @param {import('./shapes.js').DrawingParams} params
 * @param {number} size pixels per side
 * @returns {Float32Array}
 */
export function renderDrawing(params, size) {
  const out = new Float32Array(size * size);
  const halfStrokePx = (params.stroke * size) / 2;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const [x, y] = toLocal(params, (col + 0.5) / size, (row + 0.5) / size);
      const distancePx = drawingDistance(params, x, y) * size;
      out[row * size + col] = clamp(halfStrokePx - distancePx + 0.5, 0, 1);
    }
  }
  return out;
}

function randomColour(rand) {
  return [rand(), rand(), rand()];
}

function luminance(rgb) {
  return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
}

/**
 * Random parameters of one filled, coloured shape on a noisy gradient background.
 * @param {() => number} rand
 * @param {string} kind one of SOLID_CLASSES
 * @returns {import('./shapes.js').SolidScene}
 */
export function randomSolidScene(rand, kind) {
  const size = uniform(rand, 0.26, 0.4);
  const margin = size * 0.9;
  const bgFrom = randomColour(rand);
  const bgTo = randomColour(rand).map((v, i) => 0.5 * v + 0.5 * (bgFrom[i] ?? 0));
  let fg = randomColour(rand);
  const bgLuma = (luminance(bgFrom) + luminance(bgTo)) / 2;
  for (let tries = 0; tries < 20 && Math.abs(luminance(fg) - bgLuma) < 0.3; tries++) fg = randomColour(rand);
  if (Math.abs(luminance(fg) - bgLuma) < 0.3) fg = bgLuma > 0.5 ? [0.05, 0.05, 0.1] : [0.95, 0.95, 0.9];
  return {
    kind,
    size,
    cx: uniform(rand, margin, 1 - margin),
    cy: uniform(rand, margin, 1 - margin),
    rotation: uniform(rand, 0, 2 * Math.PI),
    aspect: uniform(rand, 0.85, 1.15),
    fg,
    bgFrom,
    bgTo,
    gradientAngle: uniform(rand, 0, 2 * Math.PI),
    noise: uniform(rand, 0.01, 0.06),
    noiseSeed: Math.floor(rand() * 2 ** 31),
  };
}

/**
 * Renders a coloured scene as RGB floats in [0, 1], row-major HWC, size × size × 3.
 * Noise is drawn per pixel from the scene's own seed, so the same scene renders identically every time.
 * @param {import('./shapes.js').SolidScene} scene
 * @param {number} size pixels per side
 * @returns {Float32Array}
 */
export function renderSolidScene(scene, size) {
  const out = new Float32Array(size * size * 3);
  const noiseRand = mulberry32(scene.noiseSeed);
  const gx = Math.cos(scene.gradientAngle);
  const gy = Math.sin(scene.gradientAngle);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const u = (col + 0.5) / size;
      const v = (row + 0.5) / size;
      const [x, y] = toLocal(scene, u, v);
      const coverage = clamp(0.5 - solidDistance(scene, x, y) * size, 0, 1);
      const t = clamp(0.5 + (u - 0.5) * gx + (v - 0.5) * gy, 0, 1);
      const base = (row * size + col) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const bg = (scene.bgFrom[ch] ?? 0) * (1 - t) + (scene.bgTo[ch] ?? 0) * t;
        const colour = bg * (1 - coverage) + (scene.fg[ch] ?? 0) * coverage;
        out[base + ch] = clamp(colour + gaussianish(noiseRand, scene.noise), 0, 1);
      }
    }
  }
  return out;
}
