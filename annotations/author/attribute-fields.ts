// Directive attributes ↔ pack fields: the typed meaning of each attribute (integer, number, JSON, boolean), the
// page and model anchors they spell, and the reverse for decompiling. One table, used in both directions.
import type { DiagramSelector, ModelSelector, PageSelector, Target } from '../format/types';

export const PAGE_KEYS = ['source', 'page', 'css', 'quote', 'prefix', 'suffix', 'start', 'end'] as const;
export const MODEL_KEYS = [
  'model',
  'node',
  'pattern',
  'op',
  'nth',
  'index',
  'role',
  'channel',
  'unit',
] as const;
export const DIAGRAM_KEYS = ['diagram-node', 'diagram-nodes', 'diagram-group', 'diagram-model'] as const;
const COMMON = ['motivation', 'step', ...PAGE_KEYS, ...MODEL_KEYS, ...DIAGRAM_KEYS];

export const KIND_KEYS: Record<string, readonly string[]> = {
  note: COMMON,
  equation: [...COMMON, 'display'],
  view: [...COMMON, 'view', 'k', 'labels', 'channels', 'bins'],
  example: [
    ...COMMON,
    'image',
    'tensor',
    'shape',
    'element',
    'mean',
    'std',
    'top1',
    'top1-index',
    'values',
    'tolerance',
  ],
  check: [
    ...COMMON,
    'check',
    'expected',
    'expected-index',
    'example',
    'examples',
    'min',
    'max',
    'value',
    'tolerance',
    'transform',
    'dx',
    'dy',
    'amount',
    'axis',
    'inputIndex',
    'from',
    'to',
    'steps',
    'outputIndex',
    'direction',
    'control',
    'a',
    'b',
    'output',
    'output-index',
    'relation',
    'margin',
  ],
  control: [
    ...COMMON,
    'control',
    'label',
    'example',
    'param',
    'feature',
    'axis',
    'size',
    'at',
    'min',
    'max',
    'increment',
    'value',
    'options',
    'selected',
  ],
  predict: [...COMMON, 'control', 'example', 'setting', 'options'],
  step: ['title', 'highlights', ...PAGE_KEYS, ...MODEL_KEYS, ...DIAGRAM_KEYS],
};

export const BINDING_KEYS = [...MODEL_KEYS, 'stat', 'format'] as const;

const INTEGER = new Set([
  'start',
  'end',
  'nth',
  'index',
  'channel',
  'unit',
  'k',
  'bins',
  'top1-index',
  'expected-index',
  'inputIndex',
  'outputIndex',
  'steps',
  'dx',
  'dy',
  'feature',
  'size',
  'at',
  'output-index',
]);
const NUMBER = new Set(['tolerance', 'min', 'max', 'value', 'amount', 'from', 'to', 'increment', 'margin']);
const JSON_VALUED = new Set(['labels', 'channels', 'tensor', 'shape', 'values', 'examples', 'mean', 'std']);
const BOOLEAN = new Set(['display']);

export type Typed = string | number | boolean | unknown[];

/** The typed value of an attribute, or an error message. */
export function typedAttribute(key: string, value: string): { value: Typed } | { error: string } {
  if (INTEGER.has(key))
    return /^-?\d+$/.test(value)
      ? { value: Number(value) }
      : { error: `'${key}' must be an integer, found '${value}'` };
  if (NUMBER.has(key)) {
    const number = Number(value);
    return value.trim() !== '' && Number.isFinite(number)
      ? { value: number }
      : { error: `'${key}' must be a number, found '${value}'` };
  }
  if (BOOLEAN.has(key))
    return value === 'true' || value === 'false'
      ? { value: value === 'true' }
      : { error: `'${key}' must be true or false` };
  if (JSON_VALUED.has(key)) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return { value: parsed };
    } catch {}
    return { error: `'${key}' must be a JSON array like [1, 2] or ["a", "b"]` };
  }
  return { value };
}

/** Attribute text of a typed value. */
export function attributeText(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/** Page selectors from css / quote (+prefix, suffix) / start+end, in the combinations FORMAT.md lists. */
export function pageSelectorsOf(a: Record<string, Typed>): PageSelector[] | undefined {
  const quote: PageSelector | undefined =
    typeof a.quote === 'string'
      ? {
          type: 'TextQuoteSelector',
          exact: a.quote,
          ...(typeof a.prefix === 'string' ? { prefix: a.prefix } : {}),
          ...(typeof a.suffix === 'string' ? { suffix: a.suffix } : {}),
        }
      : undefined;
  const position: PageSelector | undefined =
    typeof a.start === 'number' && typeof a.end === 'number'
      ? { type: 'TextPositionSelector', start: a.start, end: a.end }
      : undefined;
  if (typeof a.css === 'string') {
    const css: PageSelector = { type: 'CssSelector', value: a.css };
    if (quote) return position ? [{ ...css, refinedBy: quote }, position] : [{ ...css, refinedBy: quote }];
    return [position ? { ...css, refinedBy: position } : css];
  }
  if (quote) return position ? [quote, position] : [quote];
  return position ? [position] : undefined;
}

/** A model selector from model (alias, or alias.node[.role] shorthand, or * for none) and the locator keys. */
export function modelSelectorOf(a: Record<string, Typed>): Omit<ModelSelector, 'type'> | undefined {
  if (!MODEL_KEYS.some((key) => key in a)) return undefined;
  const selector: Omit<ModelSelector, 'type'> = {};
  if (typeof a.model === 'string' && a.model !== '*') {
    const [alias, node, role] = a.model.split('.');
    selector.model = alias;
    if (node !== undefined && a.node === undefined) selector.node = node;
    if (role !== undefined && a.role === undefined) selector.role = role as ModelSelector['role'];
  }
  for (const key of ['node', 'pattern', 'op', 'nth', 'index', 'role', 'channel', 'unit'] as const)
    if (a[key] !== undefined) (selector as Record<string, unknown>)[key] = a[key];
  return selector;
}

/** A diagram selector from diagram-node / diagram-nodes (space-separated or a JSON array) / diagram-group. */
export function diagramSelectorOf(a: Record<string, Typed>): DiagramSelector | undefined {
  if (!DIAGRAM_KEYS.some((key) => key in a)) return undefined;
  const selector: DiagramSelector = { type: 'DiagramSelector' };
  if (typeof a['diagram-model'] === 'string') selector.model = a['diagram-model'];
  if (typeof a['diagram-node'] === 'string') selector.node = a['diagram-node'];
  const nodes = a['diagram-nodes'];
  if (typeof nodes === 'string') {
    let list: unknown = null;
    if (nodes.trim().startsWith('[')) {
      try {
        list = JSON.parse(nodes);
      } catch {}
    }
    // Not a JSON array of strings: names separated by spaces (the validator then reports what is wrong).
    selector.nodes =
      Array.isArray(list) && list.every((n) => typeof n === 'string')
        ? list
        : nodes.split(/\s+/).filter(Boolean);
  }
  if (typeof a['diagram-group'] === 'string') selector.group = a['diagram-group'];
  return selector;
}

export function targetOf(a: Record<string, Typed>): Target | undefined {
  const selector = pageSelectorsOf(a);
  const model = modelSelectorOf(a);
  const diagram = diagramSelectorOf(a);
  // page="PATTERN [PATTERN…]": the pack's pages these page selectors belong to (space-separated URL patterns).
  const pages = typeof a.page === 'string' ? a.page.split(/\s+/).filter(Boolean) : [];
  if (!selector && !model && !diagram && typeof a.source !== 'string' && pages.length === 0) return undefined;
  return {
    ...(typeof a.source === 'string' ? { source: a.source } : {}),
    ...(typeof a.page === 'string' ? { pages } : {}),
    ...(selector ? { selector } : {}),
    ...(model ? { model: { type: 'ModelNodeSelector' as const, ...model } } : {}),
    ...(diagram ? { diagram } : {}),
  };
}

/** Best-effort attributes for a target; the decompiler checks the round trip and falls back to JSON if it fails. */
export function targetAttributes(target: Target | undefined): [string, unknown][] {
  if (!target) return [];
  const out: [string, unknown][] = [];
  if (target.source !== undefined) out.push(['source', target.source]);
  if (target.pages !== undefined) out.push(['page', target.pages.join(' ')]);
  const selectors = target.selector ?? [];
  for (const selector of selectors) {
    const parts = selector.refinedBy ? [selector, selector.refinedBy] : [selector];
    for (const part of parts) {
      if (part.type === 'CssSelector') out.push(['css', part.value]);
      else if (part.type === 'TextQuoteSelector') {
        out.push(['quote', part.exact]);
        if (part.prefix !== undefined) out.push(['prefix', part.prefix]);
        if (part.suffix !== undefined) out.push(['suffix', part.suffix]);
      } else out.push(['start', part.start], ['end', part.end]);
    }
  }
  if (target.model) out.push(...modelAttributes(target.model));
  if (target.diagram) out.push(...diagramAttributes(target.diagram));
  return out;
}

export function diagramAttributes(selector: DiagramSelector): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (selector.model !== undefined) out.push(['diagram-model', selector.model]);
  if (selector.node !== undefined) out.push(['diagram-node', selector.node]);
  // Names with spaces (or none) need the JSON form; the usual ones read better space-separated.
  if (selector.nodes !== undefined)
    out.push([
      'diagram-nodes',
      selector.nodes.length > 0 && selector.nodes.every((n) => /^[^\s"'[\]]+$/.test(n))
        ? selector.nodes.join(' ')
        : selector.nodes,
    ]);
  if (selector.group !== undefined) out.push(['diagram-group', selector.group]);
  return out;
}

export function modelAttributes(
  selector: Omit<ModelSelector, 'type'> & { type?: string },
): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of ['node', 'pattern', 'op', 'nth', 'index', 'role', 'channel', 'unit'] as const)
    if (selector[key] !== undefined) out.push([key, selector[key]]);
  // model=* spells "the whole model, no alias" when nothing else would make a model selector.
  if (selector.model !== undefined || out.length === 0) out.unshift(['model', selector.model ?? '*']);
  return out;
}
