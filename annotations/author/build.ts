// Compiles a literate Markdown pack (front matter + ::: blocks) into a pack, then validates it; every error, from
// either stage, points at a line of the Markdown source.
import { didYouMean } from '../format/suggest';
import type { Annotation, Pack } from '../format/types';
import { LITERATE_CONTEXT, W3C_ANNO_CONTEXT } from '../format/types';
import { validatePack } from '../format/validate';
import {
  BINDING_KEYS,
  KIND_KEYS,
  modelSelectorOf,
  targetOf,
  typedAttribute,
  type Typed,
} from './attribute-fields';
import { splitLiterate, parseAttributes, type Directive, type SourceError } from './directives';
import { compareFields, controlBody, predictBody } from './explorable-blocks';
import { parseFrontMatter, type YamlValue } from './front-matter';
import { typeFrontMatter } from './front-matter-fields';

export interface BuildError extends SourceError {
  /** JSON pointer into the built pack, for validation errors. */
  pointer?: string;
}

export type BuildResult =
  { ok: true; pack: Pack; errors: [] } | { ok: false; pack?: unknown; errors: BuildError[] };

export const DEFAULT_MOTIVATION: Record<string, Annotation['motivation']> = {
  note: 'commenting',
  equation: 'describing',
  view: 'describing',
  example: 'assessing',
  check: 'assessing',
  control: 'describing',
  predict: 'questioning',
};

interface Context {
  errors: BuildError[];
  lines: Map<string, number>;
}

function typedAttributes(
  directive: Directive,
  allowed: readonly string[],
  ctx: Context,
): Record<string, Typed> {
  const out: Record<string, Typed> = {};
  for (const [key, raw] of directive.attributes) {
    if (!allowed.includes(key)) {
      ctx.errors.push({
        line: directive.line,
        message: `unknown attribute '${key}' on :::${directive.kind}`,
        hint: didYouMean(key, allowed) ?? `allowed: ${allowed.join(', ')}`,
      });
      continue;
    }
    const typed = typedAttribute(key, raw);
    if ('error' in typed) ctx.errors.push({ line: directive.line, message: typed.error });
    else out[key] = typed.value;
  }
  return out;
}

/** `- $W_c$ {model=cnn node=conv1 role=kernel}` lines right after the TeX block. */
const BINDING_LINE = /^- \$([^$]+)\$\s*(\{.*\})\s*$/;

function buildEquation(directive: Directive, a: Record<string, Typed>, ctx: Context, path: string) {
  const lines = directive.content.split('\n');
  if (lines[0]?.trim() !== '$$') {
    ctx.errors.push({
      line: directive.contentLine,
      message: ':::equation must start with a $$ line',
      hint: 'write the TeX between two lines of $$',
    });
    return undefined;
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '$$');
  if (close < 0) {
    ctx.errors.push({ line: directive.contentLine, message: 'the $$ TeX block is never closed' });
    return undefined;
  }
  const tex = lines.slice(1, close).join('\n');
  ctx.lines.set(`${path}/body/tex`, directive.contentLine + 1);
  const bindings: Record<string, Record<string, unknown>> = {};
  let i = close + 1;
  for (; i < lines.length; i++) {
    const match = BINDING_LINE.exec(lines[i] as string);
    if (!match) break;
    const line = directive.contentLine + i;
    const parsed = parseAttributes(match[2] as string);
    if (parsed.error) ctx.errors.push({ line, message: parsed.error });
    const typed: Record<string, Typed> = {};
    for (const [key, raw] of parsed.attributes) {
      if (!(BINDING_KEYS as readonly string[]).includes(key)) {
        ctx.errors.push({
          line,
          message: `unknown binding attribute '${key}'`,
          hint: didYouMean(key, BINDING_KEYS),
        });
        continue;
      }
      const value = typedAttribute(key, raw);
      if ('error' in value) ctx.errors.push({ line, message: value.error });
      else typed[key] = value.value;
    }
    const symbol = match[1] as string;
    if (Object.hasOwn(bindings, symbol)) ctx.errors.push({ line, message: `symbol $${symbol}$ bound twice` });
    const binding: Record<string, unknown> = { ...modelSelectorOf(typed) };
    if (typed.stat !== undefined) binding.stat = typed.stat;
    if (typed.format !== undefined) binding.format = typed.format;
    Object.defineProperty(bindings, symbol, {
      value: binding,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    ctx.lines.set(`${path}/body/bindings/${symbol}`, line);
  }
  const caption = lines.slice(i).join('\n').trim();
  if (caption) ctx.lines.set(`${path}/body/caption`, directive.contentLine + i);
  return {
    type: 'Equation',
    tex,
    ...(a.display !== undefined ? { display: a.display } : {}),
    ...(Object.keys(bindings).length > 0 ? { bindings } : {}),
    ...(caption ? { caption } : {}),
  };
}

function pick(a: Record<string, Typed>, keys: string[]): Record<string, Typed> {
  return Object.fromEntries(keys.filter((k) => a[k] !== undefined).map((k) => [k, a[k] as Typed]));
}

function checkBody(a: Record<string, Typed>, directive: Directive, ctx: Context): Record<string, unknown> {
  const body: Record<string, unknown> = { type: 'Check', check: a.check };
  if (directive.content) body.claim = directive.content;
  const kind = a.check;
  if (a['expected-index'] !== undefined) body.expected = a['expected-index'];
  else if (typeof a.expected === 'string') {
    if (kind === 'shape') {
      const typed = typedAttribute('shape', a.expected);
      if ('error' in typed)
        ctx.errors.push({
          line: directive.line,
          message: "'expected' must be a JSON shape like [null, 26, 26, 8]",
        });
      else body.expected = typed.value;
    } else if (kind === 'params') {
      const typed = typedAttribute('k', a.expected);
      if ('error' in typed)
        ctx.errors.push({ line: directive.line, message: "'expected' must be an integer" });
      else body.expected = typed.value;
    } else body.expected = a.expected;
  }
  Object.assign(
    body,
    pick(a, [
      'example',
      'examples',
      'min',
      'max',
      'value',
      'tolerance',
      'inputIndex',
      'from',
      'to',
      'steps',
      'outputIndex',
      'direction',
    ]),
  );
  if (a.transform !== undefined)
    body.transform = { type: a.transform, ...pick(a, ['dx', 'dy', 'amount', 'axis']) };
  if (kind === 'compare') Object.assign(body, compareFields(a));
  return body;
}

function buildAnnotation(directive: Directive, index: number, ctx: Context): unknown {
  const path = `/items/${index}`;
  ctx.lines.set(path, directive.line);
  if (directive.kind === 'json') {
    try {
      return JSON.parse(directive.content) as unknown;
    } catch (error) {
      ctx.errors.push({ line: directive.contentLine, message: `invalid JSON: ${(error as Error).message}` });
      return undefined;
    }
  }
  const a = typedAttributes(directive, KIND_KEYS[directive.kind] ?? [], ctx);
  const target = targetOf(a);
  let body: unknown;
  switch (directive.kind) {
    case 'note':
      body = { type: 'TextualBody', format: 'text/markdown', value: directive.content };
      ctx.lines.set(`${path}/body/value`, directive.contentLine);
      break;
    case 'equation':
      body = buildEquation(directive, a, ctx, path);
      break;
    case 'view':
      body = {
        type: 'View',
        view: a.view,
        ...pick(a, ['k', 'labels', 'channels', 'bins']),
        ...(directive.content ? { caption: directive.content } : {}),
      };
      break;
    case 'example': {
      // mean=[…] std=[…] are the input's normalisation ({normalize: {mean, std}}); the validator checks the pair.
      const normalize = pick(a, ['mean', 'std']);
      const input = {
        ...pick(a, ['image', 'tensor', 'shape', 'element']),
        ...(Object.keys(normalize).length > 0 ? { normalize } : {}),
      };
      const expected = {
        ...pick(a, ['top1', 'values', 'tolerance']),
        ...(a['top1-index'] !== undefined ? { top1: a['top1-index'] } : {}),
      };
      body = {
        type: 'Example',
        input,
        ...(Object.keys(expected).length > 0 ? { expected } : {}),
        ...(directive.content ? { caption: directive.content } : {}),
      };
      break;
    }
    case 'check':
      body = checkBody(a, directive, ctx);
      break;
    case 'control':
      body = controlBody(a, directive.content);
      break;
    case 'predict':
      body = predictBody(a, directive.content);
      break;
  }
  const annotation: Record<string, unknown> = {
    id: directive.id ?? `${directive.kind}-${index + 1}`,
    type: 'Annotation',
    motivation: a.motivation ?? DEFAULT_MOTIVATION[directive.kind],
    kind: directive.kind,
    body,
  };
  if (target) annotation.target = target;
  if (a.step !== undefined) annotation.step = a.step;
  return annotation;
}

function buildStep(directive: Directive, index: number, ctx: Context): unknown {
  const path = `/steps/${index}`;
  ctx.lines.set(path, directive.line);
  if (directive.kind === 'step-json') {
    try {
      return JSON.parse(directive.content) as unknown;
    } catch (error) {
      ctx.errors.push({ line: directive.contentLine, message: `invalid JSON: ${(error as Error).message}` });
      return undefined;
    }
  }
  const a = typedAttributes(directive, KIND_KEYS.step ?? [], ctx);
  const target = targetOf(a);
  const step: Record<string, unknown> = { id: directive.id ?? `step-${index + 1}`, title: a.title };
  if (directive.content) {
    step.body = directive.content;
    ctx.lines.set(`${path}/body`, directive.contentLine);
  }
  if (typeof a.highlights === 'string') step.highlights = a.highlights.split(/\s+/).filter(Boolean);
  if (target) step.target = target;
  return step;
}

const ANNOTATION_KINDS = ['note', 'equation', 'view', 'example', 'check', 'control', 'predict', 'json'];

/** One block on its own (for the decompiler's round-trip check): the annotation or step it builds, and errors. */
export function buildBlock(directive: Directive): { value: unknown; errors: BuildError[] } {
  const ctx: Context = { errors: [], lines: new Map() };
  const value = ANNOTATION_KINDS.includes(directive.kind)
    ? buildAnnotation(directive, 0, ctx)
    : buildStep(directive, 0, ctx);
  return { value, errors: ctx.errors };
}

/** Builds a pack from literate Markdown. */
export function buildPack(source: string): BuildResult {
  const split = splitLiterate(source);
  const ctx: Context = { errors: [...split.errors], lines: new Map() };
  const frontMatter = split.frontMatter
    ? parseFrontMatter(split.frontMatter.text, split.frontMatter.line)
    : undefined;
  for (const error of frontMatter?.errors ?? [])
    ctx.errors.push({
      line: error.line,
      ...(error.column ? { column: error.column } : {}),
      message: error.message,
    });
  const meta = typeFrontMatter((frontMatter?.value ?? {}) as Record<string, YamlValue>);
  for (const [path, line] of frontMatter?.lines ?? []) {
    const mapped = path.replace(/^\/(pages|models)/, '/targets/$1');
    ctx.lines.set(mapped, line);
  }
  const items: unknown[] = [];
  const steps: unknown[] = [];
  for (const directive of split.directives) {
    if (ANNOTATION_KINDS.includes(directive.kind)) items.push(buildAnnotation(directive, items.length, ctx));
    else if (directive.kind === 'step' || directive.kind === 'step-json')
      steps.push(buildStep(directive, steps.length, ctx));
    else
      ctx.errors.push({
        line: directive.line,
        message: `unknown block :::${directive.kind}`,
        hint: didYouMean(directive.kind, [...ANNOTATION_KINDS, 'step']),
      });
  }
  const { pages, models, ...rest } = meta;
  const pack: Record<string, unknown> = {
    '@context': [W3C_ANNO_CONTEXT, LITERATE_CONTEXT],
    type: 'AnnotationCollection',
    literate: '1',
    ...rest,
    targets: { pages, models },
    items,
  };
  if (steps.length > 0) pack.steps = steps;

  const validation = validatePack(pack);
  if (!validation.ok) {
    for (const error of validation.errors)
      ctx.errors.push({
        line: lineOf(error.pointer, ctx.lines),
        message: error.reason,
        hint: error.hint,
        pointer: error.pointer,
      });
  }
  if (ctx.errors.length > 0) {
    ctx.errors.sort((x, y) => x.line - y.line);
    return { ok: false, pack, errors: ctx.errors };
  }
  return { ok: true, pack: pack as unknown as Pack, errors: [] };
}

/** The source line of the longest pointer prefix we know a line for. */
function lineOf(pointer: string, lines: Map<string, number>): number {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const line = lines.get(current);
    if (line !== undefined) return line;
    if (current === '') return 1;
  }
}
