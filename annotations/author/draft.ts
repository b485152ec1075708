// The pack an annotator is writing in place, as pure edits on a Pack value: new items of each kind, tour steps
// (ordered, each highlighting its items), notes pinned to model nodes with a structure guard, a new version of an
// existing pack, and validation errors mapped to the item or step they belong to. The overlay only calls these.
import type { ModelGraph, ModelNode } from '../../model/model-graph';
import type {
  Annotation,
  AnnotationKind,
  ModelSelector,
  NodeConstraint,
  Pack,
  PageSelector,
  Step,
  Target,
  ViewType,
} from '../format/types';
import { FORMAT_VERSION, LITERATE_CONTEXT, W3C_ANNO_CONTEXT } from '../format/types';
import type { ValidationError } from '../format/validate';
import { DEFAULT_MOTIVATION } from './build';

export const VIEW_TYPES: readonly ViewType[] = [
  'feature-maps',
  'activation-bars',
  'top-k',
  'weight-histogram',
  'filters',
];

/** `https://host/path/` → `https://host/path/*`: the page pattern a new pack starts with. */
export function pagePatternOf(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    const path = url.pathname.endsWith('/') ? url.pathname : url.pathname.replace(/[^/]*$/, '');
    return `${url.origin}${path}*`;
  } catch {
    return '*';
  }
}

/** A short id from words: 'Draw a digit' → 'draw-a-digit'. */
export function slug(text: string, fallback = 'pack'): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return s || fallback;
}

export interface NewPackOptions {
  pageUrl: string;
  title: string;
  author: string;
  /** The models on the page, described: each gets an alias and its fingerprint. */
  graphs: readonly Pick<ModelGraph, 'fingerprint' | 'kind' | 'nodes'>[];
}

/** An empty, valid-once-written pack for this page and its models. */
export function newPack({ pageUrl, title, author, graphs }: NewPackOptions): Pack {
  return {
    '@context': [W3C_ANNO_CONTEXT, LITERATE_CONTEXT],
    type: 'AnnotationCollection',
    literate: FORMAT_VERSION,
    id: slug(title),
    title,
    authors: [{ name: author }],
    license: 'CC-BY-4.0',
    version: '0.1.0',
    targets: {
      pages: [pagePatternOf(pageUrl)],
      models: graphs.map((g, i) => ({
        alias: graphs.length === 1 ? 'model' : `model${i + 1}`,
        fingerprint: g.fingerprint,
      })),
    },
    items: [],
  };
}

/** The next free id with this prefix: note-1, note-2 … (ids are unique across items and steps). */
export function nextId(pack: Pack, prefix: string): string {
  const used = new Set([...pack.items.map((a) => a.id), ...(pack.steps ?? []).map((s) => s.id)]);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** The body a new item of each kind starts with. */
export function emptyAnnotation(
  kind: AnnotationKind,
  id: string,
  target: Target | undefined,
  outputShape?: ModelNode['outputShape'],
): Annotation {
  const base = { id, type: 'Annotation' as const, motivation: DEFAULT_MOTIVATION[kind] ?? 'commenting' };
  const withTarget = target ? { target } : {};
  switch (kind) {
    case 'note':
      return {
        ...base,
        ...withTarget,
        kind,
        body: { type: 'TextualBody', format: 'text/markdown', value: '' },
      };
    case 'equation':
      return { ...base, ...withTarget, kind, body: { type: 'Equation', tex: '', bindings: {} } };
    case 'view':
      return { ...base, ...withTarget, kind, body: { type: 'View', view: 'feature-maps' } };
    case 'example': {
      const css = target?.selector?.find((s) => s.type === 'CssSelector');
      return {
        ...base,
        ...withTarget,
        kind,
        body: { type: 'Example', input: { element: css?.type === 'CssSelector' ? css.value : '' } },
      };
    }
    case 'check':
      return {
        ...base,
        ...withTarget,
        kind,
        body: outputShape
          ? { type: 'Check', check: 'shape', expected: outputShape, claim: '' }
          : { type: 'Check', check: 'params', expected: 0, claim: '' },
      };
    case 'control':
      return { ...base, ...withTarget, kind, body: { type: 'Control', control: 'draw', label: '' } };
    case 'predict':
      return { ...base, ...withTarget, kind, body: { type: 'Predict', question: '', options: [] } };
  }
}

/** A model target for a node picked in the outline: by name, with its op as a guard. */
export function nodeTarget(alias: string, node: Pick<ModelNode, 'id' | 'op'>): Target {
  const model: ModelSelector = { type: 'ModelNodeSelector', model: alias, node: node.id, op: node.op };
  return { model };
}

/** Records the node's op and output shape in the model's structure constraints, so a changed model is noticed. */
export function guardNode(
  pack: Pack,
  alias: string,
  node: Pick<ModelNode, 'id' | 'op' | 'outputShape'>,
): Pack {
  const models = pack.targets.models.map((m) => {
    if (m.alias !== alias) return m;
    const nodes = m.structure?.nodes ?? [];
    if (nodes.some((n) => n.name === node.id)) return m;
    const constraint: NodeConstraint = {
      name: node.id,
      op: node.op,
      ...(node.outputShape ? { outputShape: node.outputShape } : {}),
    };
    return { ...m, structure: { ...m.structure, nodes: [...nodes, constraint] } };
  });
  return { ...pack, targets: { ...pack.targets, models } };
}

export function pageTarget(source: string, selectors: PageSelector[]): Target {
  return { source, selector: selectors };
}

export function addAnnotation(pack: Pack, annotation: Annotation): Pack {
  return syncHighlights({ ...pack, items: [...pack.items, annotation] });
}

export function updateAnnotation(pack: Pack, id: string, change: (a: Annotation) => Annotation): Pack {
  return syncHighlights({ ...pack, items: pack.items.map((a) => (a.id === id ? change(a) : a)) });
}

export function removeAnnotation(pack: Pack, id: string): Pack {
  return syncHighlights({ ...pack, items: pack.items.filter((a) => a.id !== id) });
}

export function addStep(pack: Pack, title: string): { pack: Pack; id: string } {
  const id = nextId(pack, 'step');
  const step: Step = { id, title, highlights: [] };
  return { pack: syncHighlights({ ...pack, steps: [...(pack.steps ?? []), step] }), id };
}

export function updateStep(pack: Pack, id: string, change: (s: Step) => Step): Pack {
  return syncHighlights({ ...pack, steps: (pack.steps ?? []).map((s) => (s.id === id ? change(s) : s)) });
}

/** Removes a step; its items stay, no longer part of the tour. */
export function removeStep(pack: Pack, id: string): Pack {
  const steps = (pack.steps ?? []).filter((s) => s.id !== id);
  const items = pack.items.map((a) => {
    if (a.step !== id) return a;
    const { step: _drop, ...rest } = a;
    return rest as Annotation;
  });
  const next: Pack = { ...pack, items, steps };
  if (steps.length === 0) delete next.steps;
  return syncHighlights(next);
}

/** Moves a step by `delta` places (clamped); the tour order is the steps' order. */
export function moveStep(pack: Pack, id: string, delta: number): Pack {
  const steps = [...(pack.steps ?? [])];
  const from = steps.findIndex((s) => s.id === id);
  if (from < 0) return pack;
  const to = Math.max(0, Math.min(steps.length - 1, from + delta));
  if (to === from) return pack;
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step as Step);
  return { ...pack, steps };
}

/** Moves a step to index `to` (drag and drop). */
export function placeStep(pack: Pack, id: string, to: number): Pack {
  const from = (pack.steps ?? []).findIndex((s) => s.id === id);
  return from < 0 ? pack : moveStep(pack, id, to - from);
}

/** Each step highlights exactly the items that name it, in item order. */
export function syncHighlights(pack: Pack): Pack {
  if (!pack.steps) return pack;
  const steps = pack.steps.map((s) => {
    const highlights = pack.items.filter((a) => a.step === s.id).map((a) => a.id);
    return JSON.stringify(highlights) === JSON.stringify(s.highlights ?? []) ? s : { ...s, highlights };
  });
  return { ...pack, steps };
}

/** 1.2.3 → 1.3.0 (a new version of an existing pack's content); anything else gets '.1' appended sensibly. */
export function bumpVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (m) return `${m[1]}.${Number(m[2]) + 1}.0`;
  return /^\d+$/.test(version) ? `${Number(version) + 1}` : '0.1.0';
}

/** Maps each error's JSON pointer to the item or step it is about (by id, so reordering keeps it right). */
export function placeErrors(pack: Pack, errors: readonly ValidationError[]): Map<string, ValidationError[]> {
  const out = new Map<string, ValidationError[]>();
  const add = (key: string, e: ValidationError) => out.set(key, [...(out.get(key) ?? []), e]);
  for (const e of errors) {
    const m = /^\/(items|steps)\/(\d+)(\/|$)/.exec(e.pointer);
    const list = m?.[1] === 'items' ? pack.items : m?.[1] === 'steps' ? (pack.steps ?? []) : null;
    const entry = m && list ? list[Number(m[2])] : undefined;
    if (m && entry) add(`${m[1] === 'items' ? 'item' : 'step'}:${entry.id}`, e);
    else add('pack', e);
  }
  return out;
}

/** The pointer of an error made relative to its item or step, for display: '/body/value'. */
export function localPointer(pointer: string): string {
  return pointer.replace(/^\/(items|steps)\/\d+/, '') || '/';
}
