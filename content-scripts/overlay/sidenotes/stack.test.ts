import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapsNone, stackNotes, type StackItem } from './stack';

const tops = (items: StackItem[], gap = 8, min?: number) =>
  Object.fromEntries(stackNotes(items, { gap, min }));

describe('stackNotes', () => {
  it('leaves notes that do not collide exactly at their anchors', () => {
    expect(
      tops([
        { id: 'a', want: 0, height: 50 },
        { id: 'b', want: 100, height: 50 },
        { id: 'c', want: 300, height: 20 },
      ]),
    ).toEqual({ a: 0, b: 100, c: 300 });
  });

  it('centres a crowd on its anchors: two notes wanting the same place share the displacement', () => {
    // Both want 100; 50 + 10 gap needed: least squares puts them at 70 and 130.
    expect(
      tops(
        [
          { id: 'a', want: 100, height: 50 },
          { id: 'b', want: 100, height: 50 },
        ],
        10,
      ),
    ).toEqual({ a: 70, b: 130 });
  });

  it('keeps the input order for ties and sorts by anchor otherwise', () => {
    const result = tops([
      { id: 'late', want: 500, height: 10 },
      { id: 'first', want: 0, height: 10 },
      { id: 'second', want: 0, height: 10 },
    ]);
    expect(result.first! < result.second!).toBe(true);
    expect(result.late).toBe(500);
  });

  it('respects a lower bound: nothing goes above min', () => {
    const result = tops(
      [
        { id: 'a', want: 0, height: 100 },
        { id: 'b', want: 0, height: 100 },
      ],
      0,
      0,
    );
    expect(result).toEqual({ a: 0, b: 100 });
  });

  it('a later crowd does not disturb an earlier note that is far away', () => {
    const result = tops([
      { id: 'a', want: 0, height: 20 },
      { id: 'b', want: 1000, height: 100 },
      { id: 'c', want: 1000, height: 100 },
      { id: 'd', want: 1000, height: 100 },
    ]);
    expect(result.a).toBe(0);
    expect(result.c).toBeCloseTo(1000, 5);
  });

  it('is translation-invariant (scrolling moves every note by the same amount)', () => {
    const items: StackItem[] = [
      { id: 'a', want: 10, height: 80 },
      { id: 'b', want: 30, height: 40 },
      { id: 'c', want: 200, height: 60 },
    ];
    const a = tops(items);
    const b = tops(items.map((i) => ({ ...i, want: i.want - 357 })));
    for (const id of ['a', 'b', 'c']) expect(b[id]! + 357).toBeCloseTo(a[id]!, 6);
  });

  it('property: never overlaps, keeps anchor order, and is optimal against pushing down only', () => {
    const item = fc.record({
      want: fc.integer({ min: -2000, max: 2000 }),
      height: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.integer({ min: 0, max: 24 }), (raw, gap) => {
        const items = raw.map((r, i) => ({ id: String(i), ...r }));
        const placed = stackNotes(items, { gap });
        const boxes = items.map((i) => ({ top: placed.get(i.id)!, height: i.height }));
        expect(overlapsNone(boxes, gap)).toBe(true);
        // Order follows the anchors.
        const byWant = [...items].sort((a, b) => a.want - b.want || Number(a.id) - Number(b.id));
        for (let k = 1; k < byWant.length; k++)
          expect(placed.get(byWant[k]!.id)!).toBeGreaterThan(placed.get(byWant[k - 1]!.id)! - 1e-6);
        // Squared displacement is never worse than the greedy push-down layout.
        let bottom = -Infinity;
        let greedy = 0;
        for (const it of byWant) {
          const top = Math.max(it.want, bottom);
          greedy += (top - it.want) ** 2;
          bottom = top + it.height + gap;
        }
        const ours = items.reduce((s, it) => s + (placed.get(it.id)! - it.want) ** 2, 0);
        expect(ours).toBeLessThanOrEqual(greedy + 1e-6 * (1 + greedy));
      }),
    );
  });
});

describe('overlapsNone', () => {
  it('detects an overlap and accepts touching boxes', () => {
    expect(
      overlapsNone([
        { top: 0, height: 10 },
        { top: 10, height: 10 },
      ]),
    ).toBe(true);
    expect(
      overlapsNone([
        { top: 0, height: 10 },
        { top: 5, height: 10 },
      ]),
    ).toBe(false);
    // An empty box where another starts is no overlap, in either order (found by the property test).
    expect(
      overlapsNone([
        { top: -875, height: 2 },
        { top: -873, height: 0 },
        { top: -875, height: 0 },
      ]),
    ).toBe(true);
  });
});
