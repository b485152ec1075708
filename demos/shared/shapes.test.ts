import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng.js';
import {
  DRAWING_CLASSES,
  SOLID_CLASSES,
  randomDrawing,
  randomSolidScene,
  renderDrawing,
  renderSolidScene,
  type SolidScene,
} from './shapes.js';

const sum = (values: Float32Array) => values.reduce((a, b) => a + b, 0);

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('hand-drawn shapes', () => {
  it('render the same pixels for the same seed', () => {
    for (const kind of DRAWING_CLASSES) {
      const a = renderDrawing(randomDrawing(mulberry32(5), kind), 28);
      const b = renderDrawing(randomDrawing(mulberry32(5), kind), 28);
      expect(a).toEqual(b);
      expect(sum(a)).toBeGreaterThan(5);
    }
  });

  it('draw outlines: a circle leaves its centre empty, a cross inks it', () => {
    const base = {
      size: 0.3,
      cx: 0.5,
      cy: 0.5,
      rotation: 0,
      aspect: 1,
      stroke: 0.08,
      rounding: 0,
      armRatio: 1,
    };
    const centre = 14 * 28 + 14;
    expect(renderDrawing({ ...base, kind: 'circle' }, 28)[centre]).toBe(0);
    expect(renderDrawing({ ...base, kind: 'cross' }, 28)[centre]).toBeGreaterThan(0.9);
  });

  it('scale with the resolution: ink area grows with the square of the side', () => {
    const params = randomDrawing(mulberry32(9), 'square');
    const small = sum(renderDrawing(params, 28)) / 28 ** 2;
    const large = sum(renderDrawing(params, 280)) / 280 ** 2;
    expect(Math.abs(small - large) / large).toBeLessThan(0.15);
  });
});

describe('coloured scenes', () => {
  const scene = (kind: string): SolidScene => ({
    kind,
    size: 0.35,
    cx: 0.5,
    cy: 0.5,
    rotation: 0,
    aspect: 1,
    fg: [1, 0, 0],
    bgFrom: [0, 0, 1],
    bgTo: [0, 0, 1],
    gradientAngle: 0,
    noise: 0,
    noiseSeed: 1,
  });
  const redAt = (image: Float32Array, size: number, x: number, y: number) => image[(y * size + x) * 3]!;

  it('fill shapes with their colour; a ring has a hole, a circle does not', () => {
    expect(redAt(renderSolidScene(scene('circle'), 32), 32, 16, 16)).toBeCloseTo(1);
    expect(redAt(renderSolidScene(scene('ring'), 32), 32, 16, 16)).toBeCloseTo(0);
    expect(redAt(renderSolidScene(scene('square'), 32), 32, 1, 1)).toBeCloseTo(0);
  });

  it('add noise from the scene seed only', () => {
    const noisy = { ...scene('star'), noise: 0.05 };
    expect(renderSolidScene(noisy, 16)).toEqual(renderSolidScene(noisy, 16));
    expect(renderSolidScene(noisy, 16)).not.toEqual(renderSolidScene({ ...noisy, noiseSeed: 2 }, 16));
  });

  it('keep the shape visible against its background', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 50; i++) {
      const s = randomSolidScene(rand, SOLID_CLASSES[i % SOLID_CLASSES.length]!);
      const luma = (c: number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
      const bg = (luma(s.bgFrom) + luma(s.bgTo)) / 2;
      expect(Math.abs(luma(s.fg) - bg)).toBeGreaterThanOrEqual(0.3);
    }
  });
});
