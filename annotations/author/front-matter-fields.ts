// Front matter ↔ pack metadata: types the few non-string fields (numbers, booleans, shapes) of the YAML subset,
// and writes a pack's metadata back as front matter for the decompiler.
import type { Pack } from '../format/types';
import { formatScalar, type YamlValue } from './front-matter';
import { isRec, type Rec as Json } from '../../base/is-record';

/** '12' → 12 when the text is an integer; anything else unchanged (the validator then says what is wrong). */
const integer = (v: unknown): unknown => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v);
const boolean = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);
const list = (v: unknown): unknown => (typeof v === 'string' ? [v] : v);

function typeModel(model: unknown): unknown {
  if (!isRec(model)) return model;
  const out: Json = { ...model };
  if ('optional' in out) out.optional = boolean(out.optional);
  if (isRec(out.structure)) {
    const structure: Json = { ...out.structure };
    for (const key of ['params', 'nodeCount']) if (key in structure) structure[key] = integer(structure[key]);
    if (Array.isArray(structure.nodes))
      structure.nodes = structure.nodes.map((node) => {
        if (!isRec(node)) return node;
        const typed: Json = { ...node };
        if ('params' in typed) typed.params = integer(typed.params);
        if (Array.isArray(typed.outputShape)) typed.outputShape = typed.outputShape.map(integer);
        return typed;
      });
    out.structure = structure;
  }
  return out;
}

/** Pack metadata from parsed front matter (`pages` and `models` become `targets`). */
export function typeFrontMatter(meta: Record<string, YamlValue>): Json {
  const out: Json = { ...meta };
  if (Array.isArray(out.authors))
    out.authors = out.authors.map((a) => (typeof a === 'string' ? { name: a } : a));
  else if (typeof out.authors === 'string') out.authors = [{ name: out.authors }];
  out.pages = list(out.pages) ?? [];
  out.models = Array.isArray(out.models) ? out.models.map(typeModel) : (out.models ?? []);
  return out;
}

function yamlLines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item) => {
      if (isRec(item) && Object.keys(item).length === 0) return [`${indent}- {}`];
      if (isRec(item)) {
        const inner = yamlMapping(item, `${indent}  `);
        return [`${indent}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1)];
      }
      return [`${indent}- ${formatScalar(item as string | number | boolean | null)}`];
    });
  }
  return [];
}

function yamlMapping(object: Json, indent: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    const name = formatScalar(key);
    if (Array.isArray(value)) {
      const flat = value.every((v) => v === null || typeof v === 'number');
      if (flat)
        out.push(`${indent}${name}: [${value.map((v) => (v === null ? 'null' : String(v))).join(', ')}]`);
      else out.push(`${indent}${name}:`, ...yamlLines(value, `${indent}  `));
    } else if (isRec(value) && Object.keys(value).length === 0) out.push(`${indent}${name}: {}`);
    else if (isRec(value)) out.push(`${indent}${name}:`, ...yamlMapping(value, `${indent}  `));
    else out.push(`${indent}${name}: ${formatScalar(value as string | number | boolean | null)}`);
  }
  return out;
}

/** The pack's metadata and targets as front matter text (without the --- lines). */
export function frontMatterText(pack: Pack): string {
  const { id, title, authors, license, version, description, language, targets } = pack;
  const meta: Json = {
    id,
    title,
    authors,
    license,
    version,
    description,
    language,
    pages: targets.pages,
    models: targets.models,
  };
  return yamlMapping(meta, '').join('\n');
}
