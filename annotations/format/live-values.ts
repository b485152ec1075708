// Live values in prose, `{{m.conv1.mean | .3f}}`: the grammar's parser, finder and number formatter, shared by the
// validator (unknown aliases are errors), the renderer (placeholders) and the overlay (filling them in).
import type { LiveStat, TensorRole } from './types';
import { WEIGHT_ROLES } from '../../model/model-graph';

export const MODEL_STATS = ['params', 'nodes', 'top1', 'argmax', 'fingerprint', 'backend'] as const;
export const NODE_STATS = [
  'mean',
  'max',
  'min',
  'std',
  'sparsity',
  'norm',
  'shape',
  'params',
  'size',
  'dtype',
  'op',
  'top1',
  'argmax',
] as const;
export const LIVE_STATS: readonly LiveStat[] = [...new Set<LiveStat>([...NODE_STATS, ...MODEL_STATS])];
export const TENSOR_ROLES: readonly TensorRole[] = ['output', ...WEIGHT_ROLES];
/** `.3f` fixed, `.2e` exponent, `.1%` percent, `d` integer with thousands separators, `s` as-is. */
export const LIVE_FORMAT_PATTERN = /^(?:\.\d[fe%]|d|s)$/;

export interface LiveValueRef {
  alias: string;
  /** Absent for model-level stats such as {{m.params}}. */
  node?: string;
  role?: TensorRole;
  stat: LiveStat;
  format?: string;
}

export type LiveParse = { ok: true; ref: LiveValueRef } | { ok: false; error: string };

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BARE_NODE = /^[A-Za-z0-9_/:-]+$/;

/** Splits on dots outside [brackets]; returns undefined on an unclosed bracket. */
function splitRef(ref: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < ref.length; i++) {
    const c = ref[i];
    if (c === '[' && current === '') {
      const close = ref.indexOf(']', i);
      if (close < 0) return undefined;
      current = ref.slice(i, close + 1);
      i = close;
    } else if (c === '.') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Parses the inside of `{{ … }}`. */
export function parseLiveValue(expression: string): LiveParse {
  const [refText = '', ...formatParts] = expression.split('|');
  if (formatParts.length > 1) return { ok: false, error: 'only one | format is allowed' };
  const format = formatParts[0]?.trim();
  if (format !== undefined && !LIVE_FORMAT_PATTERN.test(format))
    return { ok: false, error: `unknown format '${format}'; use .3f, .2e, .1%, d or s` };
  const parts = splitRef(refText.trim());
  if (!parts || parts.some((p) => p === ''))
    return { ok: false, error: `cannot read '${refText.trim()}'; write alias.node.stat, e.g. m.conv1.mean` };
  const [alias = '', ...rest] = parts;
  if (!ALIAS.test(alias)) return { ok: false, error: `'${alias}' is not a model alias` };
  const stat = rest[rest.length - 1] as LiveStat;
  const withFormat = (ref: LiveValueRef): LiveParse => ({ ok: true, ref: format ? { ...ref, format } : ref });
  if (rest.length === 1) {
    if (!(MODEL_STATS as readonly string[]).includes(stat))
      return { ok: false, error: `'${stat}' is not a model statistic (${MODEL_STATS.join(', ')})` };
    return withFormat({ alias, stat });
  }
  if (rest.length > 3) return { ok: false, error: 'too many parts; write alias.node[.role].stat' };
  const nodePart = rest[0] ?? '';
  const node = nodePart.startsWith('[') ? nodePart.slice(1, -1) : nodePart;
  if (node === '' || (!nodePart.startsWith('[') && !BARE_NODE.test(node)))
    return { ok: false, error: `node '${nodePart}' needs brackets: m.[${nodePart}].mean` };
  if (!(NODE_STATS as readonly string[]).includes(stat))
    return { ok: false, error: `'${stat}' is not a node statistic (${NODE_STATS.join(', ')})` };
  if (rest.length === 3) {
    const role = rest[1] as TensorRole;
    if (!TENSOR_ROLES.includes(role))
      return { ok: false, error: `'${role}' is not a tensor role (${TENSOR_ROLES.join(', ')})` };
    return withFormat({ alias, node, role, stat });
  }
  return withFormat({ alias, node, stat });
}

/** The canonical text of a reference (what a parse of it gives back). */
export function liveValueToString(ref: LiveValueRef): string {
  const node = ref.node === undefined ? '' : BARE_NODE.test(ref.node) ? `.${ref.node}` : `.[${ref.node}]`;
  const role = ref.role ? `.${ref.role}` : '';
  return `${ref.alias}${node}${role}.${ref.stat}${ref.format ? ` | ${ref.format}` : ''}`;
}

export interface LiveValueOccurrence {
  /** Offsets of `{{` and just after `}}` in the text. */
  start: number;
  end: number;
  expression: string;
  parsed: LiveParse;
}

const LIVE_PATTERN = /\{\{([^{}\n]{0,200}?)\}\}/g;

/** Every `{{…}}` in Markdown outside code spans and fenced code, and not escaped as `\{{`. */
export function findLiveValues(markdown: string): LiveValueOccurrence[] {
  const masked = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, (m) => ' '.repeat(m.length))
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (m) => ' '.repeat(m.length));
  const found: LiveValueOccurrence[] = [];
  for (const match of masked.matchAll(LIVE_PATTERN)) {
    const start = match.index ?? 0;
    if (start > 0 && masked[start - 1] === '\\') continue;
    const expression = match[1] ?? '';
    found.push({ start, end: start + match[0].length, expression, parsed: parseLiveValue(expression) });
  }
  return found;
}

/** Formats a live number (or shape, or string) for prose. */
export function formatLiveValue(value: number | string | (number | null)[] | null, format?: string): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return `[${value.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
  if (typeof value === 'string' || format === 's') return String(value);
  if (!Number.isFinite(value)) return String(value);
  const digits = Number(format?.[1] ?? 3);
  switch (format?.[2] ?? format) {
    case 'f':
      return value.toFixed(digits);
    case 'e':
      return value.toExponential(digits);
    case '%':
      return `${(value * 100).toFixed(digits)}%`;
    case 'd':
      return Math.round(value).toLocaleString('en-US');
    default:
      return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  }
}
