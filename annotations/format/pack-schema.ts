// The pack JSON Schema (draft 2020-12), generated from the validator's spec so the two cannot drift apart.
import { PackSpec } from './pack-spec';
import type { Defs, JsonSchema } from './schema-dsl';

export const SCHEMA_ID = 'https://literate.dev/schema/pack-1.schema.json';

export function generatePackSchema(): JsonSchema {
  const defs: Defs = {};
  const root = PackSpec.schema(defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'Literate annotation pack, format version 1',
    description: 'Generated from annotations/format/pack-spec.ts; see annotations/FORMAT.md.',
    ...root,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}
