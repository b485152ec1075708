import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbPack } from './testing/arbitrary-pack';
import { validatePack, validatePackText, type ValidationResult } from './validate';

const exampleText = readFileSync(new URL('./fixtures/example-pack.json', import.meta.url), 'utf8');

function expectWellFormed(result: ValidationResult, text?: string): void {
  expect(typeof result.ok).toBe('boolean');
  for (const error of result.errors) {
    expect(typeof error.pointer).toBe('string');
    expect(error.pointer === '' || error.pointer.startsWith('/')).toBe(true);
    expect(error.reason.length).toBeGreaterThan(0);
    if (text !== undefined) {
      const lines = text.split('\n');
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lines.length);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeLessThanOrEqual((lines[(error.line ?? 1) - 1]?.length ?? 0) + 1);
    }
  }
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
}

type Mutation = {
  path: number[];
  op: 'delete' | 'set' | 'rename' | 'duplicate';
  value: unknown;
  salt: string;
};

/** Applies one mutation at a pseudo-randomly chosen place in the (cloned) value. */
function mutate(root: unknown, { path, op, value, salt }: Mutation): unknown {
  const clone = structuredClone(root);
  let parent: any = clone;
  for (const choice of path) {
    const keys = typeof parent === 'object' && parent !== null ? Object.keys(parent) : [];
    if (keys.length === 0) break;
    const key = keys[choice % keys.length] as string;
    const child = parent[key];
    if (typeof child !== 'object' || child === null) {
      applyAt(parent, key, op, value, salt);
      return clone;
    }
    parent = child;
  }
  const keys = Object.keys(parent ?? {});
  if (keys.length > 0) applyAt(parent, keys[(path[0] ?? 0) % keys.length] as string, op, value, salt);
  return clone;
}

function applyAt(parent: any, key: string, op: Mutation['op'], value: unknown, salt: string): void {
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (op === 'set') parent[key] = value;
  else if (op === 'rename' && !Array.isArray(parent)) {
    parent[key + salt] = parent[key];
    delete parent[key];
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
}

describe('validation never throws', () => {
  it('on random JSON values, as values and as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(validatePack(value));
        const text = JSON.stringify(value, null, 1) ?? 'null';
        expectWellFormed(validatePackText(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it('on random mutations of a valid pack', () => {
    const base = JSON.parse(exampleText);
    const mutation = fc.record({
      path: fc.array(fc.nat(50), { minLength: 1, maxLength: 8 }),
      op: fc.constantFrom('delete', 'set', 'rename', 'duplicate') as fc.Arbitrary<Mutation['op']>,
      value: fc.jsonValue({ maxDepth: 3 }),
      salt: fc.string({ minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let value: unknown = base;
        for (const m of mutations) value = mutate(value, m);
        expectWellFormed(validatePack(value));
        const text = JSON.stringify(value, null, 2);
        expectWellFormed(validatePackText(text), text);
      }),
      { numRuns: 400 },
    );
  });

  it('on truncated text: a syntax error with a position, never a crash', () => {
    fc.assert(
      fc.property(fc.nat(exampleText.length - 2), (cut) => {
        const text = exampleText.slice(0, cut);
        const result = validatePackText(text);
        expectWellFormed(result, text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => expectWellFormed(validatePackText(text), text)),
      { numRuns: 300 },
    );
  });
});

describe('valid packs stay valid', () => {
  it('through a serialize/parse round trip', () => {
    fc.assert(
      fc.property(arbPack(), fc.constantFrom(0, 2, '\t'), (pack, indent) => {
        const first = validatePack(pack);
        expect(first.errors).toEqual([]);
        const text = JSON.stringify(pack, null, indent);
        const second = validatePackText(text);
        expect(second.errors).toEqual([]);
        expect(second.ok && second.pack).toEqual(pack);
      }),
      { numRuns: 200 },
    );
  });
});
