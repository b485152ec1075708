import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePackSchema } from './pack-schema';
import { schemaPath } from '../../cli/tools/write-schema';

function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyNames(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null)
        for (const name of Object.keys(value)) out.add(name);
      propertyNames(value, out);
    }
  }
  return out;
}

describe('pack.schema.json', () => {
  const committed = JSON.parse(readFileSync(schemaPath, 'utf8'));

  it('is what the validator spec generates (run write-schema.ts after changing pack-spec.ts)', () => {
    expect(committed).toEqual(generatePackSchema());
  });

  it('is a draft 2020-12 schema whose every $ref resolves', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const refs = JSON.stringify(committed).match(/"\$ref":"#\/\$defs\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(Object.keys(committed.$defs)).toContain(ref.slice(16, -1));
  });

  it('names every property the example pack uses, and the ones FORMAT.md documents', () => {
    const names = propertyNames(committed);
    const example = readFileSync(new URL('./fixtures/example-pack.json', import.meta.url), 'utf8');
    for (const match of example.matchAll(/"([A-Za-z@_]+)":/g)) {
      if (['W_c', 'b_c'].includes(match[1] as string)) continue;
      expect(names).toContain(match[1]);
    }
    const format = readFileSync(new URL('../FORMAT.md', import.meta.url), 'utf8');
    const propertyTables = format
      .split(/\n(?=\| Property \|)/)
      .slice(1)
      .map((t) => t.split(/\n(?!\|)/)[0] ?? '');
    const documented = new Set(
      propertyTables.flatMap((t) => [...t.matchAll(/^\| `([A-Za-z@0-9]+)`/gm)].map((m) => m[1] as string)),
    );
    expect(documented.size).toBeGreaterThan(40);
    for (const name of documented) expect(names, `FORMAT.md documents '${name}'`).toContain(name);
    for (const name of names) expect(documented, `FORMAT.md must document '${name}'`).toContain(name);
  });
});
