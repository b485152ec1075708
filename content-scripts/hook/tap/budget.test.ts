import { describe, expect, it } from 'vitest';
import { Budget } from './budget';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('Budget', () => {
  it('samples at most hz calls a second', () => {
    const c = clock();
    const b = new Budget({ maxInFlight: 4, bytesPerSecond: 1e9, hz: 10 }, c.now);
    let sampled = 0;
    for (let i = 0; i < 600; i++) {
      if (b.sampleCall()) sampled++;
      c.advance(1000 / 60);
    }
    expect(sampled).toBeGreaterThanOrEqual(99);
    expect(sampled).toBeLessThanOrEqual(101);
  });

  it('bounds readbacks in flight and drops beyond', () => {
    const c = clock();
    const b = new Budget({ maxInFlight: 2, bytesPerSecond: 1e9, hz: 60 }, c.now);
    expect(b.reserve(10)).toBe(true);
    expect(b.reserve(10)).toBe(true);
    expect(b.reserve(10)).toBe(false);
    expect(b.sampleCall()).toBe(false);
    b.release(true);
    expect(b.reserve(10)).toBe(true);
    expect(b.stats).toMatchObject({ dropped: 1, sent: 1 });
  });

  it('bounds bytes per second with a one-second bucket', () => {
    const c = clock();
    const b = new Budget({ maxInFlight: 1000, bytesPerSecond: 1000, hz: 60 }, c.now);
    let bytes = 0;
    for (let i = 0; i < 100; i++) {
      if (b.reserve(100)) bytes += 100;
      b.release(true);
      c.advance(100);
    }
    // 10 s at 1000 B/s plus the initial full bucket
    expect(bytes).toBeLessThanOrEqual(11_000);
    expect(bytes).toBeGreaterThanOrEqual(9_000);
  });

  it('lets a frame bigger than a second through only on a full bucket, then waits', () => {
    const c = clock();
    const b = new Budget({ maxInFlight: 8, bytesPerSecond: 1000, hz: 60 }, c.now);
    expect(b.reserve(3000)).toBe(true);
    b.release(true);
    c.advance(1500);
    expect(b.reserve(3000)).toBe(false);
    c.advance(2500);
    expect(b.reserve(3000)).toBe(true);
  });
});
