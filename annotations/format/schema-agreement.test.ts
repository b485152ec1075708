// Proves the published pack.schema.json and the validator agree: thousands of generated valid and near-valid packs
// are judged by a standard JSON Schema validator (ajv, draft 2020-12) and by the validator's structural checks.
// Out of the comparison (the schema cannot express them; FORMAT.md "Semantic checks"): issues marked
// `beyondSchema` (object refinements such as end ≥ start, regex cost, tensor shape), the semantic pass
// (references between ids, duplicate ids) and the nesting-depth limit.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { PackSpec } from './pack-spec';
import type { Issue } from './schema-dsl';
import { arbPack } from './testing/arbitrary-pack';
import { validatePack } from './validate';

const schema = JSON.parse(readFileSync(new URL('./pack.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({
  allErrors: false,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
});
const schemaAccepts = ajv.compile(schema);

function structuralIssues(value: unknown): Issue[] {
  const out: Issue[] = [];
  PackSpec.check(value, [], out);
  return out.filter((issue) => !issue.beyondSchema);
}

/** Values that sit on or just past the format's limits, in types a pack uses. */
const arbEdgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    'x',
    'https://example.org/a',
    'http://',
    'not a url',
    '😀',
    -1,
    0,
    0.5,
    1,
    2,
    101,
    1e300,
    true,
    null,
    {},
    [],
    [1, 2],
    ['a'],
    { type: 'CssSelector', value: '#x' },
    { type: 'TextQuoteSelector', exact: 'x' },
  ),
  fc
    .tuple(
      fc.constantFrom(
        LIMITS.contextLength,
        LIMITS.idLength,
        LIMITS.aliasLength,
        LIMITS.titleLength,
        LIMITS.nameLength,
        200,
      ),
      fc.constantFrom(-1, 0, 1),
      fc.constantFrom('a', '😀', 'é'),
    )
    .map(([limit, delta, unit]) => unit.repeat(limit + delta)),
);

type Mutation = { path: number[]; op: 'delete' | 'set' | 'rename' | 'duplicate'; value: unknown };

const arbMutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
  op: fc.constantFrom('delete', 'set', 'set', 'rename', 'duplicate') as fc.Arbitrary<Mutation['op']>,
  value: arbEdgeValue,
});

/** Walks down by the path's choices and changes one property or element (on a clone). */
function mutate(root: unknown, { path, op, value }: Mutation): unknown {
  const clone = structuredClone(root);
  let parent = clone as Record<string, unknown>;
  let key: string | undefined;
  for (const choice of path) {
    const keys = Object.keys(parent);
    if (keys.length === 0) break;
    key = keys[choice % keys.length] as string;
    const child = parent[key];
    if (typeof child !== 'object' || child === null || Object.keys(child).length === 0) break;
    if (choice % 3 === 0) break; // sometimes change a container, not only leaves
    parent = child as Record<string, unknown>;
    key = undefined;
  }
  key ??= Object.keys(parent)[0];
  if (key === undefined) return clone;
  const list = Array.isArray(parent) ? (parent as unknown[]) : undefined;
  if (op === 'delete') {
    if (list) list.splice(Number(key), 1);
    else delete parent[key];
  } else if (op === 'set') parent[key] = structuredClone(value);
  else if (op === 'rename' && !list) {
    parent[`${key}_`] = parent[key];
    delete parent[key];
  } else if (list) list.push(structuredClone(list[Number(key)]));
  return clone;
}

function describeDisagreement(value: unknown): string {
  const issues = structuralIssues(value).map((i) => `/${i.path.join('/')} ${i.reason}`);
  return `validator: ${issues.join('; ') || 'accepts'}\najv: ${ajv.errorsText(schemaAccepts.errors)}`;
}

describe('pack.schema.json and the validator agree', () => {
  it('on generated valid packs: both accept', () => {
    fc.assert(
      fc.property(arbPack(), (pack) => {
        expect(validatePack(pack).errors).toEqual([]);
        expect(schemaAccepts(pack), ajv.errorsText(schemaAccepts.errors)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('on generated near-valid packs: accept and reject the same ones', () => {
    let rejected = 0;
    fc.assert(
      fc.property(arbPack(), fc.array(arbMutation, { minLength: 1, maxLength: 3 }), (pack, mutations) => {
        let value: unknown = pack;
        for (const m of mutations) value = mutate(value, m);
        const validatorAccepts = structuralIssues(value).length === 0;
        const ajvAccepts = schemaAccepts(value);
        if (!ajvAccepts) rejected++;
        expect(ajvAccepts, describeDisagreement(value)).toBe(validatorAccepts);
      }),
      { numRuns: 3000 },
    );
    // The generator must produce both kinds, or the comparison proves little.
    expect(rejected).toBeGreaterThan(300);
    expect(rejected).toBeLessThan(2900);
  });

  it('is not vacuous: the schema rejects what the validator rejects, field by field', () => {
    const base = fc.sample(arbPack(), { numRuns: 1, seed: 7 })[0];
    const broken = { ...base, version: 2 };
    expect(structuralIssues(broken).length).toBeGreaterThan(0);
    expect(schemaAccepts(broken)).toBe(false);
  });
});
