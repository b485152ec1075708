import { describe, expect, it } from 'vitest';
import { SOLID_CLASSES } from '../shared/shapes.js';
import { FRAMES_PER_SHAPE, sceneAt } from './scene.js';

describe('sceneAt', () => {
  it('is a pure function of the frame number', () => {
    expect(sceneAt(123)).toEqual(sceneAt(123));
    expect(sceneAt(123)).not.toEqual(sceneAt(124));
  });

  it('shows every shape class in turn', () => {
    const kinds = SOLID_CLASSES.map((_, i) => sceneAt(i * FRAMES_PER_SHAPE + 5).kind);
    expect(kinds).toEqual([...SOLID_CLASSES]);
    expect(sceneAt(SOLID_CLASSES.length * FRAMES_PER_SHAPE).kind).toBe(SOLID_CLASSES[0]);
  });

  it('keeps the shape inside the frame', () => {
    for (let frame = 0; frame < 2000; frame += 7) {
      const s = sceneAt(frame);
      expect(s.cx - s.size).toBeGreaterThan(0);
      expect(s.cx + s.size).toBeLessThan(1);
      expect(s.cy - s.size).toBeGreaterThan(0);
      expect(s.cy + s.size).toBeLessThan(1);
    }
  });
});
