// Observed and expected values of examples and checks, in short text for the overlay and screen readers (pure):
// numbers to four significant digits, long lists cut, top-k entries with their class labels.

import type { TopEntry } from '../../../annotations/checks/types';
import type { ExampleExpectation } from '../../../annotations/format/types';
import { formatNumber as formatLocalNumber, t } from '../../../extension/ui/i18n';

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e9) return String(n);
  const a = Math.abs(n);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return n.toExponential(3);
  return String(Number(n.toPrecision(4)));
}

const MAX_ITEMS = 12;
const MAX_CHARS = 240;

/** Any JSON-safe value (what a check observed or expected) as one short line. */
export function formatValue(v: unknown, depth = 0): string {
  const text = ((): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') return formatNumber(v);
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? t('valueYes') : t('valueNo');
    if (depth > 3) return '…';
    if (Array.isArray(v)) {
      const shown = v.slice(0, MAX_ITEMS).map((x) => formatValue(x, depth + 1));
      return `[${shown.join(', ')}${v.length > MAX_ITEMS ? t('valueMore', v.length - MAX_ITEMS) : ''}]`;
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).slice(0, MAX_ITEMS);
      return entries.map(([k, x]) => `${k}: ${formatValue(x, depth + 1)}`).join(', ');
    }
    return String(v);
  })();
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

export function topEntryText(e: TopEntry): string {
  const percent = formatLocalNumber(e.score, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return `${e.label ?? t('classN', e.index)} ${percent}`;
}

/** What an example expects, in words ("top-1 circle; values [0.1, …] ± 0.001"). */
export function expectedText(expected: ExampleExpectation | null, labels: readonly string[] | null): string {
  if (!expected) return t('expectedNothing');
  const parts: string[] = [];
  if (expected.top1 !== undefined)
    parts.push(
      t(
        'expectedTop1',
        typeof expected.top1 === 'number'
          ? (labels?.[expected.top1] ?? t('classN', expected.top1))
          : expected.top1,
      ),
    );
  if (expected.values)
    parts.push(t('expectedValues', formatValue(expected.values), formatNumber(expected.tolerance ?? 1e-3)));
  return parts.join('; ') || t('expectedNothing');
}
