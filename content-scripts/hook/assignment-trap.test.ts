import { afterEach, describe, expect, it } from 'vitest';
import { trapAssignments } from './assignment-trap';

const PROP = '__literateTrapTest';

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)[PROP];
});

describe('trapAssignments', () => {
  it('hands over each object on its first assignment and leaves an own data property', () => {
    const seen: object[] = [];
    expect(trapAssignments(PROP, (o) => seen.push(o))).toBe(true);
    const a: Record<string, unknown> = {};
    a[PROP] = 1;
    a[PROP] = 2;
    expect(seen).toEqual([a]);
    expect(Object.getOwnPropertyDescriptor(a, PROP)).toEqual({
      value: 2,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(({} as Record<string, unknown>)[PROP]).toBeUndefined();
  });

  it('keeps values of frozen receivers readable, and survives a listener that throws', () => {
    trapAssignments(PROP, () => {
      throw new Error('listener');
    });
    const frozen = Object.freeze({}) as Record<string, unknown>;
    expect(() => Reflect.set(frozen, PROP, 'kept')).not.toThrow();
    expect(frozen[PROP]).toBe('kept');
    expect(Object.getOwnPropertyDescriptor(frozen, PROP)).toBeUndefined();
  });

  it('does not replace a property Object.prototype already has', () => {
    expect(trapAssignments(PROP, () => undefined)).toBe(true);
    expect(trapAssignments(PROP, () => undefined)).toBe(false);
  });
});
