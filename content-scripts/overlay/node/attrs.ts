// Which node attributes the layer view lists, in what order, and how their values read. Pure.

import { t } from '../../../extension/ui/i18n';
import type { ModelNode } from '../../../model/model-graph';

type AttrValue = ModelNode['attrs'][string];

/** Internal bookkeeping that would only confuse a reader. */
const HIDDEN = new Set([
  'nestedIn',
  'layers',
  'T',
  'Tidx',
  'Tshape',
  'Tpaddings',
  'TI',
  'U',
  'use_cudnn_on_gpu',
  'explicit_paddings',
  'dtype',
  'trainable',
  'name',
]);
const FIRST = [
  'activation',
  'units',
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'poolSize',
  'rate',
  'axis',
  'fused_ops',
];

export function shownAttrs(attrs: ModelNode['attrs']): [string, AttrValue][] {
  const entries = Object.entries(attrs).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== undefined);
  const rank = (k: string) => {
    const i = FIRST.indexOf(k);
    return i < 0 ? FIRST.length : i;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function formatAttr(v: AttrValue): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => (x === null ? '?' : String(x))).join(' × ') : '[]';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  if (typeof v === 'boolean') return v ? t('attrYes') : t('attrNo');
  return String(v);
}
