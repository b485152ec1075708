// The object combinator of the schema DSL: known keys (typos get a hint), required keys, key groups, and
// variants chosen by a discriminator (the annotation's `kind`, a selector's `type`), in validator and schema.
import {
  beyondSchema,
  type Defs,
  type Issue,
  type JsonSchema,
  type Path,
  type Spec,
  typeOf,
} from './schema-dsl';
import { didYouMean } from './suggest';
import { isRec } from '../../base/is-record';

export interface Variant {
  fields: Record<string, Spec>;
  required?: string[];
}

export interface ObjectOptions {
  label: string;
  description?: string;
  fields: Record<string, Spec>;
  required?: string[];
  /** At most one key of each group may be present. */
  atMostOne?: string[][];
  /** At least one key of each group must be present. */
  atLeastOne?: string[][];
  /** `{ nth: 'op' }`: nth may only appear together with op. */
  requires?: Record<string, string>;
  /** The value of `key` picks which further fields are allowed and required. */
  variants?: { key: string; cases: Record<string, Variant> };
  /** Extra checks that JSON Schema cannot express (documented in FORMAT.md). */
  refine?: (value: Record<string, unknown>, path: Path, out: Issue[]) => void;
}

const has = (value: Record<string, unknown>, key: string): boolean => Object.hasOwn(value, key);

export function obj(options: ObjectOptions): Spec {
  const { fields, required = [], variants } = options;
  const allVariantKeys = new Set<string>();
  for (const variant of Object.values(variants?.cases ?? {}))
    for (const key of Object.keys(variant.fields)) allVariantKeys.add(key);

  const spec: Spec = {
    label: options.label,
    check(value, path, out) {
      if (!isRec(value)) {
        out.push({ path, reason: `expected ${options.label}, found ${typeOf(value)}` });
        return;
      }
      let variant: Variant | undefined;
      let variantName: string | undefined;
      if (variants) {
        const tag = value[variants.key];
        if (typeof tag === 'string' && Object.hasOwn(variants.cases, tag)) {
          variant = variants.cases[tag];
          variantName = tag;
        }
      }
      const known: Record<string, Spec> = { ...fields, ...(variant?.fields ?? {}) };
      const requiredHere = [...required, ...(variant?.required ?? [])];
      for (const key of requiredHere)
        if (!has(value, key)) out.push({ path, reason: `missing required property '${key}'` });

      for (const key of Object.keys(value)) {
        const field = known[key];
        if (field) {
          field.check(value[key], [...path, key], out);
          continue;
        }
        if (variants && !variant && allVariantKeys.has(key)) continue; // reported through the discriminator
        const where = variantName ? ` for ${variants?.key} '${variantName}'` : '';
        out.push({
          path: [...path, key],
          at: 'key',
          reason: `unknown property '${key}'${where}`,
          hint: didYouMean(key, Object.keys(known)) ?? `allowed: ${Object.keys(known).join(', ')}`,
        });
      }
      for (const group of options.atMostOne ?? []) {
        const present = group.filter((key) => has(value, key));
        if (present.length > 1)
          out.push({
            path,
            reason: `give only one of ${group.map((k) => `'${k}'`).join(', ')}; found ${present.join(' and ')}`,
          });
      }
      for (const group of options.atLeastOne ?? []) {
        if (!group.some((key) => has(value, key)))
          out.push({ path, reason: `needs at least one of ${group.map((k) => `'${k}'`).join(', ')}` });
      }
      for (const [key, needed] of Object.entries(options.requires ?? {})) {
        if (has(value, key) && !has(value, needed))
          out.push({ path: [...path, key], at: 'key', reason: `'${key}' needs '${needed}'` });
      }
      const { refine } = options;
      if (refine) beyondSchema(out, () => refine(value, path, out));
    },
    schema(defs: Defs) {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, field] of Object.entries(fields)) properties[key] = field.schema(defs);
      const schema: JsonSchema = { type: 'object' };
      if (options.description) schema.description = options.description;
      schema.properties = properties;
      if (required.length > 0) schema.required = [...required];
      const allOf: JsonSchema[] = [];
      for (const group of options.atMostOne ?? [])
        for (let i = 0; i < group.length; i++)
          for (let j = i + 1; j < group.length; j++) allOf.push({ not: { required: [group[i], group[j]] } });
      for (const group of options.atLeastOne ?? [])
        allOf.push({ anyOf: group.map((key) => ({ required: [key] })) });
      if (options.requires && Object.keys(options.requires).length > 0)
        schema.dependentRequired = Object.fromEntries(
          Object.entries(options.requires).map(([key, needed]) => [key, [needed]]),
        );
      if (variants) {
        for (const [name, variant] of Object.entries(variants.cases)) {
          const then: JsonSchema = {
            properties: Object.fromEntries(
              Object.entries(variant.fields).map(([key, field]) => [key, field.schema(defs)]),
            ),
          };
          if (variant.required && variant.required.length > 0) then.required = [...variant.required];
          allOf.push({
            if: { properties: { [variants.key]: { const: name } }, required: [variants.key] },
            then,
          });
        }
      }
      if (allOf.length > 0) schema.allOf = allOf;
      if (variants) schema.unevaluatedProperties = false;
      else schema.additionalProperties = false;
      return schema;
    },
  };
  return spec;
}
