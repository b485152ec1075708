// A tiny combinator library that both validates a JSON value (every error, with a path and a hint) and emits the
// equivalent JSON Schema (draft 2020-12), so the validator and pack.schema.json cannot drift apart.
import { didYouMean } from './suggest';

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  reason: string;
  hint?: string;
  /** Point at the key of the last path segment rather than its value (unknown or misspelt properties). */
  at?: 'key' | 'value';
  /** A check the JSON Schema cannot express (refinements, regex cost, tensor shape); see FORMAT.md. */
  beyondSchema?: boolean;
}

export type JsonSchema = Record<string, unknown>;
export type Defs = Record<string, JsonSchema>;

export interface Spec {
  /** What the value should be, for messages: 'a string', 'an array of selectors'. */
  readonly label: string;
  check(value: unknown, path: Path, out: Issue[]): void;
  schema(defs: Defs): JsonSchema;
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a non-finite number';
  return `a ${typeof value}`;
}

const wrongType = (spec: Spec, value: unknown, path: Path, out: Issue[]): void => {
  out.push({ path, reason: `expected ${spec.label}, found ${typeOf(value)}` });
};

export interface StringOptions {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Says what the pattern means, for the error: 'a semantic version like 1.0.0'. */
  patternLabel?: string;
  description?: string;
}

/** Length in Unicode code points, as JSON Schema's minLength/maxLength count it (an emoji is one, not two). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

export function str(options: StringOptions = {}): Spec {
  const { min = 0, max, pattern, patternLabel } = options;
  const spec: Spec = {
    label: patternLabel ?? 'a string',
    check(value, path, out) {
      if (typeof value !== 'string') return wrongType(spec, value, path, out);
      const length = codePointLength(value);
      if (length < min)
        out.push({ path, reason: min === 1 ? 'must not be empty' : `must be at least ${min} characters` });
      if (max !== undefined && length > max)
        out.push({ path, reason: `is ${length} characters long; the limit is ${max}` });
      if (pattern && length >= min && !pattern.test(value))
        out.push({ path, reason: `must be ${patternLabel ?? `a string matching ${pattern.source}`}` });
    },
    schema() {
      const schema: JsonSchema = { type: 'string' };
      if (min > 0) schema.minLength = min;
      if (max !== undefined) schema.maxLength = max;
      if (pattern) schema.pattern = pattern.source;
      if (options.description) schema.description = options.description;
      return schema;
    },
  };
  return spec;
}

export function num(
  options: { integer?: boolean; min?: number; max?: number; description?: string } = {},
): Spec {
  const { integer = false, min, max } = options;
  const spec: Spec = {
    label: integer ? 'an integer' : 'a number',
    check(value, path, out) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(spec, value, path, out);
      if (integer && !Number.isInteger(value))
        out.push({ path, reason: `must be an integer, found ${value}` });
      if (min !== undefined && value < min)
        out.push({ path, reason: `must be at least ${min}, found ${value}` });
      if (max !== undefined && value > max)
        out.push({ path, reason: `must be at most ${max}, found ${value}` });
    },
    schema() {
      const schema: JsonSchema = { type: integer ? 'integer' : 'number' };
      if (min !== undefined) schema.minimum = min;
      if (max !== undefined) schema.maximum = max;
      if (options.description) schema.description = options.description;
      return schema;
    },
  };
  return spec;
}

export function bool(): Spec {
  const spec: Spec = {
    label: 'true or false',
    check(value, path, out) {
      if (typeof value !== 'boolean') wrongType(spec, value, path, out);
    },
    schema: () => ({ type: 'boolean' }),
  };
  return spec;
}

export function nul(): Spec {
  const spec: Spec = {
    label: 'null',
    check(value, path, out) {
      if (value !== null) wrongType(spec, value, path, out);
    },
    schema: () => ({ type: 'null' }),
  };
  return spec;
}

/** One of a fixed set of strings, with a did-you-mean hint. */
export function oneOf(values: readonly string[], description?: string): Spec {
  const label = values.length === 1 ? `'${values[0]}'` : `one of ${values.map((v) => `'${v}'`).join(', ')}`;
  return {
    label,
    check(value, path, out) {
      if (typeof value === 'string' && values.includes(value)) return;
      const hint = typeof value === 'string' ? didYouMean(value, values) : undefined;
      out.push({ path, reason: `expected ${label}, found ${JSON.stringify(value) ?? typeOf(value)}`, hint });
    },
    schema: () => {
      const schema: JsonSchema = values.length === 1 ? { const: values[0] } : { enum: [...values] };
      if (description) schema.description = description;
      return schema;
    },
  };
}

export function arr(item: Spec, options: { min?: number; max?: number; description?: string } = {}): Spec {
  const { min = 0, max } = options;
  const spec: Spec = {
    label: `an array of ${item.label.replace(/^(a|an) /, '')}s`,
    check(value, path, out) {
      if (!Array.isArray(value)) return wrongType(spec, value, path, out);
      if (value.length < min)
        out.push({
          path,
          reason: min === 1 ? 'must have at least one entry' : `must have at least ${min} entries`,
        });
      if (max !== undefined && value.length > max)
        out.push({ path, reason: `has ${value.length} entries; the limit is ${max}` });
      const limit = Math.min(value.length, (max ?? Infinity) + 1);
      for (let i = 0; i < limit; i++) item.check(value[i], [...path, i], out);
    },
    schema(defs) {
      const schema: JsonSchema = { type: 'array', items: item.schema(defs) };
      if (min > 0) schema.minItems = min;
      if (max !== undefined) schema.maxItems = max;
      if (options.description) schema.description = options.description;
      return schema;
    },
  };
  return spec;
}

/** Either of two specs (tried in order; errors from the one whose JSON type fits). */
export function either(first: Spec, second: Spec, typeOfFirst: (v: unknown) => boolean): Spec {
  return {
    label: `${first.label} or ${second.label}`,
    check(value, path, out) {
      (typeOfFirst(value) ? first : second).check(value, path, out);
    },
    schema: (defs) => ({ oneOf: [first.schema(defs), second.schema(defs)] }),
  };
}

/** An object with string keys matching `keyPattern`, each value matching `value`. */
export function record(keyPattern: RegExp, keyLabel: string, value: Spec, options: { max: number }): Spec {
  const spec: Spec = {
    label: 'an object',
    check(input, path, out) {
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        return wrongType(spec, input, path, out);
      const keys = Object.keys(input);
      if (keys.length > options.max)
        out.push({ path, reason: `has ${keys.length} entries; the limit is ${options.max}` });
      for (const key of keys.slice(0, options.max + 1)) {
        if (!keyPattern.test(key))
          out.push({ path: [...path, key], at: 'key', reason: `key must be ${keyLabel}` });
        value.check((input as Record<string, unknown>)[key], [...path, key], out);
      }
    },
    schema: (defs) => ({
      type: 'object',
      propertyNames: { pattern: keyPattern.source },
      additionalProperties: value.schema(defs),
      maxProperties: options.max,
    }),
  };
  return spec;
}

/** A named definition: emitted once under $defs and referenced; `build` is lazy so definitions may recurse. */
export function def(name: string, build: () => Spec): Spec {
  let cached: Spec | undefined;
  const target = (): Spec => (cached ??= build());
  return {
    get label() {
      return target().label;
    },
    check: (value, path, out) => target().check(value, path, out),
    schema(defs) {
      if (!(name in defs)) {
        defs[name] = {}; // placeholder first, so recursion terminates
        defs[name] = target().schema(defs);
      }
      return { $ref: `#/$defs/${name}` };
    },
  };
}

/** Any value accepted by a custom check, with a hand-written schema. */
export function custom(label: string, check: Spec['check'], schema: (defs: Defs) => JsonSchema): Spec {
  return { label, check, schema };
}

/** Runs `check` and marks what it reports as beyond the schema (the schema-agreement test skips those). */
export function beyondSchema(out: Issue[], check: () => void): void {
  const before = out.length;
  check();
  for (let i = before; i < out.length; i++) out[i] = { ...out[i], beyondSchema: true } as Issue;
}
